import { getJson, hiddenAt } from "./api.js";
import { h, plural, formatDate, formatNumber } from "./dom.js";
import { histogram } from "./histogram.js";

export async function renderHome(view) {
  const works = await getJson("/works?limit=100");
  view.replaceChildren(
    h("h1", { tabindex: "-1" }, "Works"),
    works.items.length === 0
      ? h("p", { class: "empty" }, "No reviews yet. Scrape some with nlmg scrape <url>.")
      : h("ul", { class: "works" }, works.items.map((w) =>
        h("li", {}, h("a", { href: `/?work=${w.id}`, class: "work-link" }, h("span", { class: "work-title" }, w.title), h("span", { class: "work-count" }, plural(w.reviewCount, "review")))))),
  );
  return "Works";
}

export async function renderWork(view, workId, tolerance) {
  const [work, rating, list] = await Promise.all([
    getJson(`/works/${encodeURIComponent(workId)}`),
    getJson(`/works/${encodeURIComponent(workId)}/rating`),
    getJson(`/works/${encodeURIComponent(workId)}/reviews?limit=50`),
  ]);
  const cards = h("ul", { class: "cards" }, list.items.map((r) => card(r, tolerance)));
  view.replaceChildren(
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "/" }, "All works")),
    workHeader(work, rating),
    h("section", { "aria-labelledby": "reviews-heading" },
      h("h2", { id: "reviews-heading" }, `Reviews (${work.reviewCount})`),
      cards,
      more(list.next, (cursor) => getJson(`/works/${encodeURIComponent(workId)}/reviews?limit=50&cursor=${encodeURIComponent(cursor)}`),
        (items) => items.map((r) => card(r, tolerance)), cards, "More reviews")),
  );
  return work.title;
}

/**
 * A "More" button for a cursor-paged list: it appends the next page and moves focus to the first new item's link, so a
 * keyboard reader continues where the new items start. It disappears on the last page.
 */
export function more(next, load, render, list, label) {
  if (!next) return null;
  let cursor = next;
  const button = h("button", { type: "button", class: "action more" }, label);
  button.addEventListener("click", async () => {
    const page = await load(cursor);
    const items = render(page.items);
    list.append(...items);
    items[0]?.querySelector("a")?.focus();
    cursor = page.next;
    if (!cursor) button.remove();
  });
  return h("p", { class: "more-row" }, button);
}

function workHeader(work, rating) {
  const stat = (label, value) => h("div", { class: "stat" }, h("dt", {}, label), h("dd", {}, value));
  return h("section", { class: "work-header", "aria-labelledby": "work-title" },
    h("div", { class: "work-facts" },
      h("h1", { id: "work-title", tabindex: "-1" }, work.title),
      h("dl", { class: "stats" },
        stat("Reviews", String(work.reviewCount)),
        stat("Rated", String(rating.count)),
        stat("Mean", formatNumber(rating.mean)),
        stat("Median", formatNumber(rating.median)),
        stat("Positive", rating.percentPositive === null ? "—" : `${Math.round(rating.percentPositive)}%`))),
    h("figure", { class: "histogram-figure" },
      histogram(rating.histogram, "histogram"),
      h("figcaption", {}, `Ratings on 0–100: ${plural(rating.count, "rated review")}, ${rating.unrated} unrated. Positive means 60 or more.`)));
}

/** A review card: only the list's safe fields, and an excerpt that is never blank. */
export function card(review, tolerance) {
  const hidden = hiddenAt(review, tolerance);
  const titleId = `card-${review.id}`;
  return h("li", { class: "card" },
    h("article", { "aria-labelledby": titleId },
      h("h3", { id: titleId }, h("a", { href: `/?work=${review.workId}&review=${review.id}`, class: "card-link" }, review.title)),
      h("p", { class: "meta" }, metaLine(review)),
      review.rating ? h("p", { class: "rating" }, h("span", { class: "score" }, String(Math.round(review.rating.normalized))), ` / 100 · ${review.rating.raw}`) : null,
      excerpt(review, hidden, tolerance),
      h("p", { class: "card-foot" },
        hidden > 0 ? h("span", { class: `badge level-${review.maxSpoilerLevel}` }, `${plural(hidden, "paragraph")} hidden (${levelsHidden(review, tolerance)} spoilers)`) :
          review.containsSpoilers ? h("span", { class: "badge shown" }, "spoilers shown at your setting") : h("span", { class: "badge clean" }, "no spoilers found"),
        review.commentCount > 0 ? h("span", { class: "comments-count" }, plural(review.commentCount, "comment")) : null)));
}

export function metaLine(review) {
  return [review.siteName, review.author, formatDate(review.publishedAt)].filter(Boolean).flatMap((part, i) => (i ? [" · ", part] : [part]));
}

function levelsHidden(review, tolerance) {
  const { premise, major } = review.spoilerBlocks;
  return [tolerance === "none" && premise > 0 ? "premise" : null, major > 0 ? "major" : null].filter(Boolean).join(" and ");
}

function excerpt(review, hidden, tolerance) {
  if (review.excerpt) return h("p", { class: "excerpt" }, review.excerpt);
  // The review's spoilers (or its spoiler warning) start at the top: there is nothing safe to quote, and the card says why.
  const text = hidden > 0
    ? `No spoiler-free excerpt: this review starts with its spoiler warning or a spoiler, and ${plural(hidden, "paragraph is", "paragraphs are")} hidden at your setting. Open it to choose what to reveal.`
    : `No spoiler-free excerpt: this review starts with its spoiler warning or a spoiler. Your setting (${tolerance === "all" ? "show everything" : "show premise"}) shows it all when you open it.`;
  return h("p", { class: "excerpt empty" }, text);
}
