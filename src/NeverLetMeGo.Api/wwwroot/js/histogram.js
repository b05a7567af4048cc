import { plural } from "./dom.js";

const svgNs = "http://www.w3.org/2000/svg";

function s(tag, attributes = {}, text = null) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== null) element.textContent = text;
  return element;
}

/**
 * The 0–100 rating histogram as an SVG image: its title and description carry every bin in words, so a screen reader
 * hears the same distribution the bars draw.
 */
export function histogram(bins, id) {
  const width = 320;
  const height = 140;
  const top = 18;
  const bottom = 22;
  const slot = width / bins.length;
  const most = Math.max(1, ...bins.map((b) => b.count));
  const described = bins.filter((b) => b.count > 0).map((b) => `${b.from}–${b.to}: ${plural(b.count, "review")}`);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: "histogram" });
  svg.append(
    s("title", { id: `${id}-title` }, "Ratings from 0 to 100"),
    s("desc", { id: `${id}-desc` }, described.length ? described.join("; ") : "No rated reviews yet."),
    s("line", { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: "axis" }),
  );
  bins.forEach((bin, i) => {
    const barHeight = ((height - top - bottom) * bin.count) / most;
    const x = i * slot + 3;
    const y = height - bottom - barHeight;
    if (bin.count > 0) {
      svg.append(s("rect", { x, y, width: slot - 6, height: barHeight, rx: 2, class: "bar" }));
      svg.append(s("text", { x: x + (slot - 6) / 2, y: y - 4, class: "count", "text-anchor": "middle" }, String(bin.count)));
    }
    svg.append(s("text", { x: i * slot, y: height - 6, class: "tick", "text-anchor": i === 0 ? "start" : "middle" }, String(bin.from)));
  });
  svg.append(s("text", { x: width, y: height - 6, class: "tick", "text-anchor": "end" }, "100"));
  return svg;
}
