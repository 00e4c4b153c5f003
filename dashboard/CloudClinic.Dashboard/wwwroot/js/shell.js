// What every page shares: the language switch, static texts and re-rendering when the language changes.
import { signOut } from "./api.js";
import { el } from "./dom.js";
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
  addAdminLink();
}

/** Admins get the admin page in the nav (the API refuses everyone else in any case). */
async function addAdminLink() {
  const nav = document.querySelector(".nav");
  if (!nav || nav.querySelector('a[href="admin.html"]')) {
    return;
  }
  // A plain fetch, not api.me(): a signed-out page must not be sent to the sign-in page from here.
  const response = await fetch("account/me", { headers: { Accept: "application/json" } });
  const user = response.ok ? await response.json() : null;
  if (user?.role === "clinicAdmin" || user?.role === "countyAdmin") {
    nav.append(el("a", { text: t("nav.admin"), attrs: { href: "admin.html", "data-i18n": "nav.admin", "data-testid": "nav-admin" } }));
  }
}

/** The page's ?clinic=… (empty: the server's Dashboard:DefaultClinicId). */
export function clinicParam() {
  return new URLSearchParams(location.search).get("clinic") ?? "";
}
