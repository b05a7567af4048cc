// The page never receives hidden text: the server sends masked markup, and a block's text is fetched only when the
// reader reveals it. Everything from the API is inserted as text (textContent), except the server's escaped review HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const status = (message) => { $("status").textContent = message; };

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function loadWorks() {
  const works = await getJson("/works?limit=100");
  const select = $("work");
  select.replaceChildren(...works.items.map((w) => new Option(`${w.title} (${w.reviewCount})`, w.id)));
  if (works.items.length === 0) status("No reviews yet.");
}

async function loadReviews() {
  const workId = $("work").value;
  if (!workId) return;
  const list = await getJson(`/works/${encodeURIComponent(workId)}/reviews?limit=50`);
  $("reviews").replaceChildren(...list.items.map(reviewItem));
}

function reviewItem(review) {
  const item = document.createElement("li");
  const open = document.createElement("button");
  open.type = "button";
  open.className = "open-review";
  open.textContent = review.title;
  open.addEventListener("click", () => showReview(review.id));
  item.append(open);
  if (review.containsSpoilers) {
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = `spoilers (${review.maxSpoilerLevel}) after the excerpt`;
    item.append(badge);
  }
  const meta = document.createElement("div");
  meta.textContent = [review.siteName, review.author, review.rating && review.rating.raw].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.textContent = review.excerpt;
  item.append(meta, excerpt);
  return item;
}

async function showReview(id) {
  const tolerance = $("tolerance").value;
  // mask=sentences: a paragraph with one revealing sentence still shows the sentences that reveal nothing.
  const response = await fetch(`/reviews/${encodeURIComponent(id)}/html?spoilers=${tolerance}&mask=sentences`, { headers: { Accept: "text/html" } });
  if (!response.ok) { status(`Could not load review ${id}.`); return; }
  const section = $("review");
  section.dataset.reviewId = id;
  section.innerHTML = await response.text(); // server markup: every scraped string is HTML-escaped there
  for (const button of section.querySelectorAll("button.nlmg-reveal")) {
    button.addEventListener("click", () => reveal(button));
  }
  status("");
}

async function reveal(button) {
  if (button.getAttribute("aria-expanded") === "true") return;
  const block = await getJson(button.dataset.revealUrl);
  const region = document.getElementById(button.getAttribute("aria-controls"));
  region.textContent = block.text;
  region.hidden = false;
  const parts = button.parentElement.querySelector(".nlmg-parts");
  if (parts) parts.hidden = true; // the whole paragraph replaces its visible sentences
  button.setAttribute("aria-expanded", "true");
  button.textContent = `Spoiler (${block.level}) — shown`;
  region.setAttribute("tabindex", "-1");
  region.focus();
}

$("work").addEventListener("change", loadReviews);
$("tolerance").addEventListener("change", () => {
  const id = $("review").dataset.reviewId;
  if (id) showReview(id);
});

(async () => {
  try {
    await loadWorks();
    await loadReviews();
    const wanted = new URLSearchParams(location.search).get("review");
    if (wanted) await showReview(wanted);
  } catch (error) {
    status(`Something went wrong: ${error.message}`);
  }
})();
