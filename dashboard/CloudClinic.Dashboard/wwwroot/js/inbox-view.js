// One row per open alert: what, who, how long ago, and the actions the signed-in user may take.
import { el } from "./dom.js";
import { alertValues, dateTime, ruleLabel } from "./format.js";
import { t } from "./i18n.js";

const SNOOZE_MINUTES = [30, 120, 480, 1440];

function minutesAgo(iso) {
  return Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
}

/** act(kind, alert, note, minutes) is called by the buttons. */
export function inboxItem(alert, act) {
  const who = alert.patientName || alert.patientId
    ? `${alert.patientName ?? ""} ${alert.patientId ? `(${alert.patientId})` : ""}`.trim()
    : t("inbox.unassigned", { gateway: alert.gatewayId ?? "?", station: alert.station ?? "?" });
  const meta = el("div", { className: "inbox-meta" },
    el("span", { className: "inbox-state", text: t(`state.${alert.state}`), attrs: { "data-testid": "inbox-state" } }),
    el("span", { text: who, attrs: { "data-testid": "inbox-patient" } }),
    el("time", { text: t("inbox.age", { minutes: minutesAgo(alert.raisedAt) }), attrs: { datetime: alert.raisedAt, title: dateTime(alert.raisedAt) } }),
    alert.acknowledgedBy ? el("span", { text: t("inbox.ackBy", { by: alert.acknowledgedBy }) + (alert.acknowledgeNote ? ` · ${alert.acknowledgeNote}` : "") }) : null,
    alert.snoozedUntil ? el("span", { text: t("inbox.snoozedUntil", { time: dateTime(alert.snoozedUntil) }), attrs: { "data-testid": "inbox-snoozed" } }) : null);

  const item = el("li", {
    className: `inbox-item severity-${alert.severity} state-${alert.state}`,
    attrs: { "data-testid": "inbox-alert", "data-alert-id": alert.alertId, "data-state": alert.state, "data-severity": alert.severity },
  },
  el("div", { className: "inbox-head" },
    el("span", { className: "severity-badge", text: t(`sev.${alert.severity}`, {}, alert.severity) }),
    el("span", { className: "inbox-rule", text: ruleLabel(alert.rule) }),
    el("span", { className: "inbox-values", text: alertValues(alert.values) })),
  meta);

  if (alert.canAct) {
    const note = el("input", { attrs: { type: "text", maxlength: 500, placeholder: t("inbox.note"), "aria-label": t("inbox.note"), "data-testid": "inbox-note" } });
    const minutes = el("select", { attrs: { "aria-label": t("inbox.snoozeMinutes"), "data-testid": "inbox-snooze-minutes" } },
      ...SNOOZE_MINUTES.map((m) => el("option", { text: m < 60 ? t("inbox.minutes", { n: m }) : t("inbox.hours", { n: m / 60 }), attrs: { value: m } })));
    const button = (kind, disabled) => {
      const b = el("button", { text: t(`inbox.${kind}`), attrs: { type: "button", "data-action": kind, "data-testid": `inbox-${kind}` } });
      b.disabled = disabled;
      b.addEventListener("click", () => act(kind, alert, note.value.trim(), Number(minutes.value)));
      return b;
    };
    item.append(el("div", { className: "inbox-actions" },
      note,
      button("acknowledge", alert.state !== "open"),
      button("resolve", false),
      alert.patientId ? minutes : null,
      alert.patientId ? button("snooze", false) : null));
  }
  return item;
}
