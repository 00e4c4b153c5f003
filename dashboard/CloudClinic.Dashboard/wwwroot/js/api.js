// HTTP reads, so a page opened mid-day still shows what was measured before it connected.

/** A signed-out (or expired) session: back to the sign-in page, then here again. */
function signInAgain() {
  location.assign(`signin.html?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.status === 401) {
    signInAgain();
  }
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function latestReadings(clinic, limit) {
  return getJson(`api/readings/latest${query({ clinic, limit })}`);
}

export function gateways(clinic) {
  return getJson(`api/gateways${query({ clinic })}`);
}

export function webhooks(clinic) {
  return getJson(`api/webhooks${query({ clinic })}`);
}

export function recentAlerts(clinic, limit) {
  return getJson(`api/alerts/recent${query({ clinic, limit })}`);
}

export function clinicDay(clinic) {
  return getJson(`api/clinic${query({ clinic })}`);
}

export function todayReadings(clinic) {
  return getJson(`api/readings/today${query({ clinic })}`);
}

export function patientHistory(id, days) {
  return getJson(`api/patients/${encodeURIComponent(id)}/history${query({ days })}`);
}

export function antiforgery() {
  return getJson("account/antiforgery");
}

export function me() {
  return getJson("account/me");
}

/** State-changing calls carry the anti-forgery token in its header (the server checks it). */
export async function postJson(url, body) {
  const { token, headerName } = await antiforgery();
  const response = await fetch(url, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json", [headerName]: token },
    body: JSON.stringify(body ?? {}),
  });
  if (response.status === 401) {
    signInAgain();
  }
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return response.status === 204 ? null : response.json();
}

export function signOut() {
  return postJson("account/signout");
}

export function openAlerts(clinic) {
  return getJson(`api/alerts/open${query({ clinic })}`);
}

export function alertHistory(clinic, days) {
  return getJson(`api/alerts/history${query({ clinic, days })}`);
}

export function acknowledgeAlert(id, note) {
  return postJson(`api/alerts/${encodeURIComponent(id)}/acknowledge`, { note });
}

export function resolveAlert(id, note) {
  return postJson(`api/alerts/${encodeURIComponent(id)}/resolve`, { note });
}

export function snoozeAlert(id, snoozeMinutes, note) {
  return postJson(`api/alerts/${encodeURIComponent(id)}/snooze`, { note, snoozeMinutes });
}
