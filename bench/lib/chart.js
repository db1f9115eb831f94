// bench/scaling.png: how the figures scale with the number of resources, drawn as SVG here and
// rasterized with @resvg/resvg-js (a prebuilt binary from npm; no browser needed).
"use strict";
const fs = require("node:fs");

const width = 1100;
const height = 460;
const font = "DejaVu Sans, Arial, sans-serif";

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A "nice" upper end for an axis and its tick step. */
function niceScale(max) {
    const rough = max / 5;
    const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
    return { top: Math.ceil(max / step) * step || step, step };
}

/**
 * One panel: x = resources, lines as { label, color, points: [[x, y]], dashed? }.
 * `box` = { x, y, w, h } of the plot area.
 */
function panel(box, title, yLabel, xs, lines) {
    const xMax = Math.max(...xs);
    const yScale = niceScale(1.08 * Math.max(1, ...lines.flatMap((line) => line.points.map(([, y]) => y))));
    const px = (x) => box.x + (x / xMax) * box.w;
    const py = (y) => box.y + box.h - (y / yScale.top) * box.h;
    const parts = [
        `<text x="${box.x + box.w / 2}" y="${box.y - 16}" text-anchor="middle" font-size="17" font-weight="bold">${escape(title)}</text>`,
        `<text transform="translate(${box.x - 52},${box.y + box.h / 2}) rotate(-90)" text-anchor="middle" font-size="13">${escape(yLabel)}</text>`,
        `<text x="${box.x + box.w / 2}" y="${box.y + box.h + 42}" text-anchor="middle" font-size="13">resources</text>`,
    ];
    for (let y = 0; y <= yScale.top + 1e-9; y += yScale.step) {
        parts.push(`<line x1="${box.x}" x2="${box.x + box.w}" y1="${py(y)}" y2="${py(y)}" stroke="#e3e3e3"/>`);
        parts.push(`<text x="${box.x - 8}" y="${py(y) + 4}" text-anchor="end" font-size="12">${+y.toFixed(2)}</text>`);
    }
    for (const x of xs) {
        parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${box.y + box.h}" y2="${box.y + box.h + 5}" stroke="#444"/>`);
        parts.push(`<text x="${px(x)}" y="${box.y + box.h + 20}" text-anchor="middle" font-size="12">${x}</text>`);
    }
    parts.push(`<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" fill="none" stroke="#444"/>`);
    lines.forEach((line, index) => {
        const dash = line.dashed ? ` stroke-dasharray="7 5"` : "";
        if (line.connect !== false && line.points.length > 1) {
            const d = line.points.map(([x, y], i) => `${i ? "L" : "M"}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ");
            parts.push(`<path d="${d}" fill="none" stroke="${line.color}" stroke-width="2.5"${dash}/>`);
        }
        if (line.markers !== false) for (const [x, y] of line.points) parts.push(`<circle cx="${px(x)}" cy="${py(y)}" r="4" fill="${line.color}"/>`);
        const ly = box.y + 14 + index * 20;
        parts.push(
            line.connect === false
                ? `<circle cx="${box.x + 24}" cy="${ly - 4}" r="4" fill="${line.color}"/>`
                : `<line x1="${box.x + 12}" x2="${box.x + 36}" y1="${ly - 4}" y2="${ly - 4}" stroke="${line.color}" stroke-width="2.5"${dash}/>`,
        );
        parts.push(`<text x="${box.x + 42}" y="${ly}" font-size="12">${escape(line.label)}</text>`);
    });
    return parts.join("\n");
}

function renderSvg(results) {
    const runs = results.runs;
    const xs = runs.map((run) => run.size);
    const at = (pick) => runs.map((run) => [run.size, pick(run)]);
    const timeLines = [
        { label: "up", color: "#1f77b4", points: at((run) => run.up.seconds) },
        { label: "ideal bound for up", color: "#1f77b4", dashed: true, points: at((run) => run.bound.seconds) },
        { label: "preview, unchanged", color: "#d62728", points: at((run) => run.preview.seconds) },
        // The floors are measured at a few sizes only: points, not lines that would suggest the sizes between.
        { label: "preview, no-op resources (engine floor)", color: "#ff9896", connect: false, points: results.floors.map((f) => [f.size, f.preview.seconds]) },
        { label: "up, no-op resources (engine floor)", color: "#7f7f7f", connect: false, points: results.floors.filter((f) => f.up).map((f) => [f.size, f.up.seconds]) },
    ];
    const memoryLines = [
        { label: "dynamic-provider peak RSS (MB)", color: "#2ca02c", points: at((run) => run.peakRssMb) },
        { label: "state KB per resource x 10", color: "#9467bd", points: at((run) => run.state.bytesPerResource / 100) },
        { label: "RSS goal (300 MB)", color: "#d62728", dashed: true, markers: false, points: [xs[0], xs[xs.length - 1]].map((x) => [x, 300]) },
    ];
    const s = results.settings;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${font}">`,
        `<rect width="${width}" height="${height}" fill="white"/>`,
        panel({ x: 90, y: 60, w: 560, h: 320 }, "Wall time (s)", "seconds", xs, timeLines),
        panel({ x: 760, y: 60, w: 300, h: 320 }, "Memory and state", "MB / (KB x 10)", xs, memoryLines),
        `<text x="${width / 2}" y="${height - 10}" text-anchor="middle" font-size="12" fill="#555">` +
            escape(`pulumi-ucaas benchmark, ${results.when.slice(0, 10)}: ${s.latencyMs} ms per request, jobs ${s.jobSeconds} s polled every ${s.pollSeconds} s, --parallel ${s.parallel}; mix: ${results.vendors.join(", ")}`) +
            "</text>",
        "</svg>",
    ].join("\n");
}

async function writeChart(results, file) {
    const { Resvg } = require("@resvg/resvg-js");
    const svg = renderSvg(results);
    const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" }, fitTo: { mode: "width", value: width } }).render().asPng();
    fs.writeFileSync(file, png);
}

module.exports = { renderSvg, writeChart };
