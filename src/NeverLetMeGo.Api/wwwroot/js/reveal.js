import { getJson } from "./api.js";

/**
 * What the reader chose to reveal, per review, for this visit: whole blocks (index → text), single hidden runs of a
 * sentence-mode paragraph ("index:part"), and comment blocks ("commentId:index" → text). It outlives a change of
 * tolerance, so a reader who lowers it keeps what they opened; "Hide again" forgets it.
 */
const chosen = new Map();

export function revealsOf(reviewId) {
  let state = chosen.get(reviewId);
  if (!state) {
    state = { blocks: new Map(), runs: new Set(), comments: new Map(), full: new Map() };
    chosen.set(reviewId, state);
  }
  return state;
}

/** "Hide again": every reveal of the review is forgotten, with the texts fetched for it. */
export function forget(state) {
  for (const part of Object.values(state)) part.clear();
}

/** A block's whole text, fetched only when the reader reveals it (the block route with reveal=true). */
export async function blockText(reviewId, index) {
  const state = revealsOf(reviewId);
  if (!state.full.has(index)) {
    const block = await getJson(`/reviews/${reviewId}/blocks/${index}?reveal=true`);
    state.full.set(index, block.text ?? "");
  }
  return state.full.get(index);
}

/**
 * The texts of a sentence-mode paragraph's hidden runs, found between the visible parts in the whole text. When the
 * visible parts cannot be found in order (the text changed since), null: the caller reveals the whole paragraph.
 */
export function runTexts(parts, whole) {
  const texts = new Map();
  let at = 0;
  let pending = null;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].hidden) {
      pending = i;
      continue;
    }
    const found = whole.indexOf(parts[i].text, at);
    if (found < 0) return null;
    if (pending !== null) texts.set(pending, whole.slice(at, found).trim());
    pending = null;
    at = found + parts[i].text.length;
  }
  if (pending !== null) texts.set(pending, whole.slice(at).trim());
  return [...texts.values()].every((t) => t.length > 0) ? texts : null;
}
