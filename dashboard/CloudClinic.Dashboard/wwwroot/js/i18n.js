import zh from "./messages-zh.js";
import en from "./messages-en.js";

// Tiny i18n: zh-CN by default (DESIGN.md §7), English on request. The choice is kept in localStorage and
// mirrored to <html lang> so screen readers and fonts follow it.

const STORAGE_KEY = "cloudclinic.lang";
export const LANGUAGES = ["zh-CN", "en"];

const messages = { "zh-CN": zh, en };

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
  document.title = `${t("app.title")} · ${t(document.body?.dataset.pageTitle ?? "app.subtitle")}`;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll("[data-i18n-label]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nLabel));
  }
}
