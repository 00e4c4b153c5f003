// Alert inbox: open alerts from the registry (GET /api/alerts/open) and the last 7 days' resolved ones
// (GET /api/alerts/history), refreshed on every live alert event and after each (re)connect; acknowledge / resolve /
// snooze go through the alert engine on the server. Open urgent alerts flash (CSS) and ring (alarm.js).
import { Alarm } from "./alarm.js";
import * as api from "./api.js";
import { ConnectionBanner } from "./connection-banner.js";
import { t } from "./i18n.js";
import { historyItem } from "./inbox-history.js";
import { inboxItem } from "./inbox-view.js";
import { connectLive } from "./live.js";
import { clinicParam, startShell } from "./shell.js";

const byId = (id) => document.getElementById(id);
const clinic = clinicParam();
const list = byId("inbox");
const empty = byId("inbox-empty");
const notice = byId("notice");
const connection = new ConnectionBanner(byId("connection-state"), byId("connection-lost"));
const alarm = new Alarm(byId("alarm-switch"), (on) => t(on ? "alarm.on" : "alarm.off"));
let alerts = [];
let history = [];
let failure = null;

function render() {
  list.replaceChildren(...alerts.map((alert) => inboxItem(alert, act)));
  empty.hidden = alerts.length > 0;
  byId("history").replaceChildren(...history.map(historyItem));
  byId("history-empty").hidden = history.length > 0;
  alarm.render();
  alarm.update(alerts);
  notice.hidden = !failure;
  notice.textContent = failure ? t("inbox.failed", { error: failure }) : "";
  connection.render();
}

async function load() {
  try {
    [alerts, history] = await Promise.all([api.openAlerts(clinic), api.alertHistory(clinic, 7)]);
    failure = null;
  } catch (error) {
    failure = error.message;
  }
  render();
}

async function act(kind, alert, note, minutes) {
  try {
    if (kind === "acknowledge") {
      await api.acknowledgeAlert(alert.alertId, note);
    } else if (kind === "resolve") {
      await api.resolveAlert(alert.alertId, note);
    } else {
      await api.snoozeAlert(alert.alertId, minutes, note);
    }
    failure = null;
  } catch (error) {
    failure = error.message;
  }
  await load();
}

startShell(render);
api.me().then((user) => {
  byId("who").textContent = user.displayName;
}, () => {});

connectLive({
  alert: () => load(),
  state: (state) => connection.show(state),
  connected: () => load(),
});
