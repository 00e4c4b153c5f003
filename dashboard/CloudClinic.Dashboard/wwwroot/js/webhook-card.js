// One robot webhook as a card: where it posts, how many alerts it delivered, and every recent final failure.
import { el } from "./dom.js";
import { dateTime } from "./format.js";
import { t } from "./i18n.js";

function failure(f) {
  const reason = f.statusCode ? `HTTP ${f.statusCode}${f.error ? ` · ${f.error}` : ""}` : (f.error ?? "");
  return el(
    "li",
    { className: "webhook-failure", attrs: { "data-testid": "webhook-failure", "data-alert-id": f.alertId } },
    el("span", { className: "when", text: dateTime(f.at) }),
    el("span", { text: t("webhooks.failureLine", { event: t(`webhooks.event.${f.event}`, {}, f.event), attempts: f.attempts }) }),
    el("span", { className: "device-error", text: reason }),
  );
}

export function webhookCard(log) {
  const state = !log.enabled ? "disabled" : log.failed > 0 ? "failing" : "ok";
  return el(
    "li",
    { className: `gateway-card webhook-${state}`, attrs: { "data-testid": "webhook-card", "data-webhook-id": log.id, "data-state": state } },
    el(
      "div",
      { className: "card-head" },
      el("span", { className: "dot", attrs: { "aria-hidden": "true" } }),
      el("strong", { className: "gateway-name", text: log.name }),
      el("span", { className: "state-badge", text: t(`webhooks.state.${state}`), attrs: { "data-testid": "webhook-state" } }),
      el("span", { className: "version", text: `${t(`webhooks.format.${log.format}`, {}, log.format)} · ${log.target}` }),
    ),
    el(
      "dl",
      { className: "facts" },
      el("div", { className: "fact" }, el("dt", { text: t("webhooks.scope") }), el("dd", { text: log.gridId ? t("webhooks.grid", { grid: log.gridId }) : t("webhooks.wholeClinic") })),
      el("div", { className: "fact" }, el("dt", { text: t("webhooks.delivered") }), el("dd", { text: String(log.delivered), attrs: { "data-testid": "webhook-delivered" } })),
      el("div", { className: "fact" }, el("dt", { text: t("webhooks.failed") }), el("dd", { text: String(log.failed), attrs: { "data-testid": "webhook-failed" } })),
      el("div", { className: "fact" }, el("dt", { text: t("webhooks.lastAttempt") }), el("dd", { text: log.lastAttemptAt ? dateTime(log.lastAttemptAt) : "—" })),
    ),
    log.recentFailures.length > 0 ? el("ul", { className: "devices" }, ...log.recentFailures.map(failure)) : null,
  );
}
