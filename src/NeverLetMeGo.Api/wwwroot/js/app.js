// The reading page: plain modules, no build step. The page never holds a hidden block's text before the reader reveals
// it: lists carry only safe excerpts, reviews come masked, and revealed text is fetched on demand.
import { loadTolerance, saveTolerance, ApiError } from "./api.js";
import { renderHome, renderWork } from "./works.js";
import { renderReview } from "./review.js";
import { renderSearch } from "./search.js";

const view = document.getElementById("view");
const status = document.getElementById("status");
const tolerance = document.getElementById("tolerance");
const searchBox = document.getElementById("q");

tolerance.value = loadTolerance();

/** The view a URL names: /?review=4 (with or without work=), /?work=1, /?q=words, or the works list. */
async function show(focus) {
  const params = new URLSearchParams(location.search);
  const review = params.get("review");
  const work = params.get("work");
  const query = params.get("q");
  searchBox.value = query ?? "";
  status.textContent = "";
  try {
    const title = review ? await renderReview(view, review, tolerance.value)
      : work ? await renderWork(view, work, tolerance.value)
        : query ? await renderSearch(view, query, tolerance.value)
          : await renderHome(view);
    document.title = `${title} — NeverLetMeGo`;
    // A newly opened view takes focus at its heading, so keyboard and screen reader users start where the content does.
    if (focus) view.querySelector("h1")?.focus();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`;
    view.replaceChildren(Object.assign(document.createElement("h1"), { textContent: "Not available", tabIndex: -1 }),
      Object.assign(document.createElement("p"), { textContent: message }));
    if (focus) view.querySelector("h1")?.focus();
  }
}

function go(url) {
  history.pushState(null, "", url);
  show(true);
}

// Links inside the page change the view without a reload; Back and Forward replay them, and every URL loads cold.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='/?'], a[href='/']");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(link.getAttribute("href"));
});

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = searchBox.value.trim();
  if (query) go(`/?q=${encodeURIComponent(query)}`);
});

tolerance.addEventListener("change", async () => {
  saveTolerance(tolerance.value);
  await show(false);
  status.textContent = `Spoiler setting: ${tolerance.options[tolerance.selectedIndex].text}.`;
});

window.addEventListener("popstate", () => show(true));
show(false);
