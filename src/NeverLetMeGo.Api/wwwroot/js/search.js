import { getJson } from "./api.js";
import { h, plural } from "./dom.js";
import { metaLine, more } from "./works.js";

/**
 * The snippet as text with its <mark> highlights: the server escapes the snippet, and the page still keeps nothing but
 * text and mark elements from it.
 */
function snippet(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const out = h("p", { class: "snippet" });
  for (const node of parsed.childNodes) {
    out.append(node.nodeName === "MARK" ? h("mark", {}, node.textContent) : node.textContent);
  }
  return out;
}

export async function renderSearch(view, query, tolerance) {
  const result = await getJson(`/search?q=${encodeURIComponent(query)}&spoilers=${tolerance}&limit=20`);
  const render = (items) => items.map((hit) =>
    h("li", { class: "hit" },
      h("h2", {}, h("a", { href: `/?work=${hit.review.workId}&review=${hit.review.id}` }, hit.review.title)),
      h("p", { class: "meta" }, hit.review.workTitle, " · ", metaLine(hit.review)),
      snippet(hit.snippetHtml)));
  const hits = h("ol", { class: "hits" }, render(result.items));
  const base = `/search?q=${encodeURIComponent(query)}&spoilers=${tolerance}&limit=20`;
  view.replaceChildren(
    h("h1", { tabindex: "-1" }, `Search: ${query}`),
    h("p", { class: "search-note" }, result.items.length
      ? `${result.next ? "Best matches first" : plural(result.items.length, "match", "matches")}, in what your spoiler setting lets you read.`
      : "No matches in what your spoiler setting lets you read."),
    hits,
    more(result.next, (cursor) => getJson(`${base}&cursor=${encodeURIComponent(cursor)}`), render, hits, "More matches"),
  );
  return `Search: ${query}`;
}
