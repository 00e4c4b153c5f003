// One gateway as a card: state, last seen, backlog, version and each meter (from the retained status topic).
import { el } from "./dom.js";
import { dateTime } from "./format.js";
import { t } from "./i18n.js";

function fact(label, value, testid) {
  return el("div", { className: "fact" }, el("dt", { text: label }), el("dd", { text: value, attrs: { "data-testid": testid } }));
}

function device(d) {
  return el(
    "li",
    { className: d.connected ? "device connected" : "device disconnected", attrs: { "data-testid": "device", "data-station": d.station } },
    el("span", { className: "dot", attrs: { "aria-hidden": "true" } }),
    el("span", { className: "device-name", text: d.station }),
    el("span", { className: "device-meta", text: `${d.protocol} · ${d.transport}` }),
    el("span", { className: "device-state", text: t(d.connected ? "gwpage.deviceConnected" : "gwpage.deviceDisconnected") }),
    d.lastError ? el("span", { className: "device-error", text: d.lastError }) : null,
  );
}

export function gatewayCard({ clinicId, gatewayId, status }) {
  const devices = status.devices ?? [];
  return el(
    "li",
    {
      className: `gateway-card state-${status.state}`,
      attrs: { "data-testid": "gateway-card", "data-gateway-id": gatewayId, "data-clinic-id": clinicId, "data-state": status.state },
    },
    el(
      "div",
      { className: "card-head" },
      el("span", { className: "dot", attrs: { "aria-hidden": "true" } }),
      el("strong", { className: "gateway-name", text: gatewayId }),
      el("span", { className: "state-badge", text: t(`gateway.${status.state}`, {}, status.state), attrs: { "data-testid": "gateway-state" } }),
      el("span", { className: "version", text: status.version ? t("gwpage.version", { version: status.version }) : t("gwpage.noVersion") }),
    ),
    el(
      "dl",
      { className: "facts" },
      fact(t("gwpage.lastSeen"), dateTime(status.at), "gateway-last-seen"),
      fact(t("gwpage.backlog"), String(status.backlog ?? 0), "gateway-backlog"),
      fact(t("gwpage.devices"), t("gateway.devices", { connected: devices.filter((d) => d.connected).length, total: devices.length }), "gateway-devices"),
    ),
    status.lastError ? el("p", { className: "gateway-error", text: status.lastError }) : null,
    el("ul", { className: "devices" }, ...devices.map(device)),
  );
}
