// The inbox's history: alerts resolved in the last days, who acknowledged and resolved them, and their notes.
import { el } from "./dom.js";
import { alertValues, dateTime, ruleLabel } from "./format.js";
import { t } from "./i18n.js";

export function historyItem(alert) {
  const who = alert.patientName || alert.patientId
    ? `${alert.patientName ?? ""} ${alert.patientId ? `(${alert.patientId})` : ""}`.trim()
    : t("inbox.unassigned", { gateway: alert.gatewayId ?? "?", station: alert.station ?? "?" });
  const step = (key, by, at, note) => (by || at
    ? el("span", { text: t(key, { by: !by || by === "engine" ? t("history.engine") : by, time: at ? dateTime(at) : "" }) + (note ? ` · ${note}` : "") })
    : null);
  return el(
    "li",
    { className: `history-item severity-${alert.severity}`, attrs: { "data-testid": "history-alert", "data-alert-id": alert.alertId } },
    el("div", { className: "inbox-head" },
      el("span", { className: "severity-badge", text: t(`sev.${alert.severity}`, {}, alert.severity) }),
      el("span", { className: "inbox-rule", text: ruleLabel(alert.rule) }),
      el("span", { className: "inbox-values", text: alertValues(alert.values) })),
    el("div", { className: "inbox-meta" },
      el("span", { text: who }),
      el("span", { text: t("history.raised", { time: dateTime(alert.raisedAt) }) }),
      step("history.acknowledged", alert.acknowledgedBy, alert.acknowledgedAt, alert.acknowledgeNote),
      step("history.resolved", alert.resolvedBy, alert.resolvedAt, alert.resolveNote)),
  );
}
