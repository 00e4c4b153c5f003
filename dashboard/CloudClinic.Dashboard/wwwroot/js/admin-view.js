// Admin page renderers: rows and lists from the API, all text through textContent (dom.js), all labels through t().
import { el } from "./dom.js";
import { t } from "./i18n.js";

export const ROLES = ["doctor", "gridWorker", "clinicAdmin", "countyAdmin"];

/** A problem { row, column, code } in the user's language: "第 3 行 · 身份证号：校验位错误". */
export function problemText({ row, column, code }) {
  const reason = t(`admin.error.${code}`, {}, code);
  const columnName = column ? t(`admin.column.${column}`, {}, column) : "";
  if (row > 0) {
    return t(columnName ? "admin.problem.rowColumn" : "admin.problem.row", { row, column: columnName, reason });
  }
  return columnName ? t("admin.problem.column", { column: columnName, reason }) : reason;
}

export function importSummary(report) {
  return t(report.dryRun ? "admin.import.checked" : "admin.import.done", {
    rows: report.rows, created: report.created, updated: report.updated, rejected: report.rejected,
  });
}

export function importError(problem) {
  return el("li", { text: problemText(problem), attrs: { "data-testid": "import-error", "data-row": problem.row, "data-code": problem.code } });
}

export function patientRow(patient, gridNames, onCarePlan, onEdit) {
  const conditions = patient.conditions.map((c) => t(`admin.condition.${c}`, {}, c)).join("、");
  const button = el("button", { className: "secondary", text: t("admin.carePlan.open"), attrs: { type: "button", "data-testid": "careplan-open" } });
  button.addEventListener("click", () => onCarePlan(patient));
  const edit = el("button", { className: "secondary", text: t("admin.patients.edit"), attrs: { type: "button", "data-testid": "patient-edit" } });
  edit.addEventListener("click", () => onEdit(patient));
  return el("tr", { attrs: { "data-testid": "patient-row", "data-patient": patient.id } },
    el("td", { text: patient.maskedName, attrs: { "data-testid": "patient-name" } }),
    el("td", { text: patient.birthDate }),
    el("td", { text: patient.gridId ? gridNames.get(patient.gridId) ?? patient.gridId : "—" }),
    el("td", { text: conditions || "—" }),
    el("td", { text: patient.hasCard ? "✓" : "—" }),
    el("td", { text: patient.hasCarePlan ? t("admin.carePlan.individual") : t("admin.carePlan.default") }, button, edit));
}

export function userRow(user, gridNames, actions) {
  const reset = el("button", { className: "secondary", text: t("admin.user.reset"), attrs: { type: "button", "data-testid": "user-reset" } });
  reset.addEventListener("click", () => actions.reset(user));
  const cells = el("td", {}, reset);
  if (user.lockedOut) {
    const unlock = el("button", { className: "secondary", text: t("admin.user.unlock"), attrs: { type: "button", "data-testid": "user-unlock" } });
    unlock.addEventListener("click", () => actions.unlock(user));
    cells.append(" ", el("span", { className: "locked", text: t("admin.user.locked") }), " ", unlock);
  }
  return el("tr", { attrs: { "data-testid": "user-row", "data-user": user.id } },
    el("td", { text: user.id }),
    el("td", { text: user.displayName }),
    el("td", { text: t(`admin.role.${user.role}`, {}, user.role) }),
    el("td", { text: user.gridId ? gridNames.get(user.gridId) ?? user.gridId : "—" }),
    cells);
}

export function options(select, entries, keepValue = true) {
  const value = select.value;
  select.replaceChildren(...entries.map(([id, label]) => el("option", { text: label, attrs: { value: id } })));
  if (keepValue && entries.some(([id]) => id === value)) {
    select.value = value;
  }
}

/** The care plan's editable numbers, in the order the form shows them, with their units. */
export const CARE_PLAN_FIELDS = [
  ["systolicTargetMmHg", "mmHg", 1], ["diastolicTargetMmHg", "mmHg", 1],
  ["systolicUrgentMmHg", "mmHg", 1], ["diastolicUrgentMmHg", "mmHg", 1],
  ["systolicLowMmHg", "mmHg", 1], ["diastolicLowMmHg", "mmHg", 1],
  ["fastingGlucoseTargetMmolL", "mmol/L", 0.1], ["nonFastingGlucoseTargetMmolL", "mmol/L", 0.1],
  ["glucoseUrgentHighMmolL", "mmol/L", 0.1], ["glucoseUrgentLowMmolL", "mmol/L", 0.1], ["glucoseLevel2HypoMmolL", "mmol/L", 0.1],
  ["notMeasuredTaskDays", "d", 1], ["notMeasuredDoctorDays", "d", 1],
];

export function carePlanInputs(targets, defaults) {
  return CARE_PLAN_FIELDS.map(([name, unit, step]) =>
    el("label", {},
      el("span", { text: `${t(`admin.plan.${name}`)} (${unit}) · ${t("admin.carePlan.defaultValue", { value: defaults[name] })}` }),
      el("input", { attrs: { name, type: "number", step, value: targets[name], required: "", "data-testid": `plan-${name}` } })));
}
