// Everything the page reads comes from the public API; errors are ProblemDetails, whose detail is shown as is.
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${path} answered ${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // Not a ProblemDetails body: the status says enough.
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

const levels = ["none", "premise", "all"];
const storageKey = "nlmg.tolerance";

// The reader's tolerance is remembered across visits; anything unknown falls back to hiding every spoiler.
export function loadTolerance() {
  try {
    const saved = localStorage.getItem(storageKey);
    return levels.includes(saved) ? saved : "none";
  } catch {
    return "none";
  }
}

export function saveTolerance(value) {
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    // Private modes may refuse storage; the choice still holds for this visit.
  }
}

/** How many paragraphs of a listed review are hidden at this tolerance, from its spoiler counts. */
export function hiddenAt(summary, tolerance) {
  const { premise, major } = summary.spoilerBlocks;
  return tolerance === "none" ? premise + major : tolerance === "premise" ? major : 0;
}
