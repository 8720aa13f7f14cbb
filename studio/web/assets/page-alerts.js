// #/alerts: the disaster office's desk. What is in force (Update, Cancel), the short form that
// fills a template, the takeover preview of every language drawn by the screens' own code, and
// sending (Exercise by default; Actual asks once more). The shelter list and the record of what
// was sent are in alerts-shelters.js.
import {api, ApiError} from './api.js';
import {confirmDialog} from './dialog.js';
import {append, clear, h, uid} from './dom.js';
import {LANGUAGES} from './editor-texts.js';
import {dateTime, textIn} from './format.js';
import {lang, msg, t} from './i18n.js';
import {fleetSection} from './alerts-fleet.js';
import {historySection, sheltersSection} from './alerts-shelters.js';
import {say} from './status.js';

// The area a new alert starts with: the whole ward, in each language the form asks for.
const WHOLE_WARD = {'ja': '港区全域', 'ja-x-easy': '港区《みなとく》', 'en': 'all of Minato City'};

function errorText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

function languageName(tag) {
  const known = LANGUAGES.find((language) => language.tag === tag);
  return known ? known.name : tag;
}

function templateName(desk, id) {
  const found = desk.templates.find((template) => template.id === id);
  return found ? textIn(found.name, lang()) : id;
}

function deliveryWord(value) {
  if (value === 'sent') {
    return t('alerts.delivered');
  }
  return value === 'not configured' ? t('alerts.notConfigured') : value;
}

function statusBadge(status) {
  return h('span', {class: ['alert-badge', status === 'Actual' ? 'actual' : 'exercise'],
    text: t(status === 'Actual' ? 'alerts.badgeActual' : 'alerts.badgeExercise')});
}

// One alert in force, with Update and Cancel for the office.
function inForceCard(desk, message) {
  const name = templateName(desk, message.template);
  const card = h('li', {class: 'alert-card'},
      h('p', {class: 'alert-card-title'}, statusBadge(message.status), ' ', name),
      h('p', {class: 'alert-card-meta', text: `${message.identifier} · ${t('alerts.issued', {
        sequence: message.sequence, at: dateTime(message.issued_at), by: message.issued_by})} · ${
        t('alerts.expires', {at: dateTime(message.expires)})}`}));
  if (desk.canSend) {
    const update = h('button', {type: 'button', class: 'secondary small',
      'aria-label': `${t('alerts.update')}: ${name}`}, t('alerts.update'));
    const cancel = h('button', {type: 'button', class: 'danger-outline small',
      'aria-label': `${t('alerts.cancel')}: ${name}`}, t('alerts.cancel'));
    update.addEventListener('click', () => desk.startUpdate(message));
    cancel.addEventListener('click', async () => {
      const sure = await confirmDialog({title: t('alerts.confirmCancelTitle'),
        message: t('alerts.confirmCancel', {name, identifier: message.identifier}),
        confirm: t('alerts.confirmCancelYes'), danger: true});
      if (!sure) {
        return;
      }
      try {
        await api('POST', `/api/alerts/${encodeURIComponent(message.identifier)}/cancel`, {});
        say(t('alerts.cancelled', {identifier: message.identifier}), 'success');
        await desk.reload();
      } catch (failure) {
        say(errorText(failure), 'error');
      }
    });
    card.append(h('div', {class: 'buttons'}, update, cancel));
  }
  return card;
}

function inForceSection(section, desk, inForce) {
  clear(section);
  section.append(h('h2', {text: t('alerts.inForce')}));
  if (!inForce.length) {
    section.append(h('p', {class: 'hint', text: t('alerts.noneInForce')}));
    return;
  }
  section.append(h('ul', {class: 'alert-cards'}, inForce.map((m) => inForceCard(desk, m))));
}

function radio(name, value, label, checked) {
  const id = uid(name);
  return h('span', {class: 'check'},
      h('input', {type: 'radio', id, name, value, checked}),
      h('label', {for: id, text: label}));
}

// The form: template, area, shelters, hours, kind; then preview and send.
function composeSection(section, desk) {
  const state = desk.composeState;
  const error = h('p', {class: 'form-error', role: 'alert', id: uid('err')});
  const templates = h('fieldset', {class: 'template-choice'},
      h('legend', {text: t('alerts.template')}),
      desk.templates.map((template) => radio('alert-template', template.id,
          textIn(template.name, lang()), template.id === state.template)));
  const areaInput = (key, member, value) => {
    const id = uid('area');
    const input = h('input', {id, type: 'text', value: value || '', autocomplete: 'off',
      class: 'wide', dataset: {member}});
    return {row: h('p', {class: 'field'}, h('label', {for: id, text: t(key)}), input), input};
  };
  const areaJa = areaInput('alerts.areaJa', 'ja', state.area.ja);
  const areaEasy = areaInput('alerts.areaEasy', 'ja-x-easy', state.area['ja-x-easy']);
  const areaEn = areaInput('alerts.areaEn', 'en', state.area.en);
  areaEn.input.placeholder = t('alerts.areaEnPlaceholder');
  areaEasy.input.placeholder = t('alerts.areaEasyPlaceholder');
  // The other languages' names of the whole ward must not stay behind when the Japanese names
  // a district: left empty, they fall back to the Japanese, and the hint asks for a name.
  areaJa.input.addEventListener('input', () => {
    for (const field of [areaEasy, areaEn]) {
      if (field.input.value === WHOLE_WARD[field.input.dataset.member]) {
        field.input.value = '';
      }
    }
  });
  const sheltersBox = h('div', {class: 'shelter-choice'});
  const hoursId = uid('hours');
  const hours = h('input', {id: hoursId, type: 'number', min: 1, max: 72, value: state.hours || '',
    class: 'narrow'});
  const kinds = h('fieldset', {class: 'kind-choice'}, h('legend', {text: t('alerts.status')}),
      radio('alert-status', 'Exercise', t('alerts.exercise'), state.status !== 'Actual'),
      radio('alert-status', 'Actual', t('alerts.actual'), state.status === 'Actual'));
  const drillNote = h('p', {class: 'hint', text: t('alerts.drillOnly'), hidden: true});
  const previewButton = h('button', {type: 'button', class: 'secondary'}, t('alerts.preview'));
  const sendButton = h('button', {type: 'submit', class: 'primary', disabled: !desk.canSend},
      state.updateOf ? t('alerts.sendUpdate') : t('alerts.send'));
  const previewArea = h('div', {class: 'alert-previews', 'aria-live': 'polite'});
  const updating = state.updateOf ? h('p', {class: 'notice'},
      t('alerts.updating', {identifier: state.updateOf, sequence: state.nextSequence}), ' ',
      h('button', {type: 'button', class: 'link-button', onclick: () => desk.startNew()},
          t('alerts.stopUpdating'))) : null;

  const chosen = () => desk.templates.find((template) =>
    template.id === (templates.querySelector('input:checked') || {}).value);
  const read = () => {
    const area = {};
    for (const field of [areaJa, areaEasy, areaEn]) {
      if (field.input.value.trim()) {
        area[field.input.dataset.member] = field.input.value.trim();
      }
    }
    return {
      template: (chosen() || {}).id || '',
      area,
      shelters: [...sheltersBox.querySelectorAll('input:checked')].map((box) => box.value),
      hours: Number.parseInt(hours.value, 10) || 0,
      status: (kinds.querySelector('input:checked') || {}).value || 'Exercise',
      update_of: state.updateOf || '',
    };
  };
  // A preview is of one exact form: any change asks for a new one before sending.
  let previewed = null;
  const drawShelters = () => {
    const template = chosen();
    clear(sheltersBox);
    const wanted = template ? template.shelters : 'optional';
    if (wanted === 'none') {
      sheltersBox.append(h('p', {class: 'hint', text: t('alerts.sheltersNone')}));
    } else if (!desk.shelters.length) {
      sheltersBox.append(h('p', {class: 'hint', text: t('alerts.sheltersEmpty')}));
    } else {
      sheltersBox.append(...desk.shelters.map((shelter) => {
        const id = uid('shelter');
        return h('span', {class: 'check'},
            h('input', {type: 'checkbox', id, value: shelter.id,
              checked: state.shelters.includes(shelter.id)}),
            h('label', {for: id, text: textIn(shelter.name, lang())}));
      }));
    }
    const drill = Boolean(template && template.exercise_only);
    drillNote.hidden = !drill;
    kinds.querySelector('input[value=Actual]').disabled = drill;
    if (drill) {
      kinds.querySelector('input[value=Exercise]').checked = true;
    }
    if (template && !hours.value) {
      hours.value = template.hours;
    }
  };
  templates.addEventListener('change', () => {
    hours.value = (chosen() || {}).hours || '';
    drawShelters();
  });
  drawShelters();

  const firstProblem = (form) => {
    if (!form.template) {
      return {text: t('alerts.template'), field: templates.querySelector('input')};
    }
    if (!form.area.ja) {
      return {text: t('alerts.areaMissing'), field: areaJa.input};
    }
    if (chosen().shelters === 'required' && !form.shelters.length) {
      return {text: t('alerts.sheltersRequired'), field: sheltersBox.querySelector('input') ||
        areaJa.input};
    }
    return null;
  };
  const check = () => {
    error.textContent = '';
    const form = read();
    const problem = firstProblem(form);
    if (problem) {
      error.textContent = problem.text;
      problem.field.focus();
      return null;
    }
    return form;
  };

  previewButton.addEventListener('click', async () => {
    const form = check();
    if (!form) {
      return;
    }
    clear(previewArea);
    previewArea.append(h('p', {class: 'hint', text: t('alerts.previewing')}));
    previewButton.disabled = true;
    try {
      const drawn = await api('POST', '/api/alerts/preview', form);
      previewed = {form: JSON.stringify(form), payload: drawn.payload};
      showPreview(previewArea, drawn);
    } catch (failure) {
      clear(previewArea);
      if (!(failure instanceof ApiError && failure.status === 409)) {
        error.textContent = errorText(failure);
      }
    } finally {
      previewButton.disabled = false;
    }
  });

  const form = h('form', {novalidate: true, class: 'alert-form'},
      updating, templates,
      h('fieldset', {}, h('legend', {text: t('alerts.area')}), areaJa.row, areaEasy.row,
          areaEn.row),
      h('fieldset', {}, h('legend', {text: t('alerts.shelters')}), sheltersBox),
      h('p', {class: 'field'}, h('label', {for: hoursId, text: t('alerts.hours')}), hours),
      kinds, drillNote, error,
      h('div', {class: 'buttons'}, previewButton, sendButton), previewArea);
  form.addEventListener('input', () => {
    Object.assign(state, read());
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const filled = check();
    if (!filled) {
      return;
    }
    if (!previewed || previewed.form !== JSON.stringify(filled)) {
      error.textContent = t('alerts.previewFirst');
      previewButton.focus();
      return;
    }
    const actual = filled.status === 'Actual';
    const japanese = previewed.payload.info.find((info) => info.language === 'ja');
    const sure = await confirmDialog(actual ? {
      title: t('alerts.confirmActualTitle'),
      message: t('alerts.confirmActual', {headline: japanese ? japanese.headline : ''}),
      confirm: t('alerts.confirmActualYes'), danger: true,
    } : {
      title: t('alerts.confirmExerciseTitle'), message: t('alerts.confirmExercise'),
      confirm: t('alerts.send'),
    });
    if (!sure) {
      return;
    }
    sendButton.disabled = true;
    sendButton.textContent = t('alerts.sending');
    try {
      const answer = await api('POST', '/api/alerts', {...filled, confirm_actual: actual});
      const sent = answer.message;
      say(t('alerts.sent', {identifier: sent.identifier, sequence: sent.sequence,
        folder: deliveryWord(sent.delivery.folder), mqtt: deliveryWord(sent.delivery.mqtt)}),
      'success');
      desk.startNew();
    } catch (failure) {
      error.textContent = errorText(failure);
      sendButton.disabled = false;
      sendButton.textContent = state.updateOf ? t('alerts.sendUpdate') : t('alerts.send');
    }
  });
  clear(section);
  section.append(h('h2', {text: t('alerts.compose')}), form);
}

function showPreview(area, drawn) {
  clear(area);
  area.append(h('h3', {text: t('alerts.previewHeading')}));
  const problems = [];
  for (const frame of drawn.frames) {
    const name = languageName(frame.language);
    area.append(h('figure', {class: 'alert-preview'},
        h('img', {src: frame.url, width: 480, height: 270, alt: t('alerts.previewAlt',
            {language: name})}),
        h('figcaption', {text: name})));
    for (const problem of frame.problems) {
      problems.push(t('alerts.problem', {language: name, problem}));
    }
  }
  if (problems.length) {
    area.append(h('ul', {class: 'problems'}, problems.map((text) => h('li', {text}))));
  }
}

export async function renderAlerts(main, context) {
  const desk = {canSend: context.me.role === 'bousai', templates: [], shelters: []};
  const fresh = () => ({template: '', area: {...WHOLE_WARD}, shelters: [], hours: 0,
    status: 'Exercise', updateOf: ''});
  desk.composeState = fresh();
  const inForce = h('section', {class: 'alert-desk-section', 'aria-live': 'polite'});
  const compose = h('section', {class: 'alert-desk-section'});
  const shelters = h('section', {class: 'alert-desk-section'});
  const history = h('section', {class: 'alert-desk-section'});
  const fleet = h('section', {class: 'alert-desk-section fleet-section', 'aria-live': 'polite'});
  desk.reload = async () => {
    const [alerts, list] = await Promise.all([api('GET', '/api/alerts'),
      api('GET', '/api/alerts/shelters')]);
    desk.shelters = list.shelters;
    inForceSection(inForce, desk, alerts.in_force);
    historySection(history, desk, alerts.recent);
  };
  desk.startUpdate = (message) => {
    desk.composeState = {...fresh(), ...message.form, updateOf: message.identifier,
      nextSequence: message.sequence + 1};
    composeSection(compose, desk);
    compose.scrollIntoView();
    compose.querySelector('input').focus();
  };
  desk.startNew = () => {
    desk.composeState = fresh();
    if (desk.fleet) {
      desk.fleet.soon();
    }
    composeSection(compose, desk);
    desk.reload().catch((failure) => say(errorText(failure), 'error'));
  };
  const templates = await api('GET', '/api/alerts/templates');
  desk.templates = templates.templates;
  document.title = `${t('alerts.title')} — keiji studio`;
  append(main, [h('h1', {tabindex: '-1', text: t('alerts.title')}),
    h('p', {class: 'lead', text: t('alerts.lead')}),
    desk.canSend ? null : h('p', {class: 'notice', text: t('alerts.readOnly')}),
    inForce, fleet, compose, shelters, history]);
  await desk.reload();
  composeSection(compose, desk);
  sheltersSection(shelters, desk);
  desk.fleet = fleetSection(fleet);
  main.querySelector('h1').focus();
  return {dispose: () => desk.fleet.stop()};
}
