// The desk's view of the screens, as they report through the broker: for the alert on the
// topic, "shown on N of M screens" and which did not confirm; then every screen by group, online
// or not, last seen, what it shows. Read again every 15 seconds while the page is open.
import {api, ApiError} from './api.js';
import {clear, h} from './dom.js';
import {dateTime} from './format.js';
import {msg, t} from './i18n.js';

const REFRESH_MS = 15000;
const SOON_MS = 3000;

function groupName(groups, tag) {
  const found = groups.find((group) => group.tag === tag);
  return found ? `${found.name} (${tag})` : tag || t('fleet.noGroup');
}

function reachLine(alert) {
  const shown = alert.shown.length;
  const box = h('div', {class: ['fleet-reach', shown === alert.screens ? 'all' : 'some']},
      h('p', {class: 'fleet-reach-count', text: t('fleet.shown', {shown, screens: alert.screens})}),
      h('p', {class: 'fleet-reach-alert', text: `${alert.headline} (${alert.identifier} #${alert.sequence})`}));
  if (alert.not_shown.length) {
    box.append(h('p', {text: t('fleet.notShown', {screens: alert.not_shown.join(', ')})}));
  }
  return box;
}

// Asks the screen for a look at what it shows and puts the picture in `box`.
async function look(box, screen) {
  clear(box);
  box.append(h('p', {class: 'hint', text: t('fleet.looking', {screen})}));
  const picture = h('img', {alt: t('fleet.lookAlt', {screen}), width: 480});
  try {
    const response = await fetch(`/api/fleet/${encodeURIComponent(screen)}/snapshot.jpg`);
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      throw new Error(answer.error ? msg(answer.error) : `HTTP ${response.status}`);
    }
    picture.src = URL.createObjectURL(await response.blob());
    const taken = response.headers.get('X-Taken-At');
    clear(box);
    box.append(h('figure', {class: 'fleet-look'}, picture,
        h('figcaption', {text: t('fleet.lookCaption', {screen, at: dateTime(taken)})})));
  } catch (failure) {
    clear(box);
    box.append(h('p', {class: 'form-error', text: failure.message}));
  }
}

function screensTable(screens, alert, lookBox) {
  const shownAt = new Map((alert ? alert.shown : []).map((entry) => [entry.screen, entry.shown_at]));
  return h('div', {class: 'table-wrap'}, h('table', {class: 'fleet'},
      h('thead', {}, h('tr', {}, ['screen', 'state', 'seen', 'showing', 'confirmed', 'sync', 'look'].map((key) =>
        h('th', {scope: 'col', text: t(`fleet.col.${key}`)})))),
      h('tbody', {}, screens.map((screen) => h('tr', {class: screen.online ? null : 'offline'},
          h('td', {text: screen.screen}),
          h('td', {}, h('span', {class: ['fleet-state', screen.online ? 'online' : 'offline'],
            text: t(screen.online ? 'fleet.online' : 'fleet.offline')})),
          h('td', {text: dateTime(screen.last_seen) || '—'}),
          h('td', {text: screen.mode === 'alert' ? `${t('fleet.alertMode')} ${screen.on_screen}` :
            screen.on_screen || '—'}),
          h('td', {text: shownAt.has(screen.screen) ? dateTime(shownAt.get(screen.screen)) :
            alert ? t('fleet.notYet') : '—'}),
          h('td', {text: dateTime(screen.last_sync) || '—'}),
          h('td', {}, screen.online ? h('button', {type: 'button', class: 'secondary small',
            'aria-label': `${t('fleet.look')}: ${screen.screen}`,
            onclick: () => look(lookBox, screen.screen)}, t('fleet.look')) : null))))));
}

function draw(section, view, groups, lookBox) {
  clear(section);
  section.append(h('h2', {text: t('fleet.title')}));
  if (view.error) {
    section.append(h('p', {class: 'hint', text: view.error}));
    return;
  }
  if (view.alert) {
    section.append(reachLine(view.alert));
  }
  // Earlier alerts still in force keep their own count: the topic holds only the latest.
  const others = (view.in_force || []).filter((entry) => !view.alert || entry.identifier !== view.alert.identifier);
  if (others.length) {
    section.append(h('ul', {class: 'fleet-others'}, others.map((entry) => h('li', {
      text: t('fleet.otherInForce', {identifier: entry.identifier, shown: entry.shown,
        screens: view.screens.length}),
    }))));
  }
  const byGroup = new Map();
  for (const screen of view.screens) {
    const tag = screen.tags[0] || '';
    byGroup.set(tag, [...(byGroup.get(tag) || []), screen]);
  }
  if (!view.screens.length) {
    section.append(h('p', {class: 'hint', text: t('fleet.none')}));
  }
  for (const [tag, screens] of [...byGroup.entries()].sort()) {
    const online = screens.filter((screen) => screen.online).length;
    section.append(h('h3', {text: `${groupName(groups, tag)} — ${t('fleet.onlineCount', {online, screens: screens.length})}`}),
        screensTable(screens, view.alert, lookBox));
  }
  section.append(h('p', {class: 'hint', text: t('fleet.updated', {at: dateTime(new Date().toISOString())})}));
}

// Draws the view into `section` and keeps it fresh; returns {stop, soon}.
export function fleetSection(section) {
  const viewBox = h('div');
  const lookBox = h('div', {class: 'fleet-look-box', 'aria-live': 'polite'});
  section.append(viewBox, lookBox);
  let timer = null;
  let stopped = false;
  const refresh = async () => {
    let view;
    let groups = [];
    try {
      [view, {groups}] = await Promise.all([api('GET', '/api/fleet'), api('GET', '/api/screens')]);
    } catch (failure) {
      view = {error: failure instanceof ApiError && failure.serverMessage ?
        msg(failure.serverMessage) : t('error.generic')};
    }
    if (!stopped) {
      draw(viewBox, view, groups, lookBox);
      timer = setTimeout(refresh, REFRESH_MS);
    }
  };
  refresh();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
    // Soon after an alert went out: the confirmations come in within seconds.
    soon: () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, SOON_MS);
    },
  };
}
