// Gateway cards: online/offline, upload backlog and meters, from the retained status topic.
import { el } from "./dom.js";
import { localTime } from "./format.js";
import { t } from "./i18n.js";

export class GatewaysView {
  #list;
  #empty;
  #gateways = new Map(); // "clinic/gateway" -> { clinicId, gatewayId, status }

  constructor(list, empty) {
    this.#list = list;
    this.#empty = empty;
  }

  set(clinicId, gatewayId, status) {
    this.#gateways.set(`${clinicId}/${gatewayId}`, { clinicId, gatewayId, status });
    this.render();
  }

  render() {
    const entries = [...this.#gateways.values()].sort((a, b) => a.gatewayId.localeCompare(b.gatewayId));
    this.#empty.hidden = entries.length > 0;
    this.#list.replaceChildren(...entries.map((entry) => this.#item(entry)));
  }

  #item({ clinicId, gatewayId, status }) {
    const devices = status.devices ?? [];
    const connected = devices.filter((d) => d.connected).length;
    const facts = [t("gateway.devices", { connected, total: devices.length })];
    if (status.backlog > 0) {
      facts.push(t("gateway.backlog", { count: status.backlog }));
    }
    facts.push(t("gateway.lastSeen", { time: localTime(status.at) }));
    return el(
      "li",
      {
        className: `gateway state-${status.state}`,
        attrs: { "data-testid": "gateway", "data-gateway-id": gatewayId, "data-clinic-id": clinicId, "data-state": status.state },
      },
      el("span", { className: "dot", attrs: { "aria-hidden": "true" } }),
      el("span", { className: "gateway-name", text: gatewayId }),
      el("span", { className: "gateway-state", text: t(`gateway.${status.state}`, {}, status.state) }),
      el("div", { className: "gateway-facts", text: facts.join(" · ") }),
      status.lastError ? el("div", { className: "gateway-error", text: status.lastError }) : null,
    );
  }
}
