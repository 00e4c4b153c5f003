// Unassigned readings (DESIGN.md §3, §7): readings measured outside any check-in, listed with a patient picker
// (the clinic's patients by masked name or id) and an Assign button that re-keys the reading to that patient.
import { el } from "./dom.js";
import { dateTime, readingDetails, readingValue, setTimeZone, whereLabel } from "./format.js";
import { t } from "./i18n.js";
import { clinicParam, startShell } from "./shell.js";
import { assignReading, clinicPatients, unassignedReadings } from "./unassigned-api.js";

const SEARCH_DELAY_MS = 250;
const byId = (id) => document.getElementById(id);
const clinic = clinicParam();
const list = byId("unassigned");
const empty = byId("unassigned-empty");
const truncated = byId("unassigned-truncated");
const notice = byId("notice");
const done = byId("done");
const params = new URLSearchParams(location.search);
let days = ["7", "30", "90"].includes(params.get("days")) ? Number(params.get("days")) : 30;
let data = null; // GET /api/unassigned
let failure = null;
let lastDone = null; // { reading, patient, already }
const rowState = new Map(); // readingId -> { search, choices, chosen, error, busy }

function stateOf(readingId) {
  if (!rowState.has(readingId)) {
    rowState.set(readingId, { search: "", choices: null, chosen: "", error: null, busy: false });
  }
  return rowState.get(readingId);
}

function patientText(choice) {
  return t("unassigned.patientChoice", { name: choice.maskedName, id: choice.id });
}

function picker(reading) {
  const state = stateOf(reading.readingId);
  const search = el("input", { attrs: { type: "search", "data-testid": "patient-search", placeholder: t("unassigned.search"), "aria-label": t("unassigned.search") } });
  search.value = state.search;
  const select = el("select", { attrs: { "data-testid": "patient-select", "aria-label": t("unassigned.choose") } });
  const choices = state.choices ?? [];
  select.append(el("option", { text: state.choices && choices.length === 0 ? t("unassigned.noMatch") : t("unassigned.choose"), attrs: { value: "" } }));
  for (const choice of choices) {
    select.append(el("option", { text: patientText(choice), attrs: { value: choice.id } }));
  }
  select.value = choices.some((c) => c.id === state.chosen) ? state.chosen : "";
  const button = el("button", { text: t("unassigned.assign"), attrs: { type: "button", "data-testid": "assign" } });
  button.disabled = state.busy || !select.value;

  let timer;
  search.addEventListener("focus", () => {
    if (!state.choices) {
      findPatients(reading.readingId);
    }
  });
  search.addEventListener("input", () => {
    state.search = search.value;
    clearTimeout(timer);
    timer = setTimeout(() => findPatients(reading.readingId), SEARCH_DELAY_MS);
  });
  select.addEventListener("change", () => {
    state.chosen = select.value;
    button.disabled = state.busy || !select.value;
  });
  button.addEventListener("click", () => assign(reading, state.chosen));
  return el("div", { className: "picker" }, search, select, button);
}

function row({ reading, severity }) {
  const { value, unit } = readingValue(reading);
  const state = stateOf(reading.readingId);
  return el("li", { className: `unassigned-row severity-${severity}`, attrs: { "data-testid": "unassigned-row", "data-reading-id": reading.readingId, "data-severity": severity } },
    el("time", { text: dateTime(reading.measuredAt), attrs: { datetime: reading.measuredAt } }),
    el("span", { text: t(`kind.${reading.kind}`, {}, reading.kind) }),
    el("span", {}, el("strong", { text: value }), " ", el("span", { className: "unit", text: unit })),
    el("span", { className: "facts" }, el("span", { className: "where", text: whereLabel(reading.gatewayId, reading.station) }),
      el("span", { className: "details", text: [t(`sev.${severity}`, {}, severity), ...readingDetails(reading)].join(" · ") })),
    picker(reading),
    state.error ? el("p", { className: "row-error", text: t("unassigned.failed", { error: state.error }), attrs: { "data-testid": "row-error" } }) : null);
}

function render() {
  for (const button of document.querySelectorAll("[data-days]")) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.days) === days));
  }
  notice.hidden = !failure;
  notice.textContent = failure ? t("unassigned.loadFailed", { error: failure }) : "";
  done.hidden = !lastDone;
  if (lastDone) {
    const key = lastDone.already ? "unassigned.already" : "unassigned.assigned";
    done.replaceChildren(
      t(key, { patient: lastDone.patient }),
      el("a", { text: t("unassigned.openPatient"), attrs: { href: `patient.html?id=${encodeURIComponent(lastDone.reading.patientId)}`, "data-testid": "open-patient" } }));
  }
  const readings = data?.readings ?? [];
  empty.hidden = !data || readings.length > 0;
  empty.textContent = t("unassigned.empty", { days });
  truncated.hidden = !data?.truncated;
  truncated.textContent = t("unassigned.truncated", { n: readings.length });
  list.replaceChildren(...readings.map(row));
}

async function load() {
  try {
    data = await unassignedReadings(clinic, days);
    setTimeZone(data.timeZone);
    failure = null;
  } catch (error) {
    failure = error.message;
  }
  render();
}

async function findPatients(readingId) {
  const state = stateOf(readingId);
  const search = state.search.trim();
  let choices;
  try {
    choices = await clinicPatients(data?.clinicId ?? clinic, search);
  } catch (error) {
    state.error = error.message;
    render();
    return;
  }
  if (state.search.trim() !== search) {
    return; // typed on meanwhile: a newer search is on its way
  }
  state.choices = choices;
  state.chosen = choices.length > 0 ? choices[0].id : "";
  state.error = null;
  const hadFocus = document.activeElement?.closest?.("[data-reading-id]")?.dataset.readingId === readingId;
  render();
  const input = hadFocus ? list.querySelector(`[data-reading-id="${CSS.escape(readingId)}"] [data-testid=patient-search]`) : null;
  if (input) {
    // The list was redrawn: keep typing where the user was.
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }
}

async function assign(reading, patientId) {
  const state = stateOf(reading.readingId);
  if (!patientId || state.busy) {
    return;
  }
  state.busy = true;
  render();
  try {
    const result = await assignReading(data?.clinicId ?? clinic, reading.readingId, patientId);
    const choice = state.choices?.find((c) => c.id === patientId);
    lastDone = { reading: result.reading, patient: choice ? patientText(choice) : patientId, already: result.outcome === "alreadyAssigned" };
    data.readings = data.readings.filter((r) => r.reading.readingId !== reading.readingId);
    rowState.delete(reading.readingId);
  } catch (error) {
    // The server's reason is English; the statuses that need no detail get the page's own words.
    const known = { 404: "unassigned.gone", 409: "unassigned.conflict", 501: "unassigned.notSupported" }[error.status];
    state.error = known ? t(known) : error.message;
    state.busy = false;
  }
  render();
}

for (const button of document.querySelectorAll("[data-days]")) {
  button.addEventListener("click", () => {
    days = Number(button.dataset.days);
    const url = new URL(location.href);
    url.searchParams.set("days", String(days));
    history.replaceState(null, "", url);
    load();
  });
}

startShell(render);
load();
