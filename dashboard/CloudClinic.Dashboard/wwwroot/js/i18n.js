// Tiny i18n: zh-CN by default (DESIGN.md §7), English on request. The choice is kept in localStorage and
// mirrored to <html lang> so screen readers and fonts follow it.

const STORAGE_KEY = "cloudclinic.lang";
export const LANGUAGES = ["zh-CN", "en"];

const messages = {
  "zh-CN": {
    "app.title": "家庭医生云诊室",
    "app.subtitle": "实时监测",
    "lang.switch": "English",
    "lang.switchLabel": "Switch to English",
    "connection.connecting": "正在连接…",
    "connection.connected": "实时连接正常",
    "connection.reconnecting": "连接中断，正在重连…",
    "connection.disconnected": "已断开",
    "readings.title": "今日测量",
    "readings.empty": "暂无测量数据。测量完成后会立即显示在这里。",
    "readings.loadFailed": "历史测量加载失败：{error}",
    "alerts.title": "警报",
    "alerts.empty": "暂无警报",
    "gateways.title": "网关",
    "gateways.empty": "尚未收到网关状态",
    "banner.urgent": "紧急警报",
    "banner.critical": "危急警报",
    "banner.dismiss": "知道了",
    "kind.bloodPressure": "血压",
    "kind.glucose": "血糖",
    "pulse": "脉搏 {value} 次/分",
    "patient.unassigned": "未分配",
    "patient.label": "患者 {id}",
    "meal.fasting": "空腹",
    "meal.preprandial": "餐前",
    "meal.postprandial": "餐后",
    "meal.bedtime": "睡前",
    "meal.casual": "随机",
    "meal.unknown": "时段未知",
    "outOfRange.high": "超出量程（HI）",
    "outOfRange.low": "低于量程（LO）",
    "flag.irregularPulse": "心律不齐",
    "flag.bodyMovement": "测量时身体移动",
    "flag.cuffLoose": "袖带过松",
    "flag.improperPosition": "测量姿势不当",
    "flag.controlSolution": "质控液",
    "severity.critical": "危急",
    "severity.urgent": "紧急",
    "severity.warning": "关注",
    "severity.task": "任务",
    "severity.ops": "运维",
    "event.raised": "新警报",
    "event.updated": "已更新",
    "event.acknowledged": "已确认",
    "event.resolved": "已解除",
    "event.escalated": "已升级",
    "event.snoozed": "已暂缓",
    "rule.bp-urgent": "血压达到紧急转诊标准",
    "rule.bp-above-target": "血压高于控制目标",
    "rule.bp-uncontrolled-twice": "连续两次血压未达标",
    "rule.bp-low": "血压偏低",
    "rule.glucose-urgent": "血糖达到紧急转诊标准",
    "rule.glucose-level2-hypo": "二级低血糖",
    "rule.glucose-above-target": "血糖高于控制目标",
    "rule.not-measured": "长期未测量",
    "rule.gateway-offline": "网关离线",
    "gateway.online": "在线",
    "gateway.offline": "离线",
    "gateway.backlog": "待上传 {count} 条",
    "gateway.devices": "设备 {connected}/{total} 已连接",
    "gateway.lastSeen": "更新于 {time}",
    "where": "{gateway} · {station}",
  },
  en: {
    "app.title": "Family Doctor Cloud Clinic",
    "app.subtitle": "Live monitor",
    "lang.switch": "中文",
    "lang.switchLabel": "切换到中文",
    "connection.connecting": "Connecting…",
    "connection.connected": "Live",
    "connection.reconnecting": "Connection lost, reconnecting…",
    "connection.disconnected": "Disconnected",
    "readings.title": "Today's readings",
    "readings.empty": "No readings yet. New measurements appear here as they are taken.",
    "readings.loadFailed": "Could not load earlier readings: {error}",
    "alerts.title": "Alerts",
    "alerts.empty": "No alerts",
    "gateways.title": "Gateways",
    "gateways.empty": "No gateway status received yet",
    "banner.urgent": "Urgent alert",
    "banner.critical": "Critical alert",
    "banner.dismiss": "Got it",
    "kind.bloodPressure": "Blood pressure",
    "kind.glucose": "Glucose",
    "pulse": "Pulse {value} bpm",
    "patient.unassigned": "Unassigned",
    "patient.label": "Patient {id}",
    "meal.fasting": "Fasting",
    "meal.preprandial": "Before meal",
    "meal.postprandial": "After meal",
    "meal.bedtime": "Bedtime",
    "meal.casual": "Casual",
    "meal.unknown": "Meal unknown",
    "outOfRange.high": "Above meter range (HI)",
    "outOfRange.low": "Below meter range (LO)",
    "flag.irregularPulse": "Irregular pulse",
    "flag.bodyMovement": "Body movement",
    "flag.cuffLoose": "Cuff loose",
    "flag.improperPosition": "Improper position",
    "flag.controlSolution": "Control solution",
    "severity.critical": "Critical",
    "severity.urgent": "Urgent",
    "severity.warning": "Warning",
    "severity.task": "Task",
    "severity.ops": "Ops",
    "event.raised": "Raised",
    "event.updated": "Updated",
    "event.acknowledged": "Acknowledged",
    "event.resolved": "Resolved",
    "event.escalated": "Escalated",
    "event.snoozed": "Snoozed",
    "rule.bp-urgent": "Blood pressure at urgent referral level",
    "rule.bp-above-target": "Blood pressure above target",
    "rule.bp-uncontrolled-twice": "Blood pressure above target twice",
    "rule.bp-low": "Low blood pressure",
    "rule.glucose-urgent": "Glucose at urgent referral level",
    "rule.glucose-level2-hypo": "Level 2 hypoglycaemia",
    "rule.glucose-above-target": "Glucose above target",
    "rule.not-measured": "Not measured for a while",
    "rule.gateway-offline": "Gateway offline",
    "gateway.online": "Online",
    "gateway.offline": "Offline",
    "gateway.backlog": "{count} waiting to upload",
    "gateway.devices": "{connected}/{total} devices connected",
    "gateway.lastSeen": "Updated {time}",
    "where": "{gateway} · {station}",
  },
};

const listeners = new Set();
let current = initialLanguage();

function initialLanguage() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(saved)) {
      return saved;
    }
  } catch {
    // Storage can be disabled (private mode); fall back to the default.
  }
  return "zh-CN";
}

export function language() {
  return current;
}

/** Looks up a message; {name} placeholders are filled from params. Unknown keys fall back to `fallback`. */
export function t(key, params = {}, fallback = key) {
  const template = messages[current][key] ?? messages["zh-CN"][key] ?? fallback;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export function has(key) {
  return key in messages[current];
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) {
    return;
  }
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  applyStatic(document);
  for (const listener of listeners) {
    listener(lang);
  }
}

export function onLanguageChanged(listener) {
  listeners.add(listener);
}

/** Fills every element with data-i18n (text) and data-i18n-label (aria-label) and sets <html lang>. */
export function applyStatic(root) {
  document.documentElement.lang = current;
  document.title = `${t("app.title")} · ${t("app.subtitle")}`;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll("[data-i18n-label]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nLabel));
  }
}
