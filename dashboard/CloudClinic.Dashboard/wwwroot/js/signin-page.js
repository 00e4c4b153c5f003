// Sign-in: a plain form POST (works without JavaScript once the token is in); this module adds the anti-forgery
// token, the return address and the error text in the current language.
import { antiforgery } from "./api.js";
import { startShell } from "./shell.js";
import { t } from "./i18n.js";

const params = new URLSearchParams(location.search);
const error = params.get("error");
const message = document.getElementById("signin-error");
document.getElementById("return-url").value = params.get("returnUrl") ?? "/";

startShell(() => {
  message.hidden = !error;
  message.textContent = error === "locked" ? t("signin.locked") : error ? t("signin.invalid") : "";
});

const { token, formFieldName } = await antiforgery();
const field = document.getElementById("csrf-token");
field.name = formFieldName;
field.value = token;
document.getElementById("signin-submit").disabled = false;
document.getElementById("user").focus();
