// The one polite live region of the page: "saved", errors, what a button did. It is visible too (at
// the bottom left), so sighted staff get the same news.
import {h, clear} from './dom.js';
import {t} from './i18n.js';

let region = null;
let timer = 0;

export function attachStatus(element) {
  region = element;
}

// kind: 'info' | 'success' | 'error'. Errors stay until the next message; others fade after a
// while (the text stays in the region for screen readers that come back to it).
export function say(text, kind = 'info', action = null) {
  if (!region) {
    return;
  }
  window.clearTimeout(timer);
  clear(region);
  region.className = `status status-${kind}`;
  region.appendChild(h('span', {class: 'status-text', text}));
  if (action) {
    region.appendChild(action);
  }
  if (kind === 'error') {
    // Errors stay until read: the person closes them (or the next message replaces them).
    region.appendChild(h('button', {type: 'button', class: 'secondary small close',
      onclick: quiet}, t('status.close')));
  } else {
    timer = window.setTimeout(() => {
      region.classList.add('status-quiet');
    }, 8000);
  }
}

export function quiet() {
  if (region) {
    window.clearTimeout(timer);
    region.classList.add('status-quiet');
  }
}
