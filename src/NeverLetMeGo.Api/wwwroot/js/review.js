import { getJson } from "./api.js";
import { h, plural } from "./dom.js";
import { metaLine } from "./works.js";
import { revealsOf, forget, blockText, runTexts } from "./reveal.js";
import { renderComments, revealAllComments } from "./comments.js";

const settingNames = { none: "hide all spoilers", premise: "show premise, hide major", all: "show everything" };

/** One review at the reader's tolerance, with what they revealed this visit laid over it. */
export async function renderReview(view, id, tolerance) {
  const [review, thread] = await Promise.all([
    getJson(`/reviews/${encodeURIComponent(id)}?spoilers=${tolerance}&mask=sentences`),
    getJson(`/reviews/${encodeURIComponent(id)}/comments?spoilers=${tolerance}`),
  ]);
  const summary = review.review;
  const state = revealsOf(summary.id);
  const body = h("div", { class: "review-body" });
  const comments = h("div", { class: "comments-body" });
  const revealAll = h("button", { type: "button", class: "action", "data-key": "reveal-all" }, "Reveal all spoilers");
  const hideAll = h("button", { type: "button", class: "action", "data-key": "hide-all" }, "Hide again");
  const note = h("p", { class: "hidden-note" });

  const draw = (focusKey) => {
    body.replaceChildren(...blocks(review.blocks, state, actions));
    comments.replaceChildren(renderComments(thread, state, actions));
    const revealed = state.blocks.size + state.runs.size + state.comments.size;
    const stillHidden = review.blocks.filter((b) => b.hidden && !state.blocks.has(b.index)).length;
    note.textContent = review.hiddenBlocks === 0
      ? `Nothing is hidden at your setting (${settingNames[tolerance]}).`
      : `${plural(review.hiddenBlocks, "paragraph")} of ${review.blocks.length} hidden at your setting (${settingNames[tolerance]})` +
        (revealed > 0 ? `; you revealed ${plural(review.hiddenBlocks - stillHidden, "paragraph")}${state.runs.size ? " and some sentences" : ""}.` : ".");
    revealAll.disabled = stillHidden === 0 && !hasHiddenComments(thread, state);
    hideAll.disabled = revealed === 0;
    if (focusKey) view.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  };

  const actions = {
    async revealBlocks(indexes, key) {
      const texts = await Promise.all(indexes.map((i) => blockText(summary.id, i)));
      indexes.forEach((i, k) => state.blocks.set(i, texts[k]));
      draw(key);
    },
    hideBlocks(indexes, key) {
      indexes.forEach((i) => state.blocks.delete(i));
      draw(key);
    },
    async revealRun(block, part, key) {
      const whole = await blockText(summary.id, block.index);
      if (runTexts(block.parts, whole)) state.runs.add(`${block.index}:${part}`);
      else state.blocks.set(block.index, whole);
      draw(key);
    },
    hideRun(block, part, key) {
      state.runs.delete(`${block.index}:${part}`);
      draw(key);
    },
    async revealComment(commentId, index, key) {
      await revealAllComments(summary.id, state, [`${commentId}:${index}`]);
      draw(key);
    },
    hideComment(commentId, index, key) {
      state.comments.delete(`${commentId}:${index}`);
      draw(key);
    },
    draw,
  };

  revealAll.addEventListener("click", async () => {
    const everything = await getJson(`/reviews/${summary.id}?spoilers=all&mask=sentences`);
    for (const block of everything.blocks) {
      if (review.blocks[block.index]?.hidden) state.blocks.set(block.index, block.text ?? "");
    }
    await revealAllComments(summary.id, state, null);
    draw("hide-all");
  });
  hideAll.addEventListener("click", () => {
    forget(state);
    draw("reveal-all");
  });

  view.replaceChildren(h("div", { class: "reading" },
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" },
      h("a", { href: "/" }, "All works"), " › ", h("a", { href: `/?work=${summary.workId}` }, summary.workTitle)),
    h("article", { class: "review", "aria-labelledby": "review-title" },
      h("header", { class: "review-header" },
        h("h1", { id: "review-title", tabindex: "-1" }, summary.title),
        h("p", { class: "meta" }, metaLine(summary)),
        summary.rating ? h("p", { class: "rating" }, h("span", { class: "score" }, String(Math.round(summary.rating.normalized))), ` / 100 · ${summary.rating.raw}`) : null,
        note,
        h("div", { class: "toolbar" }, revealAll, hideAll,
          /^https?:\/\//.test(summary.url) ? h("a", { href: summary.url, class: "source", rel: "noopener noreferrer external" }, `Read it on ${summary.siteName}`) : null)),
      body,
      h("section", { class: "comments", "aria-labelledby": "comments-heading" },
        h("h2", { id: "comments-heading" }, thread.count ? `Comments (${thread.count})` : "Comments"),
        comments))));
  draw(null);
  return summary.title;
}

function hasHiddenComments(thread, state) {
  const walk = (list) => list.some((c) => c.blocks.some((b) => b.hidden && !state.comments.has(`${c.id}:${b.index}`)) || walk(c.replies));
  return walk(thread.comments);
}

/** Visible blocks as text; consecutive hidden paragraphs as one group the reader reveals or hides together. */
function blocks(list, state, actions) {
  const out = [];
  for (let i = 0; i < list.length;) {
    const block = list[i];
    if (!block.hidden) {
      out.push(visible(block, ""));
      i++;
    } else if (block.parts && !state.blocks.has(block.index)) {
      out.push(partial(block, state, actions));
      i++;
    } else {
      const revealed = state.blocks.has(block.index);
      let j = i;
      while (j < list.length && list[j].hidden && state.blocks.has(list[j].index) === revealed && (revealed || !list[j].parts)) j++;
      const group = list.slice(i, j);
      out.push(revealed ? revealedGroup(group, state, actions) : hiddenGroup(group, actions));
      i = j;
    }
  }
  return out;
}

function visible(block, extraClass, text = block.text) {
  const cls = [block.warning ? "warning" : "", extraClass].filter(Boolean).join(" ") || null;
  switch (block.kind) {
    case "heading": return h("h2", { class: cls, "data-index": block.index }, text);
    case "quote": return h("blockquote", { class: cls, "data-index": block.index }, text);
    case "listItem": return h("p", { class: ["list-item", cls].filter(Boolean).join(" "), "data-index": block.index }, text);
    default: return h("p", { class: cls, "data-index": block.index }, text);
  }
}

function levelOf(group) {
  return group.some((b) => b.level === "major") ? "major" : "premise";
}

function hiddenGroup(group, actions) {
  const level = levelOf(group);
  const key = `g${group[0].index}`;
  const indexes = group.map((b) => b.index);
  const reasons = [...new Set(group.map((b) => b.reason).filter(Boolean))].slice(0, 2);
  const count = plural(group.length, "paragraph");
  return h("div", { class: `spoiler-group level-${level}`, "data-first": group[0].index },
    h("p", { class: "spoiler-why" }, h("strong", {}, `${count} hidden`), ` · ${reasons.join("; ") || `${level} spoiler`}`),
    h("button", { type: "button", class: "reveal", "aria-expanded": "false", "data-key": key, onclick: () => actions.revealBlocks(indexes, key) },
      `Reveal ${count} (${level} spoiler${group.length === 1 ? "" : "s"})`));
}

function revealedGroup(group, state, actions) {
  const key = `g${group[0].index}`;
  const indexes = group.map((b) => b.index);
  return h("div", { class: `revealed-group level-${levelOf(group)}`, "data-first": group[0].index },
    h("button", { type: "button", class: "hide", "aria-expanded": "true", "data-key": key, onclick: () => actions.hideBlocks(indexes, key) },
      `Hide ${group.length === 1 ? "this paragraph" : `these ${group.length} paragraphs`} again`),
    group.map((b) => visible(b, "revealed", state.blocks.get(b.index))));
}

/** mask=sentences: the sentences the reader may see, and each hidden run as a button that reveals only that run. */
function partial(block, state, actions) {
  const whole = state.full.get(block.index);
  const runs = whole === undefined ? null : runTexts(block.parts, whole);
  const pieces = block.parts.flatMap((part, k) => {
    const key = `r${block.index}:${k}`;
    const space = k > 0 ? " " : "";
    if (!part.hidden) return [space + part.text];
    if (runs && state.runs.has(`${block.index}:${k}`)) {
      return [space, h("mark", { class: `run-revealed level-${part.level}` }, runs.get(k)), " ",
        h("button", { type: "button", class: "run-hide", "aria-expanded": "true", "data-key": key, "aria-label": `Hide this ${part.level} spoiler again`, onclick: () => actions.hideRun(block, k, key) }, "hide")];
    }
    return [space, h("button", { type: "button", class: `run level-${part.level}`, "aria-expanded": "false", "data-key": key, title: block.reason ?? "", onclick: () => actions.revealRun(block, k, key) },
      `${part.level} spoiler hidden — reveal`)];
  });
  return h(block.kind === "quote" ? "blockquote" : "p", { class: "partial", "data-index": block.index }, pieces);
}
