// The live wall: newest measurement first, each reading once (re-delivery is normal on the wire).
import { el } from "./dom.js";
import { localTime, patientLabel, readingDetails, readingValue, whereLabel } from "./format.js";
import { t } from "./i18n.js";
import { readingSeverity, strongest } from "./severity.js";

const MAX_SHOWN = 200;

export class ReadingsView {
  #list;
  #empty;
  #readings = []; // sorted by measuredAt, newest first
  #alertSeverity = new Map(); // readingId -> severity from the alert engine

  constructor(list, empty) {
    this.#list = list;
    this.#empty = empty;
  }

  /** Adds or replaces a reading. */
  add(reading) {
    this.#insert(reading);
    this.render();
  }

  addAll(readings) {
    for (const reading of readings) {
      this.#insert(reading);
    }
    this.render();
  }

  #insert(reading) {
    const existing = this.#readings.findIndex((r) => r.readingId === reading.readingId);
    if (existing >= 0) {
      this.#readings.splice(existing, 1);
    }
    const at = Date.parse(reading.measuredAt);
    let index = this.#readings.findIndex((r) => Date.parse(r.measuredAt) < at);
    if (index < 0) {
      index = this.#readings.length;
    }
    this.#readings.splice(index, 0, reading);
    this.#readings.length = Math.min(this.#readings.length, MAX_SHOWN);
  }

  /** An alert names the readings that raised it; colour them with the engine's severity. */
  markAlert(alert) {
    this.markAlerts([alert]);
  }

  markAlerts(alerts) {
    for (const alert of alerts) {
      for (const id of alert.readingIds ?? []) {
        this.#alertSeverity.set(id, strongest(this.#alertSeverity.get(id) ?? "none", alert.severity));
      }
    }
    this.render();
  }

  render() {
    this.#empty.hidden = this.#readings.length > 0;
    this.#list.replaceChildren(...this.#readings.map((reading) => this.#item(reading)));
  }

  #item(reading) {
    const severity = strongest(readingSeverity(reading), this.#alertSeverity.get(reading.readingId) ?? "none");
    const { value, unit } = readingValue(reading);
    const details = readingDetails(reading);
    return el(
      "li",
      {
        className: `reading kind-${reading.kind} severity-${severity}`,
        attrs: {
          "data-testid": "reading",
          "data-reading-id": reading.readingId,
          "data-kind": reading.kind,
          "data-severity": severity,
        },
      },
      el("span", { className: "reading-kind", text: t(`kind.${reading.kind}`, {}, reading.kind) }),
      el(
        "div",
        { className: "reading-main" },
        el("span", { className: "reading-value", text: value, attrs: { "data-testid": "reading-value" } }),
        el("span", { className: "reading-unit", text: unit }),
        severity !== "none" ? el("span", { className: "severity-badge", text: t(`severity.${severity}`) }) : null,
      ),
      details.length ? el("div", { className: "reading-details", text: details.join(" · ") }) : null,
      el(
        "div",
        { className: "reading-meta" },
        el("span", {
          className: reading.patientId ? "patient" : "patient unassigned",
          text: patientLabel(reading.patientId),
          attrs: { "data-testid": "reading-patient" },
        }),
        el("span", { className: "where", text: whereLabel(reading.gatewayId, reading.station) }),
        el("time", { text: localTime(reading.measuredAt), attrs: { datetime: reading.measuredAt } }),
      ),
    );
  }
}
