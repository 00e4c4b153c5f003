// The inbox's alarm sound (issue 7: urgent alerts sound and flash until acknowledged). Browsers play audio only
// after a user gesture, so the sound is switched on by a button (remembered in this browser); from then on a
// two-tone beep repeats while any urgent or critical alert is open: not acknowledged and not snoozed.
const STORAGE_KEY = "cloudclinic.inbox.alarm";
const REPEAT_MS = 4000;

export function rings(alert) {
  return alert.state === "open" && (alert.severity === "urgent" || alert.severity === "critical") && !alert.snoozedUntil;
}

export class Alarm {
  #button;
  #label;
  #context = null;
  #timer = null;
  #ringing = false;

  /** label(on) gives the button's text for the current language. */
  constructor(button, label) {
    this.#button = button;
    this.#label = label;
    button.addEventListener("click", () => this.#toggle());
    // A reload keeps the setting but not the browser's permission: the next click anywhere resumes the audio.
    document.addEventListener("pointerdown", () => this.#context?.resume(), { once: true });
    this.render();
  }

  get enabled() {
    return localStorage.getItem(STORAGE_KEY) === "on";
  }

  /** Rings while any of the alerts rings, stops as soon as none does. */
  update(alerts) {
    this.#ringing = alerts.some(rings);
    const sounding = this.enabled && this.#ringing;
    if (sounding && this.#timer === null) {
      this.#beep();
      this.#timer = setInterval(() => this.#beep(), REPEAT_MS);
    } else if (!sounding && this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
    document.body.dataset.alarm = sounding ? "sounding" : this.enabled ? "on" : "off";
  }

  render() {
    this.#button.textContent = this.#label(this.enabled);
    this.#button.setAttribute("aria-pressed", String(this.enabled));
  }

  #toggle() {
    localStorage.setItem(STORAGE_KEY, this.enabled ? "off" : "on");
    if (this.enabled) {
      this.#audio().resume();
    }
    this.render();
    this.update(this.#ringing ? [{ state: "open", severity: "urgent" }] : []);
  }

  #audio() {
    this.#context ??= new AudioContext();
    return this.#context;
  }

  #beep() {
    const context = this.#audio();
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.25, 660]]) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.3, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.22);
      tone.connect(gain).connect(context.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.22);
    }
    document.body.dataset.alarmBeeps = String(Number(document.body.dataset.alarmBeeps ?? 0) + 1);
  }
}
