// The alert desk's shelter list (edited by the office, offered by the form) and the record of
// every message the desk sent.
import {api, ApiError} from './api.js';
import {clear, h, uid} from './dom.js';
import {dateTime, textIn} from './format.js';
import {lang, msg, t} from './i18n.js';
import {say} from './status.js';

const ID_PATTERN = /^[a-z0-9_-]{1,40}$/;

// The columns of a row: [member, language, label key].
const COLUMNS = [
  ['id', null, 'shelters.id'],
  ['name', 'ja', 'shelters.nameJa'],
  ['name', 'ja-x-easy', 'shelters.nameEasy'],
  ['name', 'en', 'shelters.nameEn'],
  ['address', 'ja', 'shelters.addressJa'],
  ['address', 'en', 'shelters.addressEn'],
];

function shelterRow(shelter, editable, onRemove) {
  const inputs = COLUMNS.map(([member, language, key]) => {
    const value = language ? (shelter[member] || {})[language] : shelter.id;
    return h('input', {type: 'text', value: value || '', 'aria-label': t(key),
      autocomplete: 'off', disabled: !editable, dataset: {member, language: language || ''}});
  });
  const remove = editable ? h('button', {type: 'button', class: 'danger-outline small',
    'aria-label': `${t('shelters.remove')}: ${shelter.id || ''}`}, t('shelters.remove')) : null;
  const row = h('tr', {}, inputs.map((input) => h('td', {}, input)), h('td', {}, remove));
  if (remove) {
    remove.addEventListener('click', () => onRemove(row));
  }
  row.read = () => {
    const entry = {id: '', name: {}, address: {}};
    for (const input of inputs) {
      const value = input.value.trim();
      if (!input.dataset.language) {
        entry.id = value;
      } else if (value) {
        entry[input.dataset.member][input.dataset.language] = value;
      }
    }
    return entry;
  };
  row.inputs = inputs;
  return row;
}

function firstProblem(rows) {
  const seen = new Set();
  for (const [index, row] of rows.entries()) {
    const entry = row.read();
    const n = index + 1;
    if (!ID_PATTERN.test(entry.id) || seen.has(entry.id)) {
      return {field: row.inputs[0], text: msg({
        ja: `避難所 ${n} 行目:ID は英小文字・数字・- _ で、ほかの行と違うものにしてください(例:shiba-es)。`,
        en: `Shelter ${n}: the id is a-z, 0-9, - and _, and differs from the other rows (for example shiba-es).`})};
    }
    seen.add(entry.id);
    if (!entry.name.ja || !entry.name.en) {
      return {field: row.inputs[entry.name.ja ? 3 : 1], text: msg({
        ja: `避難所 ${n} 行目:名前を日本語と英語で入れてください。`,
        en: `Shelter ${n}: write its name in Japanese and in English.`})};
    }
  }
  return null;
}

export function sheltersSection(section, desk) {
  const body = h('tbody');
  const rows = [];
  const error = h('p', {class: 'form-error', role: 'alert', id: uid('err')});
  const removeRow = (row) => {
    rows.splice(rows.indexOf(row), 1);
    row.remove();
  };
  const addRow = (shelter) => {
    const row = shelterRow(shelter, desk.canSend, removeRow);
    rows.push(row);
    body.appendChild(row);
    return row;
  };
  desk.shelters.forEach(addRow);
  const addButton = h('button', {type: 'button', class: 'secondary'}, t('shelters.add'));
  addButton.addEventListener('click', () => addRow({id: '', name: {}, address: {}}).inputs[0].focus());
  const saveButton = h('button', {type: 'submit', class: 'primary'}, t('shelters.save'));
  const form = h('form', {novalidate: true},
      h('div', {class: 'table-wrap'}, h('table', {class: 'shelters'},
          h('caption', {class: 'sr-only', text: t('shelters.title')}),
          h('thead', {}, h('tr', {}, COLUMNS.map(([, , key]) => h('th', {scope: 'col', text: t(key)})),
              h('th', {scope: 'col', text: t('admin.actions')}))),
          body)),
      error,
      desk.canSend ? h('div', {class: 'buttons'}, addButton, saveButton) : null);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const problem = firstProblem(rows);
    if (problem) {
      error.textContent = problem.text;
      problem.field.focus();
      return;
    }
    saveButton.disabled = true;
    try {
      const saved = await api('PUT', '/api/alerts/shelters', {shelters: rows.map((row) => row.read())});
      desk.shelters = saved.shelters;
      say(t('shelters.saved'), 'success');
      desk.startNew();
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.serverMessage ?
        msg(failure.serverMessage) : t('error.generic');
    } finally {
      saveButton.disabled = false;
    }
  });
  clear(section);
  section.append(h('h2', {text: t('shelters.title')}), h('p', {class: 'hint', text: t('shelters.hint')}),
      form);
}

export function historySection(section, desk, recent) {
  clear(section);
  section.append(h('h2', {text: t('alerts.history')}));
  if (!recent.length) {
    section.append(h('p', {class: 'hint', text: t('alerts.historyEmpty')}));
    return;
  }
  const name = (id) => {
    const found = desk.templates.find((template) => template.id === id);
    return found ? textIn(found.name, lang()) : id;
  };
  const word = (value) => value === 'sent' ? t('alerts.delivered') :
    value === 'not configured' ? t('alerts.notConfigured') : value;
  section.append(h('div', {class: 'table-wrap'}, h('table', {class: 'alert-history'},
      h('thead', {}, h('tr', {}, ['when', 'what', 'kind', 'who', 'delivery'].map((key) =>
        h('th', {scope: 'col', text: t(`alerts.col.${key}`)})))),
      h('tbody', {}, recent.map((message) => h('tr', {},
          h('td', {text: dateTime(message.issued_at)}),
          h('td', {}, `${name(message.template)} `, h('span', {class: 'identifier',
            text: `${message.identifier} #${message.sequence}`})),
          h('td', {text: `${t(`alerts.kind.${message.msgType}`)} · ${t(message.status === 'Actual' ?
            'alerts.badgeActual' : 'alerts.badgeExercise')}`}),
          h('td', {text: message.issued_by}),
          h('td', {text: `HTTP: ${word(message.delivery.folder)} / MQTT: ${word(message.delivery.mqtt)}`})))))));
}
