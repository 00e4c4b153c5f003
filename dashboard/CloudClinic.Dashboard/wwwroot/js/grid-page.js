// Grid worker's phone page (DESIGN.md §7): the grid's open alerts and "not measured" tasks, refreshed on every live
// event about the grid and after each (re)connect; a task closes as visited or called, an alert is acknowledged.
// Doctors and admins pick one of their grids; the choice stays in the address (?grid=…).
import * as api from "./api.js";
import { ConnectionBanner } from "./connection-banner.js";
import { setTimeZone } from "./format.js";
import { closeTask, gridWork } from "./grid-api.js";
import { alertCard, taskCard } from "./grid-view.js";
import { t } from "./i18n.js";
import { connectLive } from "./live.js";
import { startShell } from "./shell.js";
import { el } from "./dom.js";

const byId = (id) => document.getElementById(id);
const connection = new ConnectionBanner(byId("connection-state"), byId("connection-lost"));
const select = byId("grid-select");
let grid = new URLSearchParams(location.search).get("grid") ?? "";
let work = null;
let skewMs = 0; // server clock minus this phone's clock
let failure = null;
let zoneOf = null;

function render() {
  const nowMs = Date.now() + skewMs;
  const alerts = work?.alerts ?? [];
  const tasks = work?.tasks ?? [];
  byId("grid-name").textContent = work?.gridName ?? "";
  byId("grid-none").hidden = !work || Boolean(work.gridId);
  byId("grid-picker-label").hidden = !work || work.grids.length < 2;
  select.replaceChildren(...(work?.grids ?? []).map((g) =>
    el("option", { text: `${g.name} · ${g.clinicId}`, attrs: { value: g.gridId, selected: g.gridId === work.gridId ? "" : null } })));
  byId("grid-alerts").replaceChildren(...alerts.map((a) => alertCard(a, nowMs, acknowledge)));
  byId("grid-tasks").replaceChildren(...tasks.map((task) => taskCard(task, nowMs, close)));
  byId("grid-alerts-count").textContent = String(alerts.length);
  byId("grid-tasks-count").textContent = String(tasks.length);
  byId("grid-alerts-empty").hidden = alerts.length > 0;
  byId("grid-tasks-empty").hidden = tasks.length > 0;
  const notice = byId("notice");
  notice.hidden = !failure;
  notice.textContent = failure ? t("grid.failed", { error: failure }) : "";
  connection.render();
}

// One load at a time; events during a load ask for one more afterwards (a burst of alerts costs two requests).
let loading = null;
let again = false;
async function load() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      try {
        work = await gridWork(grid);
        skewMs = Date.parse(work.now) - Date.now();
        failure = null;
        await clinicZone(work.clinicId);
      } catch (error) {
        failure = error.message;
      }
    } while (again);
    loading = null;
    render();
  })();
  return loading;
}

async function clinicZone(clinicId) {
  if (!clinicId || zoneOf === clinicId) {
    return;
  }
  const day = await api.clinicDay(clinicId);
  setTimeZone(day.timeZone);
  zoneOf = clinicId;
}

async function acknowledge(alert, note) {
  try {
    await api.acknowledgeAlert(alert.alertId, note || null);
    failure = null;
  } catch (error) {
    failure = error.message;
  }
  await load();
}

async function close(task, outcome, note) {
  try {
    await closeTask(task.taskId, outcome, note);
    failure = null;
  } catch (error) {
    failure = error.message;
  }
  await load();
}

/** A live event concerns this page when it is about the grid shown (doctors get their whole clinic's events). */
function aboutThisGrid(gridId) {
  return !work?.gridId || !gridId || gridId === work.gridId;
}

select.addEventListener("change", () => {
  grid = select.value;
  history.replaceState(null, "", `?grid=${encodeURIComponent(grid)}`);
  load();
});

startShell(render);
api.me().then((user) => {
  byId("who").textContent = user.displayName;
  // The wall and the gateways are clinic-wide: nothing there for a grid worker.
  document.querySelectorAll("[data-clinic-wide]").forEach((link) => { link.hidden = user.role === "gridWorker"; });
}, () => {});

connectLive({
  alert: (alert) => (aboutThisGrid(alert.gridId) ? load() : undefined),
  taskClosed: (clinicId, gridId) => (aboutThisGrid(gridId) ? load() : undefined),
  state: (state) => connection.show(state),
  connected: () => load(),
});
