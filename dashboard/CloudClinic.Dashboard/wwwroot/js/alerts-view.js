// Alert panel and the red banner. One entry per alertId: later events (updated, acknowledged …) replace it.
import { el } from "./dom.js";
import { alertValues, localTime, patientLabel, ruleLabel, whereLabel } from "./format.js";
import { t } from "./i18n.js";

const MAX_SHOWN = 100;
const LOUD = new Set(["urgent", "critical"]);

export class AlertsView {
  #list;
  #empty;
  #banner;
  #alerts = []; // newest event first
  #dismissed = new Set();

  constructor(list, empty, banner) {
    this.#list = list;
    this.#empty = empty;
    this.#banner = banner;
    banner.querySelector("[data-action=dismiss]").addEventListener("click", () => {
      const shown = this.#banner.dataset.alertId;
      if (shown) {
        this.#dismissed.add(shown);
      }
      this.render();
    });
  }

  upsert(alert) {
    this.#insert(alert);
    this.render();
  }

  /** Alerts newest first (as the API returns them); an event already shown live is kept if it is newer. */
  upsertAll(alerts) {
    for (const alert of [...alerts].reverse()) {
      this.#insert(alert);
    }
    this.render();
  }

  #insert(alert) {
    const shown = this.#alerts.find((a) => a.alertId === alert.alertId);
    if (shown && Date.parse(shown.at) > Date.parse(alert.at)) {
      return;
    }
    this.#alerts = [alert, ...this.#alerts.filter((a) => a.alertId !== alert.alertId)].slice(0, MAX_SHOWN);
  }

  /** The text a doctor needs at a glance: rule, values, who and where. */
  static describe(alert) {
    return [ruleLabel(alert.rule), alertValues(alert.values), patientLabel(alert.patientId), whereLabel(alert.gatewayId, alert.station)]
      .filter((part) => part)
      .join(" · ");
  }

  render() {
    this.#empty.hidden = this.#alerts.length > 0;
    this.#list.replaceChildren(...this.#alerts.map((alert) => this.#item(alert)));
    this.#renderBanner();
  }

  #item(alert) {
    const open = alert.state === "open";
    return el(
      "li",
      {
        className: `alert severity-${alert.severity} state-${alert.state}`,
        attrs: {
          "data-testid": "alert",
          "data-alert-id": alert.alertId,
          "data-severity": alert.severity,
          "data-state": alert.state,
        },
      },
      el(
        "div",
        { className: "alert-head" },
        el("span", { className: "severity-badge", text: t(`severity.${alert.severity}`, {}, alert.severity) }),
        el("span", { className: "alert-event", text: t(`event.${alert.event}`, {}, alert.event) }),
        el("time", { text: localTime(alert.at), attrs: { datetime: alert.at } }),
      ),
      el("div", { className: open ? "alert-text" : "alert-text closed", text: AlertsView.describe(alert), attrs: { "data-testid": "alert-text" } }),
    );
  }

  #renderBanner() {
    const loud = this.#alerts.find((a) => LOUD.has(a.severity) && a.state === "open" && !this.#dismissed.has(a.alertId));
    this.#banner.hidden = !loud;
    if (!loud) {
      delete this.#banner.dataset.alertId;
      return;
    }
    this.#banner.dataset.alertId = loud.alertId;
    this.#banner.dataset.severity = loud.severity;
    this.#banner.querySelector("[data-part=title]").textContent = t(`banner.${loud.severity}`);
    this.#banner.querySelector("[data-part=text]").textContent = AlertsView.describe(loud);
    this.#banner.querySelector("[data-part=time]").textContent = localTime(loud.at);
  }
}
