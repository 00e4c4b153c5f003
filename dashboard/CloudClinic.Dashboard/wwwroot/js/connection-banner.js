// What every page shows about the live connection: the small state chip in the top bar, a banner while the
// connection is lost, and a short note after the catch-up (how many readings were filled in).
import { t } from "./i18n.js";

const LOST = new Set(["reconnecting", "disconnected"]);

export class ConnectionBanner {
  #chip;
  #banner;
  #state = "connecting";
  #wasLost = false;
  #caughtUp = null;

  constructor(chip, banner) {
    this.#chip = chip;
    this.#banner = banner;
  }

  get wasLost() {
    return this.#wasLost;
  }

  show(state) {
    this.#state = state;
    if (LOST.has(state)) {
      this.#wasLost = true;
      this.#caughtUp = null;
    }
    this.render();
  }

  /** After a reconnect's catch-up: how many readings were not on the page before (null: the page has none). */
  caughtUp(count) {
    this.#caughtUp = count ?? "none";
    this.#wasLost = false;
    this.render();
  }

  render() {
    this.#chip.dataset.state = this.#state;
    this.#chip.querySelector(".label").textContent = t(`connection.${this.#state}`);
    const lost = LOST.has(this.#state);
    const restored = this.#caughtUp === null ? "" : this.#caughtUp === "none" ? t("live.restored") : t("live.caughtUp", { count: this.#caughtUp });
    const text = lost ? t("live.lost") : restored;
    this.#banner.hidden = !text;
    this.#banner.dataset.state = lost ? "lost" : "restored";
    if (typeof this.#caughtUp === "number" && !lost) {
      this.#banner.dataset.caughtUp = String(this.#caughtUp);
    } else {
      delete this.#banner.dataset.caughtUp;
    }
    this.#banner.textContent = text;
  }
}
