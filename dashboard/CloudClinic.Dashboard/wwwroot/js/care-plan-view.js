// Care-plan panel renderers for the patient page: the targets beside the guideline defaults and their sources, and
// the doctor's edit form. Text only through textContent (dom.js), labels through t(); units from admin-view.js.
import { CARE_PLAN_FIELDS } from "./admin-view.js";
import { el } from "./dom.js";
import { language, t } from "./i18n.js";

/** What the panel shows and the form edits, with the source of each default ("bp" follows the patient's age/conditions). */
export const PANEL_FIELDS = [
  ["systolicTargetMmHg", "bp"], ["diastolicTargetMmHg", "bp"],
  ["fastingGlucoseTargetMmolL", "glucose"], ["nonFastingGlucoseTargetMmolL", "glucose"],
  ["notMeasuredTaskDays", "followUp"], ["notMeasuredDoctorDays", "followUp"],
].map(([name, source]) => {
  const [, unit, step] = CARE_PLAN_FIELDS.find(([field]) => field === name);
  return { name, source, unit, step };
});

export const isTarget = (field) => field.unit !== "d";

export function unitText(field) {
  return field.unit === "d" ? t("carePlan.unit.days") : field.unit;
}

export function valueText(field, value) {
  const digits = field.step < 1 ? 1 : 0;
  const number = new Intl.NumberFormat(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return isTarget(field) ? `< ${number} ${unitText(field)}` : `${number} ${unitText(field)}`;
}

export function sourceText(field, plan) {
  return field.source === "bp" ? t(`carePlan.source.bp.${plan.bloodPressureBasis}`) : t(`carePlan.source.${field.source}`);
}

export function row(field, plan) {
  const current = plan.plan.current[field.name];
  const fallback = plan.plan.defaults[field.name];
  return el("tr", { className: current === fallback ? "" : "changed", attrs: { "data-testid": "care-plan-row", "data-field": field.name, "data-value": current } },
    el("th", { text: t(`admin.plan.${field.name}`), attrs: { scope: "row" } }),
    el("td", { className: "current", text: valueText(field, current), attrs: { "data-part": "current" } }),
    el("td", { text: valueText(field, fallback), attrs: { "data-part": "default" } }),
    el("td", { className: "source", text: sourceText(field, plan) }));
}

export function doctorRow(plan) {
  return el("tr", { attrs: { "data-testid": "care-plan-doctor" } },
    el("th", { text: t("carePlan.responsibleDoctor"), attrs: { scope: "row" } }),
    el("td", { text: plan.responsibleDoctor, attrs: { colspan: 3 } }));
}

/** One form row: label, number input with unit, the default and its source, and the field's message slot. */
export function formField(field, plan, value, limit, error) {
  const id = `plan-edit-${field.name}`;
  const input = el("input", {
    attrs: {
      id, name: field.name, type: "number", inputmode: "decimal", step: field.step, min: limit?.min, max: limit?.max, required: "",
      value, "data-testid": id, "aria-invalid": error ? "true" : "false", "aria-describedby": `${id}-error`,
    },
  });
  const message = el("span", { className: "field-error", text: error ?? "", attrs: { id: `${id}-error`, role: "alert", "data-testid": `plan-error-${field.name}` } });
  return el("div", { className: "plan-field", attrs: { "data-field": field.name } },
    el("label", { text: t(`admin.plan.${field.name}`), attrs: { for: id } }),
    el("span", { className: "plan-input" }, input, el("span", { className: "unit", text: unitText(field) })),
    el("span", { className: "plan-default", text: `${t("carePlan.defaultValue", { value: valueText(field, plan.plan.defaults[field.name]) })} · ${sourceText(field, plan)}` }),
    message);
}
