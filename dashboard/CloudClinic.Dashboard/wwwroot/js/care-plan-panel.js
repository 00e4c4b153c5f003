// The patient page's care-plan panel (issue 7: "the care plan (editable by doctors)"): each target beside its guideline
// default and source; for those the server says may edit (canEdit), a form checked in the browser against the
// server's own ranges (limits) and then by the server, whose refusals are shown next to the field they concern.
import { problemText } from "./admin-view.js";
import * as api from "./care-plan-api.js";
import * as view from "./care-plan-view.js";
import { el } from "./dom.js";
import { dateTime } from "./format.js";
import { t } from "./i18n.js";

// The server's order checks name the limit a target collides with; the form shows that next to the target it edits.
const RELATED = {
  systolicUrgentMmHg: "systolicTargetMmHg",
  diastolicUrgentMmHg: "diastolicTargetMmHg",
  glucoseUrgentLowMmolL: "fastingGlucoseTargetMmolL",
  glucoseUrgentHighMmolL: "nonFastingGlucoseTargetMmolL",
};

// The limits a refused order check is about (carePlan.conflict.{column} placeholders), from the plan in force.
const CONFLICT_LIMITS = {
  systolicUrgentMmHg: (c) => ({ low: c.systolicLowMmHg, urgent: c.systolicUrgentMmHg }),
  diastolicUrgentMmHg: (c) => ({ low: c.diastolicLowMmHg, urgent: c.diastolicUrgentMmHg }),
  glucoseUrgentLowMmolL: (c) => ({ low: c.glucoseUrgentLowMmolL }),
  glucoseUrgentHighMmolL: (c) => ({ urgent: c.glucoseUrgentHighMmolL }),
  notMeasuredDoctorDays: () => ({}),
};

/** Mounts the panel in #care-plan; `onChanged` runs after a save or reset (the page redraws its target bands). */
export function carePlanPanel(patientId, onChanged) {
  const section = document.getElementById("care-plan");
  const byPart = (part) => section.querySelector(`[data-part=${part}]`);
  const state = { plan: null, editing: false, draft: {}, errors: {}, formError: null, notice: null, failure: null };

  const limitOf = (name) => state.plan?.limits.find((l) => l.field === name);

  function clientError(field, input) {
    const validity = input.validity;
    const limit = limitOf(field.name);
    if (validity.valueMissing || validity.badInput) {
      return () => t("carePlan.error.required");
    }
    if (validity.rangeUnderflow || validity.rangeOverflow) {
      return () => t("carePlan.error.range", { min: limit.min, max: limit.max, unit: view.unitText(field) });
    }
    if (validity.stepMismatch) {
      return () => t(field.step < 1 ? "carePlan.error.decimal" : "carePlan.error.integer");
    }
    return null;
  }

  function showError(name) {
    const message = section.querySelector(`[data-testid=plan-error-${name}]`);
    const input = section.querySelector(`[name=${name}]`);
    const error = state.errors[name];
    // Only the text changes: the slot keeps its height, so a message never moves the Save button under the pointer.
    message.textContent = error ? error() : "";
    input.setAttribute("aria-invalid", error ? "true" : "false");
  }

  /** Server refusals: beside the field (or the target the broken limit belongs to), else under the form. */
  function serverErrors(problems) {
    const current = state.plan.plan.current;
    const unplaced = [];
    for (const problem of problems) {
      const name = RELATED[problem.column] ?? problem.column;
      const field = view.PANEL_FIELDS.find((f) => f.name === name);
      if (!field) {
        unplaced.push(problem);
        continue;
      }
      // In the browser's range yet refused: the order check (target between its limits, grid worker before doctor).
      const conflict = CONFLICT_LIMITS[problem.column];
      const inRange = !clientError(field, section.querySelector(`[name=${name}]`));
      state.errors[name] = conflict && inRange
        ? () => t(`carePlan.conflict.${problem.column}`, conflict(current))
        : () => t(`admin.error.${problem.code}`, {}, problem.code);
      section.dataset.errorSource = "server";
    }
    state.formError = unplaced.length > 0 ? () => unplaced.map(problemText).join("；") : null;
  }

  function buttons() {
    const save = el("button", { text: t("carePlan.save"), attrs: { type: "submit", "data-testid": "care-plan-save" } });
    const reset = el("button", { className: "secondary", text: t("carePlan.reset"), attrs: { type: "button", "data-testid": "care-plan-reset" } });
    const cancel = el("button", { className: "secondary", text: t("carePlan.cancel"), attrs: { type: "button", "data-testid": "care-plan-cancel" } });
    reset.addEventListener("click", () => change(() => api.resetCarePlan(patientId), "carePlan.resetDone"));
    cancel.addEventListener("click", () => { state.editing = false; render(); });
    return el("div", { className: "plan-buttons" }, save, reset, cancel);
  }

  function renderForm() {
    const form = byPart("form");
    form.hidden = !state.editing;
    if (!state.editing) {
      form.replaceChildren();
      return;
    }
    const fields = view.PANEL_FIELDS.map((field) => view.formField(field, state.plan, state.draft[field.name], limitOf(field.name), state.errors[field.name]?.()));
    const formError = el("p", { className: "field-error", text: state.formError?.() ?? "", attrs: { role: "alert", "data-testid": "care-plan-form-error" } });
    formError.hidden = !state.formError;
    form.replaceChildren(...fields, formError, buttons());
  }

  function render() {
    const plan = state.plan;
    section.hidden = !plan && !state.failure;
    byPart("failure").hidden = !state.failure;
    byPart("failure").textContent = state.failure ? t("carePlan.loadFailed", { error: state.failure }) : "";
    const notice = byPart("notice");
    notice.hidden = !state.notice;
    notice.textContent = state.notice?.() ?? "";
    if (!plan) {
      return;
    }
    section.dataset.individual = String(plan.plan.individual);
    section.dataset.canEdit = String(plan.canEdit);
    byPart("status").textContent = plan.plan.individual
      ? [t("carePlan.individual"), plan.updatedBy ? t("carePlan.changedBy", { name: plan.updatedBy, at: dateTime(plan.updatedAt) }) : ""].filter(Boolean).join(" · ")
      : t("carePlan.default");
    byPart("read-only").hidden = plan.canEdit;
    byPart("read-only").textContent = t("carePlan.readOnly");
    const edit = byPart("edit");
    edit.hidden = !plan.canEdit || state.editing;
    edit.textContent = t("carePlan.edit");
    const rows = view.PANEL_FIELDS.map((f) => view.row(f, plan));
    byPart("rows").replaceChildren(...(plan.responsibleDoctor ? [...rows, view.doctorRow(plan)] : rows));
    byPart("table").hidden = state.editing;
    renderForm();
  }

  async function change(request, doneKey) {
    section.dataset.state = "saving";
    try {
      state.plan = await request();
      state.editing = false;
      state.errors = {};
      state.formError = null;
      state.notice = () => t(doneKey);
      onChanged();
    } catch (error) {
      state.notice = null;
      if (error.problems?.length > 0) {
        serverErrors(error.problems);
      } else {
        state.formError = () => t("carePlan.failed", { error: error.status ?? error.message });
      }
    }
    render();
    section.dataset.state = state.editing ? "editing" : "ready";
  }

  byPart("edit").addEventListener("click", () => {
    state.editing = true;
    state.notice = null;
    state.errors = {};
    state.formError = null;
    state.draft = Object.fromEntries(view.PANEL_FIELDS.map((f) => [f.name, String(state.plan.plan.current[f.name])]));
    render();
    section.dataset.state = "editing";
  });

  const form = byPart("form");
  form.addEventListener("input", (event) => {
    const name = event.target.name;
    state.draft[name] = event.target.value;
    delete state.errors[name];
    showError(name);
  });
  form.addEventListener("change", (event) => {
    const field = view.PANEL_FIELDS.find((f) => f.name === event.target.name);
    state.errors[field.name] = clientError(field, event.target) ?? undefined;
    showError(field.name);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.formError = null;
    for (const field of view.PANEL_FIELDS) {
      state.errors[field.name] = clientError(field, form.elements[field.name]) ?? undefined;
    }
    if (view.PANEL_FIELDS.some((f) => state.errors[f.name])) {
      section.dataset.errorSource = "client";
      render();
      return;
    }
    const numbers = Object.fromEntries(view.PANEL_FIELDS.map((f) => [f.name, Number(form.elements[f.name].value)]));
    change(() => api.saveCarePlan(patientId, { ...state.plan.plan.current, ...numbers }), "carePlan.saved");
  });

  async function load() {
    try {
      state.plan = await api.carePlan(patientId);
      state.failure = null;
    } catch (error) {
      state.failure = error.status ?? error.message;
    }
    render();
    section.dataset.state = "ready";
  }

  return { load, render };
}
