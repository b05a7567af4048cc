import { getJson } from "./api.js";
import { h, plural, formatDate } from "./dom.js";

/**
 * Reveals comment blocks (keys "commentId:index", or every hidden one when keys is null). The comment route reveals
 * only a whole thread, so it is read at "all" and only the chosen blocks are kept; the rest is dropped at once.
 */
export async function revealAllComments(reviewId, state, keys) {
  const thread = await getJson(`/reviews/${reviewId}/comments?spoilers=all`);
  const walk = (list) => {
    for (const comment of list) {
      for (const block of comment.blocks) {
        const key = `${comment.id}:${block.index}`;
        if (keys === null || keys.includes(key)) state.comments.set(key, block.text ?? "");
      }
      walk(comment.replies);
    }
  };
  walk(thread.comments);
  if (keys === null) {
    // Only blocks the masked thread hid count as revealed; the others were visible anyway.
    for (const key of [...state.comments.keys()]) if (!state.hiddenComments?.has(key)) state.comments.delete(key);
  }
}

export function renderComments(thread, state, actions) {
  state.hiddenComments = new Set();
  const note = (list) => {
    for (const c of list) {
      for (const b of c.blocks) if (b.hidden) state.hiddenComments.add(`${c.id}:${b.index}`);
      note(c.replies);
    }
  };
  note(thread.comments);
  if (thread.comments.length === 0) return h("p", { class: "empty" }, "No comments.");
  return h("ol", { class: "thread" }, thread.comments.map((c) => comment(c, state, actions)));
}

function comment(c, state, actions) {
  return h("li", { class: "comment" },
    h("article", { "aria-label": `Comment by ${c.author ?? "someone"}` },
      h("p", { class: "comment-meta" }, h("strong", {}, c.author ?? "Anonymous"), c.publishedAt ? [" · ", formatDate(c.publishedAt)] : null),
      c.blocks.map((b) => commentBlock(c, b, state, actions))),
    c.replies.length ? h("ol", { class: "thread replies", "aria-label": `${plural(c.replies.length, "reply", "replies")} to ${c.author ?? "this comment"}` },
      c.replies.map((r) => comment(r, state, actions))) : null);
}

function commentBlock(c, block, state, actions) {
  const key = `c${c.id}:${block.index}`;
  if (!block.hidden) return h("p", { class: block.warning ? "warning" : null }, block.text);
  const revealed = state.comments.get(`${c.id}:${block.index}`);
  if (revealed !== undefined) {
    return h("div", { class: `revealed-group level-${block.level}` },
      h("button", { type: "button", class: "hide", "aria-expanded": "true", "data-key": key, onclick: () => actions.hideComment(c.id, block.index, key) }, "Hide again"),
      h("p", { class: "revealed" }, revealed));
  }
  return h("div", { class: `spoiler-group level-${block.level}` },
    h("p", { class: "spoiler-why" }, h("strong", {}, `${block.level} spoiler hidden`), block.reason ? ` · ${block.reason}` : ""),
    h("button", { type: "button", class: "reveal", "aria-expanded": "false", "data-key": key, onclick: () => actions.revealComment(c.id, block.index, key) },
      `Reveal this comment's ${block.level} spoiler`));
}
