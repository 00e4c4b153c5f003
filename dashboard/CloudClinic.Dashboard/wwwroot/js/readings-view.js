// The live wall: today's measurements at the clinic, newest first, each reading once (re-delivery and the
// catch-up after a reconnect are normal). Colours come from the server (guideline targets, Clinical/).
import { el } from "./dom.js";
import { localTime, patientLabel, readingDetails, readingValue, whereLabel } from "./format.js";
import { t } from "./i18n.js";
import { strongest } from "./severity.js";

const MAX_SHOWN = 200;

export class ReadingsView {
  #list;
  #empty;
  #entries = []; // { reading, severity }, sorted by measuredAt, newest first
  #alertSeverity = new Map(); // readingId -> severity of the alert engine's alert naming it
  #day = null; // { start, end } of the clinic's today, epoch ms

  constructor(list, empty) {
    this.#list = list;
    this.#empty = empty;
  }

  /** Today's bounds (from GET /api/readings/today); readings of other days are dropped. */
  setDay(day) {
    this.#day = { start: Date.parse(day.start), end: Date.parse(day.end) };
    this.#entries = this.#entries.filter((entry) => this.#isToday(entry.reading));
  }

  /** Adds or replaces one reading; returns whether it was new. */
  add(reading, severity) {
    const added = this.#insert(reading, severity);
    this.render();
    return added;
  }

  /** Merges [{ reading, severity }]; returns how many were not shown before. */
  addAll(scored) {
    let added = 0;
    for (const { reading, severity } of scored) {
      added += this.#insert(reading, severity) ? 1 : 0;
    }
    this.render();
    return added;
  }

  #isToday(reading) {
    const at = Date.parse(reading.measuredAt);
    return !this.#day || (at >= this.#day.start && at < this.#day.end);
  }

  #insert(reading, severity) {
    if (!this.#isToday(reading)) {
      return false;
    }
    const existing = this.#entries.findIndex((e) => e.reading.readingId === reading.readingId);
    if (existing >= 0) {
      this.#entries.splice(existing, 1);
    }
    const at = Date.parse(reading.measuredAt);
    let index = this.#entries.findIndex((e) => Date.parse(e.reading.measuredAt) < at);
    if (index < 0) {
      index = this.#entries.length;
    }
    this.#entries.splice(index, 0, { reading, severity: severity ?? "unknown" });
    this.#entries.length = Math.min(this.#entries.length, MAX_SHOWN);
    return existing < 0;
  }

  /** An alert names the readings that raised it; a stronger alert severity wins over the reading's own colour. */
  markAlerts(alerts) {
    for (const alert of alerts) {
      for (const id of alert.readingIds ?? []) {
        this.#alertSeverity.set(id, strongest(this.#alertSeverity.get(id) ?? "normal", alert.severity));
      }
    }
    this.render();
  }

  render() {
    this.#empty.hidden = this.#entries.length > 0;
    this.#list.replaceChildren(...this.#entries.map((entry) => this.#item(entry)));
  }

  #item({ reading, severity: own }) {
    const severity = strongest(own, this.#alertSeverity.get(reading.readingId) ?? "normal");
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
        severity !== "normal" ? el("span", { className: "severity-badge", text: t(`sev.${severity}`, {}, severity) }) : null,
      ),
      details.length ? el("div", { className: "reading-details", text: details.join(" · ") }) : null,
      el(
        "div",
        { className: "reading-meta" },
        ReadingsView.#patient(reading.patientId),
        el("span", { className: "where", text: whereLabel(reading.gatewayId, reading.station) }),
        el("time", { text: localTime(reading.measuredAt), attrs: { datetime: reading.measuredAt } }),
      ),
    );
  }

  static #patient(patientId) {
    if (!patientId) {
      return el("span", { className: "patient unassigned", text: patientLabel(null), attrs: { "data-testid": "reading-patient" } });
    }
    // A relative URL with the id as an encoded query value: never a javascript: URL, never markup.
    const href = `patient.html?${new URLSearchParams({ id: patientId })}`;
    return el("a", {
      className: "patient",
      text: patientLabel(patientId),
      attrs: { href, "data-testid": "reading-patient", title: t("readings.openPatient", { id: patientId }) },
    });
  }
}
