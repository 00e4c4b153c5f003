// HTTP of the unassigned-readings page (GET /api/unassigned…, POST /api/unassigned/assign). Failures carry the
// server's reason (problem details "detail", or the first validation error) so the page can show why.
import { antiforgery } from "./api.js";

function signInAgain() {
  location.assign(`signin.html?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
}

async function reason(response) {
  try {
    const problem = await response.json();
    const firstError = Object.values(problem.errors ?? {}).flat()[0];
    return problem.detail ?? firstError ?? problem.title ?? `${response.status}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

async function send(url, init) {
  const response = await fetch(url, init);
  if (response.status === 401) {
    signInAgain();
  }
  if (!response.ok) {
    const error = new Error(await reason(response));
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function unassignedReadings(clinic, days) {
  return send(`api/unassigned${query({ clinic, days })}`, { headers: { Accept: "application/json" } });
}

export function clinicPatients(clinic, q) {
  return send(`api/unassigned/patients${query({ clinic, q })}`, { headers: { Accept: "application/json" } });
}

export async function assignReading(clinic, readingId, patientId) {
  const { token, headerName } = await antiforgery();
  return send("api/unassigned/assign", {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json", [headerName]: token },
    body: JSON.stringify({ clinic: clinic || undefined, readingId, patientId }),
  });
}
