// The form fields besides the texts and the photo: when and how long an item plays (duration,
// priority, weight, schedule) and what only one type has (url, sessions, announce_days,
// importance). Each writes straight into the item and says which pointer it changed.
import {clear, h, uid} from './dom.js';
import {fromLocalInput, toLocalInput} from './format.js';
import {t} from './i18n.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

// A labelled input with its hint and problem list, registered on the board under `pointer`.
function field(board, pointer, {label, hint, input, lang = null, listLabel}) {
  const id = input.id || uid('f');
  input.id = id;
  const hintId = uid('hint');
  const list = h('ul', {id: uid('problems'), class: 'field-problems', hidden: true});
  if (hint) {
    input.setAttribute('aria-describedby', hintId);
  }
  const box = h('div', {class: 'field'},
      h('label', {for: id, text: label}),
      hint ? h('p', {id: hintId, class: 'hint', text: hint}) : null,
      input, list);
  board.register(pointer, {inputs: [input], list, lang, label: listLabel || label, box});
  return box;
}

// A group (fieldset) registered under `pointer`: its problems show under its legend.
function group(board, pointer, legend, hint, children, className = '') {
  const list = h('ul', {id: uid('problems'), class: 'field-problems', hidden: true});
  const hintId = uid('hint');
  const set = h('fieldset', {class: `group ${className}`, 'aria-describedby': hint ? hintId : null},
      h('legend', {text: legend}),
      hint ? h('p', {id: hintId, class: 'hint', text: hint}) : null,
      list, children);
  board.register(pointer, {inputs: [], list, label: legend, box: set});
  return set;
}

function numberInput(value, {min, max, step}) {
  return h('input', {type: 'number', class: 'number-input', min, max, step,
    inputmode: step && String(step).includes('.') ? 'decimal' : 'numeric',
    value: value === undefined || value === null ? '' : String(value)});
}

// duration, priority, weight: numbers that the item leaves out when empty (the default).
function numberField(board, item, changed, member, limits, readOnly) {
  const input = numberInput(item[member], limits);
  input.disabled = Boolean(readOnly);
  input.addEventListener('input', () => {
    const text = input.value.trim();
    if (text === '') {
      delete item[member];
    } else if (!Number.isNaN(Number(text))) {
      item[member] = Number(text);
    }
    changed(`/${member}`);
  });
  return field(board, `/${member}`, {label: t(`field.${member}`), hint: t(`hint.${member}`),
    input});
}

function cleanSchedule(item) {
  const schedule = item.schedule;
  if (!schedule || typeof schedule !== 'object') {
    return;
  }
  for (const member of ['from', 'until']) {
    if (!schedule[member]) {
      delete schedule[member];
    }
  }
  if (Array.isArray(schedule.weekdays) && !schedule.weekdays.length) {
    delete schedule.weekdays;
  }
  if (Array.isArray(schedule.times) && !schedule.times.length) {
    delete schedule.times;
  }
  if (!Object.keys(schedule).length) {
    delete item.schedule;
  }
}

function scheduleOf(item) {
  if (!item.schedule || typeof item.schedule !== 'object') {
    item.schedule = {};
  }
  return item.schedule;
}

function timeWindows(board, item, changed, readOnly) {
  const list = h('ol', {class: 'rows'});
  const add = h('button', {type: 'button', class: 'secondary small', disabled: readOnly || null},
      t('schedule.addWindow'));
  const draw = (focusIndex = -1) => {
    board.unregisterUnder('/schedule/times/');
    clear(list);
    const times = (item.schedule && Array.isArray(item.schedule.times)) ? item.schedule.times : [];
    times.forEach((span, index) => {
      const inputs = {};
      const row = h('li', {class: 'row'});
      for (const member of ['from', 'until']) {
        const input = h('input', {type: 'text', class: 'time-input', inputmode: 'numeric',
          placeholder: member === 'from' ? '09:00' : '17:00', autocomplete: 'off',
          value: span[member] || '', disabled: readOnly || null});
        input.addEventListener('input', () => {
          const value = input.value.trim().replace('：', ':');
          span[member] = value;
          const pointer = `/schedule/times/${index}/${member}`;
          board.setLocal(pointer, value === '' || TIME.test(value) ? [] : [{severity: 'error',
            pointer, message: {ja: t('schedule.timeFormat', {}, 'ja'),
              en: t('schedule.timeFormat', {}, 'en')}}]);
          changed(pointer);
        });
        inputs[member] = input;
        row.appendChild(field(board, `/schedule/times/${index}/${member}`, {
          label: t(`schedule.window.${member}`, {n: index + 1}),
          input,
          listLabel: t(`schedule.window.${member}`, {n: index + 1}),
        }));
      }
      const removeButton = h('button', {type: 'button', class: 'secondary small remove',
        disabled: readOnly || null,
        'aria-label': t('schedule.removeWindowNamed', {n: index + 1})}, t('schedule.remove'));
      removeButton.addEventListener('click', () => {
        times.splice(index, 1);
        for (let i = index; i <= times.length; i += 1) {
          board.setLocal(`/schedule/times/${i}/from`, []);
          board.setLocal(`/schedule/times/${i}/until`, []);
        }
        cleanSchedule(item);
        changed('/schedule/times');
        draw();
        add.focus();
      });
      row.appendChild(removeButton);
      list.appendChild(row);
      if (index === focusIndex) {
        window.setTimeout(() => inputs.from.focus(), 0);
      }
    });
    if (!times.length) {
      list.appendChild(h('li', {class: 'muted', text: t('schedule.allDay')}));
    }
    board.render();
  };
  add.addEventListener('click', () => {
    const schedule = scheduleOf(item);
    if (!Array.isArray(schedule.times)) {
      schedule.times = [];
    }
    schedule.times.push({from: '09:00', until: '17:00'});
    changed('/schedule/times');
    draw(schedule.times.length - 1);
  });
  const set = group(board, '/schedule/times', t('schedule.times'), t('hint.times'),
      [list, add], 'windows');
  return {element: set, draw};
}

export function buildSchedule(container, {item, board, changed, readOnly}) {
  const schedule = item.schedule && typeof item.schedule === 'object' ? item.schedule : {};
  const dates = ['from', 'until'].map((member) => {
    const input = h('input', {type: 'date', class: 'date-input', value: schedule[member] || '',
      disabled: readOnly || null});
    input.addEventListener('input', () => {
      scheduleOf(item)[member] = input.value;
      cleanSchedule(item);
      changed(`/schedule/${member}`);
    });
    return field(board, `/schedule/${member}`, {label: t(`schedule.${member}`),
      hint: t(`hint.schedule.${member}`), input});
  });

  const boxes = WEEKDAYS.map((day) => {
    const id = uid('day');
    const box = h('input', {type: 'checkbox', id, value: day, disabled: readOnly || null,
      checked: Array.isArray(schedule.weekdays) && schedule.weekdays.includes(day)});
    box.addEventListener('change', () => {
      const chosen = boxes.map((b) => b.input).filter((b) => b.checked).map((b) => b.value);
      scheduleOf(item).weekdays = chosen;
      cleanSchedule(item);
      changed('/schedule/weekdays');
    });
    return {input: box, element: h('span', {class: 'check'}, box,
        h('label', {for: id, text: t(`weekday.${day}`)}))};
  });
  const weekdays = group(board, '/schedule/weekdays', t('schedule.weekdays'), t('hint.weekdays'),
      h('div', {class: 'checks'}, boxes.map((b) => b.element)), 'weekdays');
  board.fields.get('/schedule/weekdays').inputs = boxes.map((b) => b.input);

  const windows = timeWindows(board, item, changed, readOnly);
  const set = group(board, '/schedule', t('schedule.legend'), t('hint.schedule'),
      [h('div', {class: 'inline-fields'}, dates), weekdays, windows.element], 'schedule');
  container.appendChild(set);
  windows.draw();
}

export function buildTiming(container, {item, board, changed, readOnly}) {
  container.appendChild(group(board, '/__timing', t('timing.legend'), null,
      h('div', {class: 'inline-fields'},
          numberField(board, item, changed, 'duration', {min: 3, max: 3600, step: 1}, readOnly),
          numberField(board, item, changed, 'priority', {min: -100, max: 100, step: 1}, readOnly),
          numberField(board, item, changed, 'weight', {min: 0.01, max: 100, step: 0.01},
              readOnly)), 'timing'));
}

export function buildSessions(container, {item, board, changed, readOnly}) {
  const list = h('ol', {class: 'rows'});
  const add = h('button', {type: 'button', class: 'secondary small', disabled: readOnly || null},
      t('sessions.add'));
  const draw = (focusIndex = -1) => {
    board.unregisterUnder('/sessions/');
    clear(list);
    if (!Array.isArray(item.sessions)) {
      item.sessions = [];
    }
    item.sessions.forEach((session, index) => {
      const row = h('li', {class: 'row'});
      let first = null;
      for (const member of ['start', 'end']) {
        const input = h('input', {type: 'datetime-local', class: 'datetime-input',
          value: toLocalInput(session[member]), disabled: readOnly || null});
        input.addEventListener('input', () => {
          session[member] = fromLocalInput(input.value);
          changed(`/sessions/${index}/${member}`);
        });
        first = first || input;
        row.appendChild(field(board, `/sessions/${index}/${member}`, {
          label: t(`sessions.${member}`, {n: index + 1}), input}));
      }
      const removeButton = h('button', {type: 'button', class: 'secondary small remove',
        disabled: readOnly || item.sessions.length <= 1 || null,
        'aria-label': t('sessions.removeNamed', {n: index + 1})}, t('schedule.remove'));
      removeButton.addEventListener('click', () => {
        item.sessions.splice(index, 1);
        changed('/sessions');
        draw();
        add.focus();
      });
      row.appendChild(removeButton);
      list.appendChild(row);
      if (index === focusIndex) {
        window.setTimeout(() => first.focus(), 0);
      }
    });
    board.render();
  };
  add.addEventListener('click', () => {
    const last = item.sessions[item.sessions.length - 1];
    item.sessions.push(last ? {...last} : {start: '', end: ''});
    changed('/sessions');
    draw(item.sessions.length - 1);
  });
  container.appendChild(group(board, '/sessions', t('sessions.legend'), t('hint.sessions'),
      [list, add], 'sessions'));
  container.appendChild(numberField(board, item, changed, 'announce_days',
      {min: 0, max: 366, step: 1}, readOnly));
  draw();
}

export function buildImportance(container, {item, board, changed, readOnly}) {
  const name = uid('importance');
  const options = ['normal', 'important'].map((value) => {
    const id = uid('imp');
    const input = h('input', {type: 'radio', id, name, value, disabled: readOnly || null,
      checked: (item.importance || 'normal') === value});
    input.addEventListener('change', () => {
      if (value === 'normal') {
        delete item.importance;
      } else {
        item.importance = value;
      }
      changed('/importance');
    });
    return {input, element: h('span', {class: 'check'}, input,
        h('label', {for: id, text: t(`importance.${value}`)}))};
  });
  container.appendChild(group(board, '/importance', t('field.importance'), t('hint.importance'),
      h('div', {class: 'checks'}, options.map((o) => o.element)), 'importance'));
  board.fields.get('/importance').inputs = options.map((o) => o.input);
}

export function buildUrl(container, {item, board, changed, readOnly}) {
  const input = h('input', {type: 'url', class: 'wide-input', value: item.url || '',
    placeholder: 'https://', disabled: readOnly || null, inputmode: 'url', spellcheck: 'false'});
  input.addEventListener('input', () => {
    const value = input.value.trim();
    if (value) {
      item.url = value;
    } else {
      delete item.url;
    }
    changed('/url');
  });
  container.appendChild(field(board, '/url', {label: t('field.url'), hint: t('hint.url'), input}));
}
