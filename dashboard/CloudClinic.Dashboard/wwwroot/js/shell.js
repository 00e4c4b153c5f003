// What every page shares: the language switch, static texts and re-rendering when the language changes.
import { signOut } from "./api.js";
import { applyStatic, language, onLanguageChanged, setLanguage, t } from "./i18n.js";

/** Wires #lang-switch; `render` redraws the page's dynamic parts in the new language. */
export function startShell(render) {
  const button = document.getElementById("lang-switch");
  const renderAll = () => {
    button.textContent = t("lang.switch");
    render();
  };
  button.addEventListener("click", () => setLanguage(language() === "zh-CN" ? "en" : "zh-CN"));
  onLanguageChanged(renderAll);
  document.getElementById("sign-out")?.addEventListener("click", async () => {
    await signOut();
    location.assign("signin.html");
  });
  applyStatic(document);
  renderAll();
}

/** The page's ?clinic=… (empty: the server's Dashboard:DefaultClinicId). */
export function clinicParam() {
  return new URLSearchParams(location.search).get("clinic") ?? "";
}
