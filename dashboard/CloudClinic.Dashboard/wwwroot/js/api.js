// HTTP reads, so a page opened mid-day still shows what was measured before it connected.

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
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
