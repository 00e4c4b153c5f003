// History charts with uPlot (npm `uplot`, ES module copied to lib/ by the build). The target band is drawn on the
// canvas under the series; the container records what was drawn (data-band-*, data-points) for tests and tools.
import uPlot from "../lib/uplot/uPlot.esm.js";
import { clinicTimeZone } from "./format.js";
import { language, t } from "./i18n.js";

const HEIGHT = 260;
const BAND_FILL = "rgba(31, 143, 78, 0.13)";
const LIMIT_STROKE = "rgba(184, 110, 0, 0.9)";

const seconds = (iso) => Date.parse(iso) / 1000;

// uPlot's time templates are US style (12am, 11/23/26); Chinese readers expect a 24-hour clock and the year first.
function chineseTemplate(template) {
  return template
    .replace("{h}:{mm}:{ss}{aa}", "{HH}:{mm}:{ss}")
    .replace("{h}:{mm}{aa}", "{HH}:{mm}")
    .replace("{h}{aa}", "{HH}:00")
    .replace("{M}/{D}/{YY}", "{YYYY}/{M}/{D}");
}

const MONTHS_ZH = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const WEEKDAYS_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const NAMES_ZH = { MMMM: MONTHS_ZH, MMM: MONTHS_ZH, WWWW: WEEKDAYS_ZH, WWW: WEEKDAYS_ZH.map((w) => `周${w.at(-1)}`) };

const formatDate = (template) =>
  language() === "zh-CN" ? uPlot.fmtDate(chineseTemplate(template), NAMES_ZH) : uPlot.fmtDate(template);

function drawBand(u, low, high, container) {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const yHigh = Math.max(top, u.valToPos(high, "y", true));
  const yLow = Math.min(top + height, u.valToPos(low, "y", true));
  ctx.save();
  ctx.fillStyle = BAND_FILL;
  ctx.fillRect(left, yHigh, width, yLow - yHigh);
  ctx.restore();
  container.dataset.bandDrawn = "true";
  container.dataset.bandLow = String(low);
  container.dataset.bandHigh = String(high);
}

function drawLimit(u, value) {
  const { ctx } = u;
  const { left, width } = u.bbox;
  const y = u.valToPos(value, "y", true);
  ctx.save();
  ctx.strokeStyle = LIMIT_STROKE;
  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.lineWidth = devicePixelRatio;
  ctx.beginPath();
  ctx.moveTo(left, y);
  ctx.lineTo(left + width, y);
  ctx.stroke();
  ctx.restore();
}

function baseOptions(container, range, yLabel, series, hooks, yRange) {
  return {
    width: Math.max(280, container.clientWidth),
    height: HEIGHT,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), clinicTimeZone() ?? "UTC"),
    fmtDate: formatDate,
    scales: { x: { time: true, range: () => [seconds(range.start), seconds(range.end)] }, y: { range: yRange } },
    axes: [{}, { label: yLabel, size: 60 }],
    series: [{ label: t("series.time") }, ...series],
    hooks,
  };
}

function mount(container, options, data, points) {
  container.replaceChildren();
  delete container.dataset.bandDrawn;
  container.dataset.points = String(points);
  const plot = new uPlot(options, data, container);
  container.dataset.rendered = "true";
  return plot;
}

/** Systolic and diastolic over the window with the band from the low limits to the targets. */
export function bloodPressureChart(container, history) {
  const readings = history.readings.map((s) => s.reading).filter((r) => r.kind === "bloodPressure" && typeof r.systolic === "number");
  const tg = history.targets;
  const data = [readings.map((r) => seconds(r.measuredAt)), readings.map((r) => r.systolic), readings.map((r) => r.diastolic)];
  const values = [...data[1], ...data[2]];
  const yRange = () => [Math.min(tg.diastolicLowMmHg, ...values) - 10, Math.max(tg.systolicBelowMmHg, ...values) + 10];
  const line = (label, stroke) => ({ label, stroke, width: 2, spanGaps: true, points: { show: true, size: 7, fill: stroke } });
  const options = baseOptions(container, history, "mmHg",
    [line(t("series.systolic"), "#c4161c"), line(t("series.diastolic"), "#1b5fa8")],
    {
      drawClear: [(u) => {
        drawBand(u, tg.diastolicLowMmHg, tg.systolicBelowMmHg, container);
        drawLimit(u, tg.diastolicBelowMmHg);
      }],
    },
    yRange);
  return mount(container, options, data, readings.length);
}

/** Fasting and non-fasting glucose as two series (filled vs hollow points) over the fasting target band. */
export function glucoseChart(container, history) {
  const readings = history.readings.map((s) => s.reading).filter((r) => r.kind === "glucose" && typeof r.mmolL === "number");
  const tg = history.targets;
  const fasting = (r) => r.meal === "fasting";
  const data = [
    readings.map((r) => seconds(r.measuredAt)),
    readings.map((r) => (fasting(r) ? r.mmolL : null)),
    readings.map((r) => (fasting(r) ? null : r.mmolL)),
  ];
  const values = readings.map((r) => r.mmolL);
  const yRange = () => [Math.max(0, Math.min(3, ...values) - 1), Math.max(tg.nonFastingGlucoseBelowMmolL, ...values) + 1];
  container.dataset.fastingPoints = String(readings.filter(fasting).length);
  container.dataset.nonFastingPoints = String(readings.length - readings.filter(fasting).length);
  const options = baseOptions(container, history, "mmol/L",
    [
      { label: t("series.fasting"), stroke: "#0b6e6e", paths: () => null, points: { show: true, size: 9, fill: "#0b6e6e" } },
      { label: t("series.nonFasting"), stroke: "#b86e00", paths: () => null, points: { show: true, size: 9, width: 2, fill: "#fff" } },
    ],
    {
      drawClear: [(u) => {
        drawBand(u, tg.fastingGlucoseLowMmolL, tg.fastingGlucoseBelowMmolL, container);
        drawLimit(u, tg.nonFastingGlucoseBelowMmolL);
      }],
    },
    yRange);
  return mount(container, options, data, readings.length);
}
