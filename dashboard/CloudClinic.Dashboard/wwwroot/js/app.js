// Live wall: today's readings at the clinic from HTTP, then live from the hub; after every (re)connect the day is
// fetched again and merged by readingId, so readings stored while the page was away are not missed.
import * as api from "./api.js";
import { AlertsView } from "./alerts-view.js";
import { ConnectionBanner } from "./connection-banner.js";
import { setTimeZone } from "./format.js";
import { GatewaysView } from "./gateways-view.js";
import { t } from "./i18n.js";
import { connectLive } from "./live.js";
import { ReadingsView } from "./readings-view.js";
import { clinicParam, startShell } from "./shell.js";

const ALERT_LIMIT = 50;

const byId = (id) => document.getElementById(id);
const clinic = clinicParam();
let clinicId = clinic; // the server's answer once known (the default clinic when the URL names none)
const belongs = (id) => !clinicId || id === clinicId;

const readings = new ReadingsView(byId("readings"), byId("readings-empty"));
const alerts = new AlertsView(byId("alerts"), byId("alerts-empty"), byId("urgent-banner"));
const gatewaysView = new GatewaysView(byId("gateways"), byId("gateways-empty"));
const connection = new ConnectionBanner(byId("connection-state"), byId("connection-lost"));
const notice = byId("notice");
let failure = null;
let truncatedAt = null;
let rollover = null;

function renderNotice() {
  const text = failure ? t("readings.loadFailed", { error: failure }) : truncatedAt ? t("readings.truncated", { count: truncatedAt }) : "";
  notice.hidden = !text;
  notice.textContent = text;
}

/** Reloads at the clinic's midnight so the wall starts the new day empty. */
function scheduleRollover(day) {
  clearTimeout(rollover);
  const untilMidnight = Date.parse(day.end) - Date.parse(day.now);
  rollover = setTimeout(loadDay, Math.max(1000, untilMidnight + 1000));
}

async function loadDay() {
  // Each part on its own: a store that is down must not hide alerts and gateways, nor the other way round.
  const [today, recent, statuses] = await Promise.allSettled([api.todayReadings(clinic), api.recentAlerts(clinic, ALERT_LIMIT), api.gateways(clinic)]);
  let added = 0;
  if (today.status === "fulfilled") {
    const { day, truncated, readings: scored } = today.value;
    clinicId = day.clinicId;
    setTimeZone(day.timeZone);
    readings.setDay(day);
    added = readings.addAll(scored);
    truncatedAt = truncated ? scored.length : null;
    byId("readings").dataset.day = day.day;
    scheduleRollover(day);
  }
  if (recent.status === "fulfilled") {
    readings.markAlerts(recent.value);
    alerts.upsertAll(recent.value);
  }
  if (statuses.status === "fulfilled") {
    for (const { clinicId: id, gatewayId, status } of statuses.value) {
      gatewaysView.set(id, gatewayId, status);
    }
  }
  const failed = [today, recent, statuses].find((result) => result.status === "rejected");
  failure = failed ? failed.reason.message : null;
  renderNotice();
  return added;
}

startShell(() => {
  connection.render();
  renderNotice();
  readings.render();
  alerts.render();
  gatewaysView.render();
});

connectLive({
  reading: (reading, severity) => belongs(reading.clinicId) && readings.add(reading, severity),
  alert: (alert) => {
    if (belongs(alert.clinicId)) {
      readings.markAlerts([alert]);
      alerts.upsert(alert);
    }
  },
  gatewayStatus: (id, gatewayId, status) => belongs(id) && gatewaysView.set(id, gatewayId, status),
  state: (state) => connection.show(state),
  connected: async () => {
    const wasLost = connection.wasLost;
    const added = await loadDay();
    if (wasLost) {
      connection.caughtUp(added);
    }
  },
});
