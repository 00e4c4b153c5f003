// Turns wire records (DESIGN.md §3) into the words and numbers a doctor reads.
import { language, t, has } from "./i18n.js";

const number1 = () => new Intl.NumberFormat(language(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const number0 = () => new Intl.NumberFormat(language(), { maximumFractionDigits: 0 });

/** Main value and its unit: { value: "182/112", unit: "mmHg" } or { value: "12.4", unit: "mmol/L" }. */
export function readingValue(reading) {
  if (reading.kind === "bloodPressure" && typeof reading.systolic === "number" && typeof reading.diastolic === "number") {
    return { value: `${number0().format(reading.systolic)}/${number0().format(reading.diastolic)}`, unit: "mmHg" };
  }
  if (reading.kind === "glucose") {
    if (reading.outOfRange === "high" || reading.outOfRange === "low") {
      return { value: reading.outOfRange === "high" ? "HI" : "LO", unit: "mmol/L" };
    }
    if (typeof reading.mmolL === "number") {
      return { value: number1().format(reading.mmolL), unit: "mmol/L" };
    }
  }
  return { value: "?", unit: "" };
}

/** Secondary facts: pulse for blood pressure, meal context for glucose, then meter flags. */
export function readingDetails(reading) {
  const details = [];
  if (reading.kind === "bloodPressure" && typeof reading.pulse === "number") {
    details.push(t("pulse", { value: number0().format(reading.pulse) }));
  }
  if (reading.kind === "glucose") {
    details.push(t(`meal.${reading.meal ?? "unknown"}`, {}, reading.meal));
    if (reading.outOfRange) {
      details.push(t(`outOfRange.${reading.outOfRange}`));
    }
  }
  for (const flag of reading.flags ?? []) {
    details.push(t(`flag.${flag}`, {}, flag));
  }
  return details;
}

export function patientLabel(patientId) {
  return patientId ? t("patient.label", { id: patientId }) : t("patient.unassigned");
}

export function whereLabel(gatewayId, station) {
  return station ? t("where", { gateway: gatewayId ?? "?", station }) : gatewayId ?? "";
}

// The clinic's IANA zone (Dashboard:TimeZone, from GET /api/clinic): times read the same on every screen,
// whatever zone the browser or the server is in. Until it is known, the browser's zone.
let timeZone;

export function setTimeZone(zone) {
  timeZone = zone || undefined;
}

export function clinicTimeZone() {
  return timeZone;
}

function dayKey(date) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** Time in the clinic's time zone; the date too when it is not today there. */
export function localTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso ?? "";
  }
  const sameDay = dayKey(date) === dayKey(new Date());
  const options = sameDay
    ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone }
    : { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false, timeZone };
  return new Intl.DateTimeFormat(language(), options).format(date);
}

/** Date and time in the clinic's zone, always with the date (patient page, gateways). */
export function dateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso ?? "";
  }
  return new Intl.DateTimeFormat(language(), {
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false, timeZone,
  }).format(date);
}

/** Short day label of a unix time in seconds, for chart axes. */
export function shortDay(seconds) {
  return new Intl.DateTimeFormat(language(), { month: "numeric", day: "numeric", timeZone }).format(new Date(seconds * 1000));
}

export function percent(rate) {
  return new Intl.NumberFormat(language(), { style: "percent", maximumFractionDigits: 0 }).format(rate);
}

export function ruleLabel(rule) {
  return has(`rule.${rule}`) ? t(`rule.${rule}`) : rule;
}

/** What was measured, from an alert's values: "182/112 mmHg · 脉搏 96 次/分" or "18.2 mmol/L". */
export function alertValues(values = {}) {
  const parts = [];
  const rest = { ...values };
  if (typeof rest.systolic === "number" && typeof rest.diastolic === "number") {
    parts.push(`${number0().format(rest.systolic)}/${number0().format(rest.diastolic)} mmHg`);
    delete rest.systolic;
    delete rest.diastolic;
  }
  if (typeof rest.mmolL === "number") {
    parts.push(`${number1().format(rest.mmolL)} mmol/L`);
    delete rest.mmolL;
  }
  if (typeof rest.pulse === "number") {
    parts.push(t("pulse", { value: number0().format(rest.pulse) }));
    delete rest.pulse;
  }
  for (const [name, value] of Object.entries(rest)) {
    parts.push(`${name} ${value}`);
  }
  return parts.join(" · ");
}
