// The patient page's care plan (/api/patients/{id}/care-plan). Same request helper as the admin page: a refusal
// comes back as an AdminError with the server's field problems; PUT and DELETE carry the anti-forgery token.
import { send } from "./admin-api.js";

const url = (id) => `api/patients/${encodeURIComponent(id)}/care-plan`;

export const carePlan = (id) => send("GET", url(id));
export const saveCarePlan = (id, targets) => send("PUT", url(id), targets);
export const resetCarePlan = (id) => send("DELETE", url(id));
