// Building the page from data without ever parsing data as HTML: every text goes in as a text
// node or an attribute value, so a title such as "<script>…" is shown as the characters it is.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'indeterminate']);

// h('button', {type: 'button', class: 'primary', onclick: f}, 'text', child, [more]) → element.
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'text') {
      element.textContent = String(value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (PROPERTIES.has(key)) {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

// Appends strings (as text), nodes and nested arrays; null, undefined and false are skipped.
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
  return parent;
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

// Ids for labels, hints and error lists: unique on the page, safe as an id.
let counter = 0;
export function uid(prefix = 'k') {
  counter += 1;
  return `${prefix}-${counter}`;
}

// Adds or removes one id in an aria-describedby (or similar) list attribute.
export function setIdInList(element, attribute, id, present) {
  const ids = new Set((element.getAttribute(attribute) || '').split(/\s+/).filter(Boolean));
  if (present) {
    ids.add(id);
  } else {
    ids.delete(id);
  }
  if (ids.size) {
    element.setAttribute(attribute, [...ids].join(' '));
  } else {
    element.removeAttribute(attribute);
  }
}

// A text only screen readers hear (e.g. "3 件の指摘" after a count).
export function srOnly(text) {
  return h('span', {class: 'sr-only', text});
}
