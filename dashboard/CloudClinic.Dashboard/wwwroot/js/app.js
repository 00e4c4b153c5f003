// Entry point: wires the views to the HTTP API and the live hub.
import * as api from "./api.js";
import { AlertsView } from "./alerts-view.js";
import { GatewaysView } from "./gateways-view.js";
import { applyStatic, language, onLanguageChanged, setLanguage, t } from "./i18n.js";
import { connectLive } from "./live.js";
import { ReadingsView } from "./readings-view.js";

const HISTORY_LIMIT = 100;
const ALERT_LIMIT = 50;

const byId = (id) => document.getElementById(id);

// ?clinic=… picks a clinic; without it the server's default clinic is shown and live events of every clinic.
const clinic = new URLSearchParams(location.search).get("clinic") ?? "";
const belongs = (clinicId) => !clinic || clinicId === clinic;

const readings = new ReadingsView(byId("readings"), byId("readings-empty"));
const alerts = new AlertsView(byId("alerts"), byId("alerts-empty"), byId("urgent-banner"));
const gatewaysView = new GatewaysView(byId("gateways"), byId("gateways-empty"));
const connectionState = byId("connection-state");
const notice = byId("notice");
let stateName = "connecting";

function showState(name) {
  stateName = name;
  connectionState.dataset.state = name;
  connectionState.querySelector(".label").textContent = t(`connection.${name}`);
}

function showNotice(text) {
  notice.hidden = !text;
  notice.textContent = text ?? "";
}

async function loadHistory() {
  // Each part on its own: a store that is down must not hide alerts and gateways, nor the other way round.
  const [latest, recent, statuses] = await Promise.allSettled([
    api.latestReadings(clinic, HISTORY_LIMIT),
    api.recentAlerts(clinic, ALERT_LIMIT),
    api.gateways(clinic),
  ]);
  if (latest.status === "fulfilled") {
    readings.addAll(latest.value);
  }
  if (recent.status === "fulfilled") {
    readings.markAlerts(recent.value);
    alerts.upsertAll(recent.value);
  }
  if (statuses.status === "fulfilled") {
    for (const { clinicId, gatewayId, status } of statuses.value) {
      gatewaysView.set(clinicId, gatewayId, status);
    }
  }
  const failed = [latest, recent, statuses].find((result) => result.status === "rejected");
  showNotice(failed ? t("readings.loadFailed", { error: failed.reason.message }) : null);
}

function renderAll() {
  byId("lang-switch").textContent = t("lang.switch");
  showState(stateName);
  readings.render();
  alerts.render();
  gatewaysView.render();
}

byId("lang-switch").addEventListener("click", () => setLanguage(language() === "zh-CN" ? "en" : "zh-CN"));
onLanguageChanged(renderAll);
applyStatic(document);
renderAll();

connectLive({
  reading: (reading) => belongs(reading.clinicId) && readings.add(reading),
  alert: (alert) => {
    if (belongs(alert.clinicId)) {
      readings.markAlert(alert);
      alerts.upsert(alert);
    }
  },
  gatewayStatus: (clinicId, gatewayId, status) => belongs(clinicId) && gatewaysView.set(clinicId, gatewayId, status),
  state: showState,
  // After every (re)connect: fetch what was stored while we were away; re-delivered readings are de-duplicated.
  connected: loadHistory,
});
