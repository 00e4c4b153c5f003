// The admin page's calls (/api/admin/…). Refusals come back as a list of { row, column, code, reason } problems,
// which the page shows in the user's language; every state change carries the anti-forgery token.
import { antiforgery } from "./api.js";

/** A refused request: `problems` holds the server's field problems (possibly empty), `status` the HTTP status. */
export class AdminError extends Error {
  constructor(status, problems) {
    super(`${status}`);
    this.status = status;
    this.problems = problems;
  }
}

export async function send(method, url, body, contentType = "application/json") {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    const { token, headerName } = await antiforgery();
    headers[headerName] = token;
    headers["Content-Type"] = contentType;
  }
  const response = await fetch(url, {
    method,
    headers,
    body: method === "GET" ? undefined : contentType === "application/json" ? JSON.stringify(body ?? {}) : body,
  });
  if (response.status === 401) {
    location.assign(`signin.html?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
  }
  if (!response.ok) {
    let problems = [];
    try {
      const data = await response.json();
      problems = Array.isArray(data) ? data : [];
    } catch {
      // Not JSON (e.g. 403 without a body): the status says enough.
    }
    throw new AdminError(response.status, problems);
  }
  return response.status === 204 ? null : response.json();
}

const q = (clinic) => (clinic ? `?clinic=${encodeURIComponent(clinic)}` : "");

export const clinics = () => send("GET", "api/admin/clinics");
export const createClinic = (clinic) => send("POST", "api/admin/clinics", clinic);
export const grids = (clinic) => send("GET", `api/admin/grids${q(clinic)}`);
export const createGrid = (grid) => send("POST", "api/admin/grids", grid);
export const users = (clinic) => send("GET", `api/admin/users${q(clinic)}`);
export const createUser = (user) => send("POST", "api/admin/users", user);
export const resetPassword = (id) => send("POST", `api/admin/users/${encodeURIComponent(id)}/reset-password`);
export const unlockUser = (id) => send("POST", `api/admin/users/${encodeURIComponent(id)}/unlock`);
export const patients = (clinic) => send("GET", `api/admin/patients${q(clinic)}`);
export const createPatient = (patient) => send("POST", "api/admin/patients", patient);
export const updatePatient = (id, patient) => send("PUT", `api/admin/patients/${encodeURIComponent(id)}`, patient);
export const carePlan = (id) => send("GET", `api/admin/patients/${encodeURIComponent(id)}/care-plan`);
export const saveCarePlan = (id, targets) => send("PUT", `api/admin/patients/${encodeURIComponent(id)}/care-plan`, targets);
export const resetCarePlan = (id) => send("DELETE", `api/admin/patients/${encodeURIComponent(id)}/care-plan`);

/** Sends the file's bytes as they are (the server checks the UTF-8 and drops a BOM). */
export function importRoster(clinic, file, dryRun) {
  const search = new URLSearchParams({ clinic, dryRun: String(dryRun) });
  return send("POST", `api/admin/patients/import?${search}`, file, "text/csv");
}
