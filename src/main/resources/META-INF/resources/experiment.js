// The experiment report page (/experiments/{id}): reads /api/experiments/{id}/report and draws it. Every plot is
// inline SVG made here; nothing is loaded from the network but the report itself.
const SVG = "http://www.w3.org/2000/svg";
const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");

const byId = (name) => document.getElementById(name);

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const fmt = (x, digits = 3) => (x === null || x === undefined ? "–" : Number(x).toFixed(digits));
const interval = (e) => (e && e.low !== null && e.low !== undefined ? `${fmt(e.low)} to ${fmt(e.high)}` : "no interval");
const pValue = (p) => (p === null || p === undefined ? "–" : p < 0.001 ? "< 0.001" : Number(p).toFixed(3));

function splitSection(report) {
  const srm = report.sampleRatio;
  const flag = byId("srm");
  if (srm.mismatch) {
    flag.className = "srm-flag";
    flag.textContent = `Sample ratio mismatch: listeners per arm ${srm.users.join(" / ")} do not match the weights `
      + `(chi-square ${fmt(srm.chiSquare, 2)}, p = ${pValue(srm.pValue)}). The split or the logging is broken: `
      + "do not trust the differences below.";
  } else {
    flag.className = "srm-ok";
    flag.textContent = `Listeners per arm ${srm.users.join(" / ")} match the weights `
      + `(chi-square ${fmt(srm.chiSquare, 2)}, p = ${pValue(srm.pValue)}).`;
  }
  const body = byId("arms").querySelector("tbody");
  report.arms.forEach((arm) => {
    const row = el("tr", { class: "arm-row" });
    row.append(el("th", { scope: "row" }, arm.name + (arm.control ? " (control)" : "")),
      el("td", { class: "num" }, String(arm.weight)),
      el("td", {}, JSON.stringify(arm.options)),
      el("td", { class: "num" }, String(arm.users)),
      el("td", { class: "num" }, String(arm.exposures)));
    body.append(row);
  });
}

// One row per arm: its mean as a dot and its 95% interval as a line, on a shared scale.
function plot(metric, report) {
  const rows = report.arms.map((arm) => ({ name: arm.name, e: arm.metrics[metric.key] }));
  const values = rows.flatMap((r) => [r.e.low, r.e.high, r.e.mean]).filter((v) => v !== null && v !== undefined);
  const width = 640, rowHeight = 26, left = 140, right = 20;
  const height = rows.length * rowHeight + 10;
  const chart = svg("svg", { class: "plot", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `${metric.label}: mean and 95% interval per arm` });
  if (values.length === 0) return chart;
  let lo = Math.min(...values), hi = Math.max(...values);
  if (lo === hi) { lo -= 1; hi += 1; }
  const x = (v) => left + ((v - lo) / (hi - lo)) * (width - left - right);
  rows.forEach((r, i) => {
    const y = 18 + i * rowHeight;
    chart.append(svg("text", { x: 4, y: y + 4 }, r.name));
    if (r.e.low !== null && r.e.low !== undefined) {
      chart.append(svg("line", { class: "ci", x1: x(r.e.low), x2: x(r.e.high), y1: y, y2: y }));
    }
    if (r.e.mean !== null && r.e.mean !== undefined) {
      chart.append(svg("circle", { class: "dot", cx: x(r.e.mean), cy: y, r: 4 }));
    }
  });
  return chart;
}

function metricSection(metric, report) {
  const box = el("section", { class: "metric", "data-metric": metric.key });
  const title = el("h3", {}, metric.label);
  if (metric.guardrail) title.append(el("span", { class: "guardrail" }, "guardrail"));
  box.append(title, plot(metric, report));
  const table = el("table", { class: "report-table" });
  table.append(el("caption", { class: "visually-hidden" }, `${metric.label} per arm`));
  const head = el("tr");
  ["arm", "listeners", "mean", "95% CI", "vs control", "95% CI of the difference", "p-value"]
    .forEach((h) => head.append(el("th", { scope: "col" }, h)));
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  report.arms.forEach((arm) => {
    const e = arm.metrics[metric.key];
    const d = arm.versusControl ? arm.versusControl[metric.key] : null;
    const row = el("tr");
    const significant = d && d.pValue !== null && d.pValue < 0.05;
    row.append(el("th", { scope: "row" }, arm.name), el("td", { class: "num" }, String(e.n)),
      el("td", { class: "num" }, fmt(e.mean)), el("td", { class: "ci-text" }, interval(e)),
      el("td", { class: "num" + (significant ? " significant" : "") }, d ? fmt(d.difference) : "control"),
      el("td", {}, d ? interval(d) : ""), el("td", { class: "num" }, d ? pValue(d.pValue) : ""));
    body.append(row);
  });
  table.append(body);
  box.append(table);
  return box;
}

// One row per arm; an arm whose exposures recorded no tracks has nothing to measure.
function diversitySection(report) {
  const body = byId("diversity").querySelector("tbody");
  report.arms.forEach((arm) => {
    const row = el("tr", { class: "diversity-row" });
    row.append(el("th", { scope: "row" }, arm.name));
    const d = arm.diversity;
    if (!d) {
      row.append(el("td", { colspan: "5", class: "hint" }, "no tracks recorded"));
    } else {
      [d.artistGini, d.longTailShare, d.catalogCoverage, d.intraListDiversity, d.popularityCalibration]
        .forEach((x) => row.append(el("td", { class: "num" }, fmt(x))));
    }
    body.append(row);
  });
}

async function main() {
  try {
    const response = await fetch(`/api/experiments/${encodeURIComponent(id)}/report`);
    const report = await response.json();
    if (!response.ok) throw new Error(report.detail || `the report answered ${response.status}`);
    const e = report.experiment;
    document.title = `Segue — ${e.name}`;
    byId("title").textContent = e.name;
    byId("subtitle").textContent = `${e.status}, since ${e.createdAt}: ${report.users} listeners, `
      + `${report.exposures} exposures` + (e.description ? ` — ${e.description}` : "");
    splitSection(report);
    diversitySection(report);
    const metrics = byId("metrics");
    report.metrics.forEach((m) => metrics.append(metricSection(m, report)));
    document.body.dataset.loaded = "true";
  } catch (error) {
    const box = byId("error");
    box.hidden = false;
    box.textContent = `Cannot show the report: ${error.message}`;
    byId("subtitle").textContent = "";
  }
}

main();
