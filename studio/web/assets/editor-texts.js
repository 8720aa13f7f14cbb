// The texts of an item, one tab per language (WAI-ARIA tabs: arrow keys, Home, End), with the
// ruby helper and a "how it reads" line for やさしい日本語.
import {h, uid} from './dom.js';
import {t} from './i18n.js';
import {rubyFor, rubyNodes} from './ruby.js';

// The languages the screens show, named in their own language.
export const LANGUAGES = [
  {tag: 'ja', name: '日本語', htmlLang: 'ja'},
  {tag: 'ja-x-easy', name: 'やさしい日本語', htmlLang: 'ja'},
  {tag: 'en', name: 'English', htmlLang: 'en'},
  {tag: 'zh-Hans', name: '中文', htmlLang: 'zh-Hans'},
  {tag: 'ko', name: '한국어', htmlLang: 'ko'},
];

// The text members of each type, in the order of the form.
export const TEXT_FIELDS = {
  promo: [
    {member: 'prefecture', rows: 0, required: true},
    {member: 'municipality', rows: 0, required: true},
    {member: 'title', rows: 2, required: true},
    {member: 'body', rows: 5},
  ],
  event: [
    {member: 'title', rows: 2, required: true},
    {member: 'venue', rows: 2, required: true},
    {member: 'body', rows: 5},
  ],
  notice: [
    {member: 'title', rows: 2, required: true},
    {member: 'body', rows: 5},
  ],
  video: [
    {member: 'title', rows: 2, required: true},
    {member: 'caption', rows: 2},
  ],
};

export function readText(item, member, language) {
  const value = item[member];
  if (typeof value === 'string') {
    return language === 'ja' ? value : '';
  }
  return value && typeof value === 'object' && typeof value[language] === 'string' ?
    value[language] : '';
}

// Writes one language of a text. A language left empty is removed (the screen then shows the
// item's Japanese), except Japanese itself, which the form always keeps.
export function writeText(item, member, language, text) {
  let value = item[member];
  if (typeof value === 'string') {
    value = {ja: value};
  } else if (!value || typeof value !== 'object') {
    value = {};
  } else {
    value = {...value};
  }
  if (text === '' && language !== 'ja') {
    delete value[language];
  } else {
    value[language] = text;
  }
  if (!Object.keys(value).length) {
    value.ja = '';
  }
  item[member] = value;
}

function readingLine(field, language, text) {
  const showIt = language === 'ja-x-easy' ? text.trim() !== '' : /[《]/.test(text);
  field.hidden = !showIt;
  const target = field.querySelector('.reads-text');
  target.replaceChildren(...rubyNodes(text));
}

// The ruby helper of the やさしい日本語 panel: it works on the field last used in that panel.
function rubyHelper(panel, getLabel) {
  const readingId = uid('reading');
  const hintId = uid('ruby-hint');
  const targetLine = h('p', {class: 'ruby-target', text: t('ruby.noSelection')});
  const message = h('p', {class: 'ruby-message', role: 'status'});
  const reading = h('input', {id: readingId, type: 'text', lang: 'ja', class: 'reading-input',
    autocomplete: 'off', 'aria-describedby': hintId});
  const button = h('button', {type: 'button', class: 'secondary'}, t('ruby.insert'));
  const helper = h('fieldset', {class: 'ruby-helper'},
      h('legend', {text: t('ruby.legend')}),
      h('p', {id: hintId, class: 'hint', text: t('ruby.hint')}),
      targetLine,
      h('div', {class: 'ruby-row'},
          h('label', {for: readingId, text: t('ruby.reading')}), reading, button),
      message);
  let last = null; // the field whose selection the helper uses

  const describe = () => {
    if (!last) {
      targetLine.textContent = t('ruby.noSelection');
      return;
    }
    const selected = last.value.slice(last.selectionStart, last.selectionEnd);
    targetLine.replaceChildren(selected ?
      t('ruby.selected', {field: getLabel(last), text: selected}) :
      t('ruby.cursorOnly', {field: getLabel(last)}));
  };
  panel.addEventListener('focusin', (event) => {
    if (event.target.matches && event.target.matches('.text-input')) {
      last = event.target;
      describe();
    }
  });
  for (const type of ['select', 'keyup', 'mouseup']) {
    panel.addEventListener(type, (event) => {
      if (event.target === last) {
        describe();
      }
    });
  }
  const insert = () => {
    if (!last) {
      message.textContent = t('ruby.chooseFirst');
      return;
    }
    const start = last.selectionStart;
    const end = last.selectionEnd;
    const selected = last.value.slice(start, end);
    const kana = reading.value.trim();
    if (!selected) {
      message.textContent = t('ruby.chooseFirst');
      last.focus();
      return;
    }
    if (!kana) {
      message.textContent = t('ruby.typeReading');
      reading.focus();
      return;
    }
    const before = start > 0 ? Array.from(last.value.slice(0, start)).pop() : '';
    const replacement = rubyFor(selected, kana, before);
    last.focus();
    last.setRangeText(replacement, start, end, 'end');
    last.dispatchEvent(new Event('input', {bubbles: true}));
    reading.value = '';
    message.textContent = t('ruby.inserted', {text: replacement});
    describe();
  };
  button.addEventListener('click', insert);
  reading.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      insert();
    }
  });
  return helper;
}

// Builds the tabs into `container`. onInput(member, language, text) writes the model.
export function buildTextTabs(container, {item, type, board, onInput, initial = 'ja', onTab}) {
  const fields = TEXT_FIELDS[type] || [];
  const tablist = h('div', {role: 'tablist', class: 'tabs', 'aria-label': t('texts.tabs')});
  const panels = [];
  const tabs = [];
  const labelOf = new Map();

  const select = (language, focus = false) => {
    for (const tab of tabs) {
      const on = tab.dataset.lang === language;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) {
        tab.focus();
      }
    }
    for (const panel of panels) {
      panel.hidden = panel.dataset.lang !== language;
    }
    if (onTab) {
      onTab(language);
    }
  };
  board.showTab = (language) => select(language);

  for (const language of LANGUAGES) {
    const tabId = uid('tab');
    const panelId = uid('panel');
    const count = h('span', {class: 'tab-count', hidden: true});
    const tab = h('button', {type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId,
      'aria-selected': 'false', tabindex: '-1', dataset: {lang: language.tag}},
    h('span', {lang: language.htmlLang, text: language.name}), count);
    board.registerTab(language.tag, count);
    tabs.push(tab);
    tablist.appendChild(tab);

    const panel = h('div', {role: 'tabpanel', id: panelId, 'aria-labelledby': tabId,
      class: 'tab-panel', hidden: true, dataset: {lang: language.tag}});
    panels.push(panel);
    if (language.tag === 'ja-x-easy') {
      panel.appendChild(h('p', {class: 'hint', text: t('texts.easyHint')}));
      panel.appendChild(rubyHelper(panel, (input) => labelOf.get(input) || ''));
    } else if (language.tag !== 'ja') {
      panel.appendChild(h('p', {class: 'hint', text: t('texts.otherHint')}));
    }
    for (const field of fields) {
      const inputId = uid('text');
      const hintId = uid('hint');
      const listId = uid('problems');
      const label = `${t(`field.${field.member}`)}(${language.name})`;
      const required = field.required && language.tag === 'ja';
      const attributes = {id: inputId, lang: language.htmlLang, class: 'text-input',
        'aria-describedby': hintId, required: required ? true : null,
        dataset: {member: field.member, lang: language.tag}};
      const input = field.rows ?
        h('textarea', {...attributes, rows: field.rows}) :
        h('input', {...attributes, type: 'text'});
      input.value = readText(item, field.member, language.tag);
      labelOf.set(input, t(`field.${field.member}`));
      const reads = h('p', {class: 'reads', hidden: true},
          h('span', {class: 'reads-label', text: t('ruby.reads')}),
          h('span', {class: 'reads-text', lang: language.htmlLang}));
      readingLine(reads, language.tag, input.value);
      input.addEventListener('input', () => {
        onInput(field.member, language.tag, input.value);
        readingLine(reads, language.tag, input.value);
      });
      const list = h('ul', {id: listId, class: 'field-problems', hidden: true});
      const box = h('div', {class: 'field'},
          h('label', {for: inputId}, t(`field.${field.member}`),
              required ? h('span', {class: 'required', text: t('field.required')}) : null),
          h('p', {id: hintId, class: 'hint', text: t(`hint.${type}.${field.member}`)}),
          input, reads, list);
      panel.appendChild(box);
      board.register(`/${field.member}/${language.tag}`,
          {inputs: [input], list, lang: language.tag, label, box});
    }
  }

  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    let next = -1;
    if (event.key === 'ArrowRight') {
      next = (index + 1) % tabs.length;
    } else if (event.key === 'ArrowLeft') {
      next = (index - 1 + tabs.length) % tabs.length;
    } else if (event.key === 'Home') {
      next = 0;
    } else if (event.key === 'End') {
      next = tabs.length - 1;
    }
    if (next >= 0) {
      event.preventDefault();
      select(tabs[next].dataset.lang, true);
    }
  });
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role=tab]');
    if (tab) {
      select(tab.dataset.lang, true);
    }
  });

  container.append(tablist, ...panels);
  select(LANGUAGES.some((l) => l.tag === initial) ? initial : 'ja');
  return {select};
}

