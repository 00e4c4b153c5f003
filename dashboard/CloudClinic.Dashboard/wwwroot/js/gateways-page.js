// Gateways page: every gateway's last status (GET /api/gateways), then live from the hub; below, the clinic's robot
// webhooks and their delivery failures (GET /api/webhooks), re-read on every (re)connect.
import * as api from "./api.js";
import { ConnectionBanner } from "./connection-banner.js";
import { setTimeZone } from "./format.js";
import { gatewayCard } from "./gateway-card.js";
import { webhookCard } from "./webhook-card.js";
import { t } from "./i18n.js";
import { connectLive } from "./live.js";
import { clinicParam, startShell } from "./shell.js";

const byId = (id) => document.getElementById(id);
const clinic = clinicParam();
const list = byId("gateway-cards");
const empty = byId("gateway-cards-empty");
const notice = byId("notice");
const connection = new ConnectionBanner(byId("connection-state"), byId("connection-lost"));
const gateways = new Map(); // "clinic/gateway" -> { clinicId, gatewayId, status }
let webhooks = [];
let clinicId = clinic;
let failure = null;

function render() {
  const entries = [...gateways.values()].sort((a, b) => a.gatewayId.localeCompare(b.gatewayId));
  empty.hidden = entries.length > 0;
  list.replaceChildren(...entries.map(gatewayCard));
  byId("webhooks-empty").hidden = webhooks.length > 0;
  byId("webhooks").replaceChildren(...webhooks.map(webhookCard));
  notice.hidden = !failure;
  notice.textContent = failure ? t("gwpage.loadFailed", { error: failure }) : "";
}

function set(id, gatewayId, status) {
  if (!clinicId || id === clinicId) {
    gateways.set(`${id}/${gatewayId}`, { clinicId: id, gatewayId, status });
    render();
  }
}

async function load() {
  try {
    const day = await api.clinicDay(clinic);
    clinicId = day.clinicId;
    setTimeZone(day.timeZone);
    for (const { clinicId: id, gatewayId, status } of await api.gateways(clinicId)) {
      set(id, gatewayId, status);
    }
    webhooks = clinicId ? await api.webhooks(clinicId) : [];
    failure = null;
  } catch (error) {
    failure = error.message;
  }
  render();
}

startShell(() => {
  connection.render();
  render();
});

connectLive({
  gatewayStatus: set,
  state: (state) => connection.show(state),
  connected: async () => {
    const wasLost = connection.wasLost;
    await load();
    if (wasLost) {
      connection.caughtUp(null);
    }
  },
});
