// Display hint for a reading before (or without) an alert: the default thresholds of DESIGN.md §6, which come
// from 国家基本公共卫生服务规范（第三版）. The alert engine applies each patient's own care plan and is the
// authority; when its alert names a reading, that severity wins (see strongest()).

const RANK = { none: 0, warning: 1, urgent: 2, critical: 3 };

export function strongest(a, b) {
  return (RANK[a] ?? 0) >= (RANK[b] ?? 0) ? a : b;
}

export function readingSeverity(reading) {
  if (reading.kind === "bloodPressure") {
    return bloodPressureSeverity(reading.systolic, reading.diastolic);
  }
  if (reading.kind === "glucose") {
    return glucoseSeverity(reading.mmolL, reading.meal, reading.outOfRange);
  }
  return "none";
}

function bloodPressureSeverity(systolic, diastolic) {
  if (typeof systolic !== "number" || typeof diastolic !== "number") {
    return "none";
  }
  // Urgent referral: SBP ≥ 180 or DBP ≥ 110 mmHg.
  if (systolic >= 180 || diastolic >= 110) {
    return "urgent";
  }
  // Above the default target 140/90, or low: SBP < 90 or DBP < 60.
  if (systolic >= 140 || diastolic >= 90 || systolic < 90 || diastolic < 60) {
    return "warning";
  }
  return "none";
}

function glucoseSeverity(mmolL, meal, outOfRange) {
  if (outOfRange === "high" || outOfRange === "low") {
    return "urgent";
  }
  if (typeof mmolL !== "number") {
    return "none";
  }
  // Level 2 hypoglycaemia < 3.0; urgent ≥ 16.7 or ≤ 3.9 mmol/L.
  if (mmolL < 3.0) {
    return "critical";
  }
  if (mmolL >= 16.7 || mmolL <= 3.9) {
    return "urgent";
  }
  // Above target: fasting ≥ 7.0, otherwise ≥ 10.0 mmol/L.
  const limit = meal === "fasting" ? 7.0 : 10.0;
  return mmolL >= limit ? "warning" : "none";
}
