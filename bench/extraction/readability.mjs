// Mozilla Readability (with linkedom) over a folder of X.html, writing X.txt the way `nlmg extract --out` does,
// plus _timing.json, so extraction_score.py scores both the same way. Comparison only; not part of the product.
// usage: node readability.mjs <dir> <outdir>
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, basename } from "node:path";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error("usage: node readability.mjs <dir> <outdir>");
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const files = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
// Read every page first: the timing covers parsing and extraction, not the disk.
const pages = files.map((f) => [basename(f, ".html"), readFileSync(join(dir, f), "utf8")]);

const results = [];
let failures = 0;
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
for (const [name, html] of pages) {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    results.push([name, article?.textContent ?? ""]);
  } catch {
    failures++;
    results.push([name, ""]);
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;

for (const [name, text] of results) {
  // Readability keeps the markup's whitespace; collapse it and keep paragraph breaks as blank lines.
  const clean = text.replace(/[ \t\r\f\v\u00a0]+/g, " ").replace(/\s*\n\s*(\n\s*)+/g, "\n\n").trim();
  writeFileSync(join(out, `${name}.txt`), clean ? clean + "\n" : "");
}
const timing = {
  pages: pages.length,
  failures,
  threads: 1,
  seconds: Math.round(seconds * 1000) / 1000,
  cpu_seconds: Math.round(cpuSeconds * 1000) / 1000,
  pages_per_s: Math.round((pages.length / seconds) * 10) / 10,
  pages_per_cpu_s: Math.round((pages.length / cpuSeconds) * 10) / 10,
};
writeFileSync(join(out, "_timing.json"), JSON.stringify(timing));
console.log(`Readability: ${pages.length} pages, ${failures} failed, ${timing.seconds} s, ${timing.pages_per_s} pages/s (${timing.pages_per_cpu_s} per CPU second)`);
