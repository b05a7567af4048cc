// Builds elements from text only: nothing from the API is ever parsed as HTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatDate(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  return h("time", { datetime: iso }, date.toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric" }));
}

export function formatNumber(value) {
  return value === null || value === undefined ? "—" : (Math.round(value * 10) / 10).toString();
}
