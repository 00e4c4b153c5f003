// Admin page (clinic and county admins): roster import with a row-level report, patients (masked names only),
// care plans, users (new passwords shown once), grids and — for a county admin — clinics.
import * as admin from "./admin-api.js";
import { me } from "./api.js";
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { clinicParam, startShell } from "./shell.js";
import * as view from "./admin-view.js";

const byId = (id) => document.getElementById(id);
const state = { user: null, clinic: clinicParam(), clinics: [], grids: [], users: [], patients: [], report: null, plan: null, editing: null, notice: null, password: null };

function gridNames() {
  return new Map(state.grids.map((g) => [g.id, g.name]));
}

function render() {
  for (const input of document.querySelectorAll("[data-i18n-placeholder]")) {
    input.placeholder = t(input.dataset.i18nPlaceholder);
  }
  const select = byId("clinic-select");
  view.options(select, state.clinics.map((c) => [c.id, c.name]));
  select.value = state.clinic;
  select.disabled = state.user?.role !== "countyAdmin";
  byId("clinics-panel").hidden = state.user?.role !== "countyAdmin";
  byId("clinics").replaceChildren(...state.clinics.map((c) => el("li", { text: `${c.name} (${c.id}, ${c.timeZoneId})` })));
  byId("grids").replaceChildren(...state.grids.map((g) => el("li", { text: `${g.name} (${g.id})` })));
  for (const gridSelect of document.querySelectorAll("[data-grid-options]")) {
    view.options(gridSelect, [["", "—"], ...state.grids.map((g) => [g.id, g.name])]);
  }
  const roles = state.user?.role === "countyAdmin" ? view.ROLES : view.ROLES.filter((r) => r !== "countyAdmin");
  view.options(document.querySelector("[data-role-options]"), roles.map((r) => [r, t(`admin.role.${r}`)]));

  const names = gridNames();
  byId("patients").replaceChildren(...state.patients.map((p) => view.patientRow(p, names, openCarePlan, editPatient)));
  byId("patients-empty").hidden = state.patients.length > 0;
  byId("users").replaceChildren(...state.users.map((u) => view.userRow(u, names, { reset: resetPassword, unlock })));
  renderReport();
  renderCarePlan();
  byId("patient-form-summary").textContent = state.editing ? t("admin.patients.editing", { name: state.editing.maskedName }) : t("admin.patients.add");
  byId("patient-cancel").hidden = !state.editing;
  byId("patient-form").elements.name.required = !state.editing; // an edit may leave the name as it is
  const notice = byId("notice");
  notice.hidden = !state.notice;
  notice.textContent = state.notice ? state.notice() : "";
  const password = byId("password-notice");
  password.hidden = !state.password;
  password.textContent = state.password ? t("admin.user.password", state.password) : "";
}

function renderReport() {
  const report = state.report;
  byId("import-report").hidden = !report;
  if (report) {
    byId("import-summary").textContent = view.importSummary(report);
    byId("import-errors").replaceChildren(...report.errors.map(view.importError));
  }
}

function renderCarePlan() {
  const plan = state.plan;
  byId("careplan-panel").hidden = !plan;
  if (!plan) {
    return;
  }
  byId("careplan-title").textContent = t("admin.carePlan.title", { name: plan.maskedName });
  byId("careplan-basis").textContent = plan.individual ? t("admin.carePlan.individual") : `${t("admin.carePlan.default")} · ${plan.defaults.basis}`;
  const save = el("button", { text: t("admin.save"), attrs: { type: "submit", "data-testid": "careplan-save" } });
  const reset = el("button", { className: "secondary", text: t("admin.carePlan.reset"), attrs: { type: "button" } });
  reset.addEventListener("click", () => act(async () => { state.plan = await admin.resetCarePlan(plan.patientId); await loadClinic(); }));
  byId("careplan-form").replaceChildren(...view.carePlanInputs(plan.current, plan.defaults), el("div", {}, save, " ", reset));
}

/** Runs an action, showing a refusal in the user's language (re-rendered on a language switch). */
async function act(action) {
  try {
    state.notice = null;
    await action();
  } catch (error) {
    const problems = error.problems ?? [];
    state.notice = () => problems.length > 0
      ? problems.map(view.problemText).join("；")
      : t("admin.failed", { error: error.status ?? error.message });
  }
  render();
}

async function loadClinic() {
  if (!state.clinic) {
    return;
  }
  [state.grids, state.users, state.patients] = await Promise.all([admin.grids(state.clinic), admin.users(state.clinic), admin.patients(state.clinic)]);
}

async function openCarePlan(patient) {
  await act(async () => { state.plan = await admin.carePlan(patient.id); });
}

/** Fills the form for an edit: identity fields stay empty (the admin never reads them back; empty = unchanged). */
function editPatient(patient) {
  const form = byId("patient-form");
  form.reset();
  state.editing = patient;
  form.elements.birthDate.value = patient.birthDate;
  form.elements.grid.value = patient.gridId ?? "";
  for (const box of form.querySelectorAll("input[name=conditions]")) {
    box.checked = patient.conditions.includes(box.value);
  }
  form.closest("details").open = true;
  render();
}

async function resetPassword(user) {
  await act(async () => { state.password = await admin.resetPassword(user.id); });
}

async function unlock(user) {
  await act(async () => { await admin.unlockUser(user.id); await loadClinic(); });
}

function formObject(form) {
  const data = new FormData(form);
  const value = Object.fromEntries([...data.keys()].map((key) => [key, data.getAll(key).length > 1 || key === "conditions" ? data.getAll(key) : data.get(key)]));
  return value;
}

function onSubmit(id, handler) {
  byId(id).addEventListener("submit", (event) => {
    event.preventDefault();
    act(() => handler(event.target));
  });
}

onSubmit("import-form", async () => {
  const file = byId("import-file").files[0];
  state.report = await admin.importRoster(state.clinic, file, byId("import-dry-run").checked);
  await loadClinic();
});
onSubmit("patient-form", async (form) => {
  const body = formObject(form);
  const patient = { ...body, conditions: body.conditions ?? [] };
  if (state.editing) {
    for (const kept of ["name", "nationalId", "phone", "cardCode"]) {
      if (!patient[kept]) {
        delete patient[kept];
      }
    }
    await admin.updatePatient(state.editing.id, patient);
    state.editing = null;
  } else {
    await admin.createPatient({ ...patient, clinicId: state.clinic });
  }
  form.reset();
  await loadClinic();
});
byId("patient-cancel").addEventListener("click", () => {
  state.editing = null;
  byId("patient-form").reset();
  render();
});
onSubmit("careplan-form", async (form) => {
  const numbers = Object.fromEntries(view.CARE_PLAN_FIELDS.map(([name]) => [name, Number(form.elements[name].value)]));
  state.plan = await admin.saveCarePlan(state.plan.patientId, { ...state.plan.current, ...numbers });
  await loadClinic();
});
onSubmit("user-form", async (form) => {
  state.password = await admin.createUser({ ...formObject(form), clinicId: state.clinic });
  form.reset();
  await loadClinic();
});
onSubmit("grid-form", async (form) => {
  await admin.createGrid({ ...formObject(form), clinicId: state.clinic });
  form.reset();
  await loadClinic();
});
onSubmit("clinic-form", async (form) => {
  await admin.createClinic(formObject(form));
  form.reset();
  state.clinics = await admin.clinics();
});
byId("clinic-select").addEventListener("change", (event) => {
  state.clinic = event.target.value;
  state.plan = null;
  state.report = null;
  act(loadClinic);
});

startShell(render);
act(async () => {
  state.user = await me();
  state.clinics = await admin.clinics();
  state.clinic ||= state.user.clinicId ?? state.clinics[0]?.id ?? "";
  await loadClinic();
});
