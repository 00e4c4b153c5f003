// DOM helpers. Data from the wire is only ever inserted with textContent, never parsed as HTML.

/** Creates an element: el("span", { className: "unit", text: "mmHg", attrs: { "data-testid": "x" } }, ...children). */
export function el(tag, { className, text, attrs } = {}, ...children) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== undefined && text !== null) {
    element.textContent = String(text);
  }
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child) {
      element.append(child);
    }
  }
  return element;
}
