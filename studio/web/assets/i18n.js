// Every word of the pages, in Japanese (first) and English, and the choice between them
// (remembered in localStorage). Messages from the server come as {"en","ja"}: msg() picks one.
import {en as enBase} from './texts-en.js';
import {ja as jaBase} from './texts-ja.js';
import {filmEn, filmJa} from './texts-film.js';
import {screensEn, screensJa} from './texts-screens.js';
import {alertsEn, alertsJa} from './texts-alerts.js';

const ja = {...jaBase, ...screensJa, ...filmJa, ...alertsJa};
const en = {...enBase, ...screensEn, ...filmEn, ...alertsEn};

const STORAGE_KEY = 'keiji-studio.language';

const dictionaries = {ja, en};

function stored() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

let current = stored();
document.documentElement.lang = current;
const listeners = new Set();

export function lang() {
  return current;
}

// t('list.waiting', {n: 3}) → "承認待ちが 3 件あります。"; a missing key shows as itself.
export function t(key, params, language = current) {
  const dictionary = dictionaries[language] || ja;
  let text = key in dictionary ? dictionary[key] : (key in ja ? ja[key] : key);
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }
  return text;
}

// A server Message {"en","ja"} in the page's language (the other one if that is missing).
export function msg(message) {
  if (!message) {
    return '';
  }
  if (typeof message === 'string') {
    return message;
  }
  return message[current] || message.ja || message.en || '';
}

export function setLang(language) {
  current = language === 'en' ? 'en' : 'ja';
  try {
    window.localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // Private mode: the choice lasts for this page.
  }
  document.documentElement.lang = current;
  for (const listener of listeners) {
    listener(current);
  }
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

// Fixed texts of the HTML files: data-i18n="key" (text) and data-i18n-aria-label="key".
export function translateStatic(root) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
}
