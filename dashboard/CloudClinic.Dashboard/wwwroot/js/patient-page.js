// Patient page: BP and glucose history (uPlot) with the target band, 7/30/90 days, control rate, last measured, and
// the care plan (care-plan-panel.js: editable by the clinic's doctors).
import * as api from "./api.js";
import { carePlanPanel } from "./care-plan-panel.js";
import { bloodPressureChart, glucoseChart } from "./charts.js";
import { el } from "./dom.js";
import { dateTime, percent, readingDetails, readingValue, setTimeZone } from "./format.js";
import { t } from "./i18n.js";
import { startShell } from "./shell.js";

const MAX_LISTED = 50;
const params = new URLSearchParams(location.search);
const patientId = params.get("id") ?? "";
let days = ["7", "30", "90"].includes(params.get("days")) ? Number(params.get("days")) : 7;
let history = null;
let failure = null;
const charts = [];

const byId = (id) => document.getElementById(id);
const page = byId("patient");
const notice = byId("notice");
// A saved or reset care plan changes the targets: reload the history so the bands and control rate follow.
const carePlan = carePlanPanel(patientId, () => load());

function card(testid, value, sub, severity) {
  const node = document.querySelector(`[data-testid=${testid}]`);
  node.querySelector("[data-part=value]").textContent = value;
  node.querySelector("[data-part=sub]").textContent = sub;
  node.className = severity ? `card severity-${severity}` : "card";
}

function lastCard(testid, scored) {
  if (!scored) {
    card(testid, "—", t("patient.never"));
    return;
  }
  const { value, unit } = readingValue(scored.reading);
  card(testid, `${value} ${unit}`, `${dateTime(scored.reading.measuredAt)} · ${t(`sev.${scored.severity}`, {}, scored.severity)}`, scored.severity);
}

function controlCard(testid, rate) {
  const node = document.querySelector(`[data-testid=${testid}]`);
  node.dataset.daysMeasured = String(rate.daysMeasured);
  node.dataset.daysInTarget = String(rate.daysInTarget);
  card(testid, rate.daysMeasured ? percent(rate.rate) : "—",
    rate.daysMeasured ? t("patient.controlDays", { inTarget: rate.daysInTarget, measured: rate.daysMeasured }) : t("patient.noDays"));
}

function historyItem({ reading, severity }) {
  const { value, unit } = readingValue(reading);
  return el("li", { className: `history-row severity-${severity}`, attrs: { "data-testid": "history-row", "data-reading-id": reading.readingId, "data-severity": severity } },
    el("time", { text: dateTime(reading.measuredAt), attrs: { datetime: reading.measuredAt } }),
    el("span", { className: "kind", text: t(`kind.${reading.kind}`, {}, reading.kind) }),
    el("strong", { text: `${value} ${unit}` }),
    el("span", { className: "details", text: readingDetails(reading).join(" · ") }),
    el("span", { className: "sev", text: t(`sev.${severity}`, {}, severity) }));
}

function render() {
  byId("patient-title").textContent = patientId ? t("patient.title", { id: patientId }) : t("patient.missing");
  for (const button of document.querySelectorAll(".window-switch button")) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.days) === days));
    button.textContent = t("patient.days", { days: button.dataset.days });
  }
  notice.hidden = !failure;
  notice.textContent = failure ? t("patient.loadFailed", { error: failure }) : "";
  carePlan.render();
  if (!history) {
    return;
  }
  const tg = history.targets;
  lastCard("last-bp", history.lastBloodPressure);
  lastCard("last-glucose", history.lastGlucose);
  controlCard("bp-control", history.control.bloodPressure);
  controlCard("glucose-control", history.control.glucose);
  const targets = document.querySelector("[data-testid=targets]");
  targets.dataset.source = tg.source;
  targets.querySelector("[data-part=targets]").textContent = t("patient.targets", {
    sbp: tg.systolicBelowMmHg, dbp: tg.diastolicBelowMmHg, fLow: tg.fastingGlucoseLowMmolL.toFixed(1),
    fHigh: tg.fastingGlucoseBelowMmolL.toFixed(1), nf: tg.nonFastingGlucoseBelowMmolL.toFixed(1),
  });
  targets.querySelector("[data-part=source]").textContent = t(`patient.source.${tg.source}`, {}, tg.source);
  for (const chart of charts.splice(0)) {
    chart.destroy();
  }
  charts.push(bloodPressureChart(byId("bp-chart"), history), glucoseChart(byId("glucose-chart"), history));
  const newestFirst = [...history.readings].reverse().slice(0, MAX_LISTED);
  byId("history-empty").hidden = newestFirst.length > 0;
  byId("history").replaceChildren(...newestFirst.map(historyItem));
}

async function load() {
  if (!patientId) {
    page.dataset.state = "missing";
    render();
    return;
  }
  page.dataset.state = "loading";
  try {
    history = await api.patientHistory(patientId, days);
    setTimeZone(history.timeZone);
    failure = null;
    page.dataset.days = String(history.days);
  } catch (error) {
    failure = error.message;
  }
  render();
  page.dataset.state = failure ? "failed" : "ready";
}

for (const button of document.querySelectorAll(".window-switch button")) {
  button.addEventListener("click", () => {
    days = Number(button.dataset.days);
    const url = new URL(location.href);
    url.searchParams.set("days", String(days));
    window.history.replaceState(null, "", url);
    load();
  });
}

let resizeTimer;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => charts.forEach((c) => c.setSize({ width: Math.max(280, c.root.parentElement.clientWidth), height: c.height })), 150);
});

startShell(render);
load();
if (patientId) {
  carePlan.load();
}
