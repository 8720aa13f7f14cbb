// #/ : every playlist with its items, their state, and "new item" per playlist.
import {api} from './api.js';
import {clear, h, uid} from './dom.js';
import {dateTime, shownTitle, stateName, typeName} from './format.js';
import {msg, t} from './i18n.js';
import {say} from './status.js';

const STATES = ['draft', 'submitted', 'approved', 'rejected', 'published'];
const TYPES = ['notice', 'promo', 'event', 'video'];

// The filter survives going into an item and back.
let stateFilter = '';

export function stateBadge(state) {
  return h('span', {class: `badge state-${state}`, text: stateName(state)});
}

// On the screens now, stopped, or not yet published.
export function playingBadge(summary) {
  if (!summary.enabled) {
    return h('span', {class: 'play-state stopped', text: t('play.stopped')});
  }
  if (summary.published) {
    return h('span', {class: 'play-state playing', text: t('play.playing')});
  }
  return h('span', {class: 'play-state unpublished', text: t('play.unpublished')});
}

export function itemTitle(summary) {
  return shownTitle(summary.title) || t('list.untitled');
}

function newItemForm(playlist, context) {
  const selectId = uid('type');
  const select = h('select', {id: selectId},
      TYPES.map((type) => h('option', {value: type, text: typeName(type)})));
  if (playlist.items.length) {
    // The kind this playlist already holds comes first.
    select.value = playlist.items[0].type;
  }
  if (!context.canEdit) {
    return null;
  }
  const button = h('button', {type: 'submit', class: 'primary'}, t('list.create'));
  const form = h('form', {class: 'new-item'},
      h('label', {for: selectId, text: t('list.newType')}), select, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const answer = await api('POST', '/api/items', {playlist: playlist.id, type: select.value});
      say(t('list.created'), 'success');
      window.location.hash = `#/items/${answer.summary.id}`;
    } catch (failure) {
      button.disabled = false;
      say(failure.serverMessage ? msg(failure.serverMessage) : t('error.generic'), 'error');
    }
  });
  return form;
}

function itemRow(summary) {
  const link = h('a', {href: `#/items/${summary.id}`, class: 'item-title'}, itemTitle(summary));
  return h('tr', {dataset: {state: summary.state, item: summary.id}},
      h('th', {scope: 'row'}, link, h('span', {class: 'item-id', text: summary.id})),
      h('td', {text: typeName(summary.type)}),
      h('td', {}, stateBadge(summary.state),
        summary.state === 'rejected' && summary.reason ?
          h('span', {class: 'reason-short', text: summary.reason}) : null),
      h('td', {}, playingBadge(summary)),
      h('td', {text: summary.updated_by}),
      h('td', {}, h('time', {datetime: summary.updated_at, text: dateTime(summary.updated_at)})));
}

// "Shown on: every screen" and, for approvers and admins, the choice of screen groups.
function screensLine(playlist, context, groups) {
  const names = () => playlist.screens.includes('*') ? t('list.screensEvery') :
    playlist.screens.map((tag) => (groups.find((g) => g.tag === tag) || {name: tag}).name).join('、');
  const shown = h('span', {class: 'screens-names', text: names()});
  const line = h('p', {class: 'playlist-screens'}, h('span', {class: 'muted', text: `${t('list.screens')}: `}), shown);
  if (!context.canApprove) {
    return line;
  }
  const change = h('button', {type: 'button', class: 'secondary small',
    'aria-label': `${t('list.screensChange')}: ${t('list.screens')}`}, t('list.screensChange'));
  line.append(' ', change);
  const choices = [{tag: '*', name: t('list.screensEvery')}, ...groups].map((group) => {
    const id = uid('scr');
    return h('span', {class: 'check'},
        h('input', {type: 'checkbox', id, value: group.tag, checked: playlist.screens.includes(group.tag)}),
        h('label', {for: id, text: group.tag === '*' ? group.name : `${group.name}(${group.tag})`}));
  });
  const error = h('p', {class: 'form-error', role: 'alert'});
  const save = h('button', {type: 'submit', class: 'primary small'}, t('list.screensSave'));
  const cancel = h('button', {type: 'button', class: 'secondary small'}, t('list.screensCancel'));
  const form = h('form', {class: 'screens-form', hidden: true},
      h('fieldset', {}, h('legend', {text: t('list.screens')}), choices), error,
      h('div', {class: 'buttons'}, cancel, save));
  change.addEventListener('click', () => {
    form.hidden = false;
    form.querySelector('input').focus();
  });
  cancel.addEventListener('click', () => {
    form.hidden = true;
    change.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const screens = [...form.querySelectorAll('input:checked')].map((box) => box.value);
    if (!screens.length) {
      error.textContent = t('list.screensNone');
      return;
    }
    try {
      const answer = await api('PUT', `/api/playlists/${encodeURIComponent(playlist.id)}/screens`, {screens});
      playlist.screens = answer.screens;
      shown.textContent = names();
      error.textContent = '';
      form.hidden = true;
      say(t('list.screensSaved', {name: shownTitle(playlist.title) || playlist.id}), 'success');
      change.focus();
    } catch (failure) {
      error.textContent = failure.serverMessage ? msg(failure.serverMessage) : t('error.generic');
    }
  });
  return h('div', {}, line, form);
}

function playlistSection(playlist, context, groups) {
  const headingId = uid('pl');
  const items = playlist.items.filter((item) => !stateFilter || item.state === stateFilter);
  const section = h('section', {class: 'playlist card', 'aria-labelledby': headingId,
    dataset: {playlist: playlist.id}});
  section.appendChild(h('div', {class: 'section-head'},
      h('h2', {id: headingId}, shownTitle(playlist.title) || playlist.id,
          h('span', {class: 'muted small-text', text: ` (${playlist.id})`})),
      newItemForm(playlist, context)));
  section.appendChild(screensLine(playlist, context, groups));
  if (!items.length) {
    section.appendChild(h('p', {class: 'muted',
      text: playlist.items.length ? t('list.noneInFilter') : t('list.empty')}));
    return section;
  }
  section.appendChild(h('div', {class: 'table-wrap'}, h('table', {class: 'items'},
      h('caption', {class: 'sr-only', text: t('list.caption', {name: shownTitle(playlist.title)})}),
      h('thead', {}, h('tr', {},
          h('th', {scope: 'col', class: 'col-title', text: t('list.col.title')}),
          h('th', {scope: 'col', class: 'col-type', text: t('list.col.type')}),
          h('th', {scope: 'col', class: 'col-state', text: t('list.col.state')}),
          h('th', {scope: 'col', class: 'col-screens', text: t('list.col.screens')}),
          h('th', {scope: 'col', class: 'col-by', text: t('list.col.by')}),
          h('th', {scope: 'col', class: 'col-at', text: t('list.col.at')}))),
      h('tbody', {}, items.map(itemRow)))));
  return section;
}

export async function renderList(main, context) {
  document.title = `${t('list.title')} — keiji studio`;
  const heading = h('h1', {tabindex: '-1', text: t('list.title')});
  main.appendChild(heading);
  const body = h('div', {class: 'list-body'}, h('p', {class: 'loading', text: t('app.loading')}));
  main.appendChild(body);
  heading.focus();
  let playlists;
  let groups;
  try {
    [playlists, groups] = await Promise.all([
      api('GET', '/api/playlists').then((answer) => answer.playlists),
      api('GET', '/api/screens').then((answer) => answer.groups)]);
  } catch (failure) {
    clear(body).appendChild(h('p', {class: 'form-error',
      text: failure.serverMessage ? msg(failure.serverMessage) : t('error.generic')}));
    return null;
  }
  const draw = () => {
    clear(body);
    const all = playlists.flatMap((playlist) => playlist.items);
    const waiting = all.filter((item) => item.state === 'submitted');
    if (context.canApprove) {
      body.appendChild(h('div', {class: waiting.length ? 'callout callout-waiting' : 'callout'},
          h('p', {class: 'waiting-count'}, waiting.length ?
            t('list.waiting', {n: waiting.length}) : t('list.waitingNone')),
          waiting.length && stateFilter !== 'submitted' ?
            h('button', {type: 'button', class: 'secondary small', onclick: () => {
              stateFilter = 'submitted';
              draw();
              body.querySelector('select.state-filter').focus();
            }}, t('list.showWaiting')) : null));
    }
    const filterId = uid('filter');
    const filter = h('select', {id: filterId, class: 'state-filter'},
        h('option', {value: '', text: t('list.filterAll')}),
        STATES.map((state) => h('option', {value: state, text: stateName(state)})));
    filter.value = stateFilter;
    filter.addEventListener('change', () => {
      stateFilter = filter.value;
      draw();
      body.querySelector('select.state-filter').focus();
    });
    const counts = STATES.map((state) => `${stateName(state)} ${all.filter((i) => i.state === state).length}`);
    body.appendChild(h('div', {class: 'toolbar'},
        h('div', {class: 'inline-field'}, h('label', {for: filterId, text: t('list.filter')}), filter),
        h('p', {class: 'muted', text: t('list.counts', {n: all.length, counts: counts.join(' / ')})})));
    for (const playlist of playlists) {
      body.appendChild(playlistSection(playlist, context, groups));
    }
  };
  draw();
  return null;
}
