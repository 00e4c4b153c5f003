// Cards of the grid worker's phone page: one per open alert and one per open "not measured" task, each with its
// big buttons. Everything from the server goes in as text (dom.js), never as HTML.
import { el } from "./dom.js";
import { alertValues, dateTime, ruleLabel } from "./format.js";
import { t } from "./i18n.js";

const NOTE_MAX = 500;

/** "5 分钟前" / "3 小时前" / "2 天前" from the server's clock (`now`), so a phone with a wrong clock still reads right. */
export function age(iso, nowMs) {
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 60_000));
  if (minutes < 60) {
    return t("grid.ageMinutes", { n: minutes });
  }
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? t("grid.ageHours", { n: hours }) : t("grid.ageDays", { n: Math.floor(hours / 24) });
}

function noteInput(testId) {
  return el("input", {
    attrs: { type: "text", maxlength: NOTE_MAX, placeholder: t("grid.note"), "aria-label": t("grid.note"), "data-testid": testId },
  });
}

function button(action, text, onClick, className) {
  const b = el("button", { className, text, attrs: { type: "button", "data-action": action, "data-testid": `grid-${action}` } });
  b.addEventListener("click", onClick);
  return b;
}

/** acknowledge(alert, note) is called by the card's button (only shown to those who may act). */
export function alertCard(alert, nowMs, acknowledge) {
  const person = alert.patientName ?? alert.patientId ?? t("patient.unassigned");
  const card = el("li", {
    className: `grid-card severity-${alert.severity} state-${alert.state}`,
    attrs: { "data-testid": "grid-alert", "data-alert-id": alert.alertId, "data-severity": alert.severity, "data-state": alert.state },
  },
  el("div", { className: "card-head" },
    el("span", { className: "severity-badge", text: t(`severity.${alert.severity}`, {}, alert.severity) }),
    el("span", { className: "card-title", text: ruleLabel(alert.rule) })),
  el("div", { className: "card-head" },
    el("span", { className: "card-person", text: person, attrs: { "data-testid": "grid-alert-patient" } }),
    el("span", { className: "card-values", text: alertValues(alert.values), attrs: { "data-testid": "grid-alert-values" } })),
  alert.flags?.length
    ? el("ul", { className: "card-flags", attrs: { "data-testid": "grid-alert-flags" } }, ...alert.flags.map((f) => el("li", { text: t(`flag.${f}`, {}, f) })))
    : null,
  el("div", { className: "card-meta" },
    el("time", { text: age(alert.raisedAt, nowMs), attrs: { datetime: alert.raisedAt, title: dateTime(alert.raisedAt), "data-testid": "grid-alert-age" } }),
    el("span", { text: t(`state.${alert.state}`, {}, alert.state) }),
    alert.acknowledgedBy
      ? el("span", { text: t("inbox.ackBy", { by: alert.acknowledgedBy }) + (alert.acknowledgeNote ? ` · ${alert.acknowledgeNote}` : "") })
      : null));

  if (alert.canAct && alert.state === "open") {
    const note = noteInput("grid-alert-note");
    card.append(el("div", { className: "card-actions" },
      note,
      button("acknowledge", t("grid.acknowledge"), () => acknowledge(alert, note.value.trim()), "single")));
  }
  return card;
}

/** close(task, outcome, note) is called by "visited" / "called" (only shown to those who may close it). */
export function taskCard(task, nowMs, close) {
  const person = task.patientName ?? task.patientId ?? "?";
  const days = task.lastMeasuredAt
    ? t("grid.daysNotMeasured", { n: task.daysNotMeasured })
    : t("grid.neverMeasured", { n: task.daysNotMeasured });
  const card = el("li", {
    className: "grid-card task",
    attrs: { "data-testid": "grid-task", "data-task-id": task.taskId, "data-state": task.state },
  },
  el("div", { className: "card-head" },
    el("span", { className: "card-person", text: person, attrs: { "data-testid": "grid-task-patient" } }),
    el("span", { className: "card-days", text: days, attrs: { "data-testid": "grid-task-days" } })),
  el("div", { className: "card-meta" },
    el("span", { text: t(`grid.kind.${task.kind}`, {}, task.kind), attrs: { "data-testid": "grid-task-kind" } }),
    task.lastMeasuredAt ? el("span", { text: t("grid.lastMeasured", { time: dateTime(task.lastMeasuredAt) }) }) : null,
    el("time", { text: t("grid.taskSince", { age: age(task.createdAt, nowMs) }), attrs: { datetime: task.createdAt } })));

  if (task.canClose) {
    const note = noteInput("grid-task-note");
    const buttons = [];
    const done = (outcome) => () => {
      buttons.forEach((b) => { b.disabled = true; });
      close(task, outcome, note.value.trim());
    };
    buttons.push(button("visited", t("grid.visited"), done("visited")), button("called", t("grid.called"), done("called")));
    card.append(el("div", { className: "card-actions" }, note, ...buttons));
  }
  return card;
}
