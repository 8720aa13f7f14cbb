// #/schedule : what the next publish would play, hour by hour (GET /api/schedule), from the
// player's own planner: an hour × item grid shaded by seconds, and each item's airtime.
import {api, ApiError} from './api.js';
import {clear, h, uid} from './dom.js';
import {LANGUAGES} from './editor-texts.js';
import {duration, shownTitle, tokyoParts, tokyoToday} from './format.js';
import {lang, msg, t} from './i18n.js';

let chosenDay = '';
let chosenDays = 1;
let chosenGroup = '';

function errorText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

// Midnight of YYYY-MM-DD in Tokyo, as a time in milliseconds.
function tokyoMidnight(day) {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - 9 * 3600 * 1000;
}

function shade(seconds) {
  // Five steps of one blue, from none to a full hour; the number is in the cell for all.
  if (!seconds) {
    return 'shade-0';
  }
  const share = seconds / 3600;
  if (share < 0.05) {
    return 'shade-1';
  }
  if (share < 0.15) {
    return 'shade-2';
  }
  if (share < 0.4) {
    return 'shade-3';
  }
  return 'shade-4';
}

function minutesText(seconds) {
  if (!seconds) {
    return '';
  }
  const minutes = Math.round(seconds / 60);
  return minutes ? String(minutes) : '<1';
}

function percentText(share) {
  return `${((share || 0) * 100).toLocaleString(lang() === 'en' ? 'en' : 'ja',
      {minimumFractionDigits: 1, maximumFractionDigits: 1})}%`;
}

// A group's airtime per language, in the player's rotation.
function languageSection(languages) {
  return h('section', {class: 'card', 'aria-labelledby': 'languages-heading'},
      h('h2', {id: 'languages-heading', text: t('schedule.languagesTitle')}),
      h('p', {class: 'hint', text: t('schedule.languagesHint')}),
      h('div', {class: 'table-wrap'}, h('table', {class: 'airtime languages-airtime'},
          h('thead', {}, h('tr', {},
              h('th', {scope: 'col', text: t('schedule.language')}),
              h('th', {scope: 'col', class: 'num', text: t('schedule.seconds')}),
              h('th', {scope: 'col', class: 'num', text: t('schedule.share')}))),
          h('tbody', {}, languages.map((entry) => h('tr', {},
              h('th', {scope: 'row', lang: entry.language},
                  (LANGUAGES.find((l) => l.tag === entry.language) || {name: entry.language}).name,
                  h('span', {class: 'row-id', text: entry.language})),
              h('td', {class: 'num', text: duration(entry.seconds)}),
              h('td', {class: 'num', text: percentText(entry.share)})))))));
}

export async function renderSchedule(main) {
  document.title = `${t('schedule.title')} — keiji studio`;
  if (!chosenDay) {
    chosenDay = tokyoToday();
  }
  const heading = h('h1', {tabindex: '-1', text: t('schedule.title')});
  const dayId = uid('day');
  const dayInput = h('input', {id: dayId, type: 'date', value: chosenDay, required: true});
  const spanName = uid('span');
  const spans = [1, 7].map((n) => {
    const id = uid('span');
    const input = h('input', {type: 'radio', name: spanName, id, value: String(n),
      checked: chosenDays === n});
    return {input, element: h('span', {class: 'check'}, input,
        h('label', {for: id, text: t(n === 1 ? 'schedule.oneDay' : 'schedule.sevenDays')}))};
  });
  const show = h('button', {type: 'submit', class: 'primary'}, t('schedule.show'));
  const groupId = uid('group');
  const groupSelect = h('select', {id: groupId},
      h('option', {value: '', text: t('schedule.groupAll')}));
  const form = h('form', {class: 'toolbar schedule-form'},
      h('div', {class: 'inline-field'}, h('label', {for: groupId, text: t('schedule.group')}), groupSelect),
      h('div', {class: 'inline-field'}, h('label', {for: dayId, text: t('schedule.day')}), dayInput),
      h('fieldset', {class: 'inline-group'}, h('legend', {text: t('schedule.span')}),
          spans.map((s) => s.element)),
      show);
  const result = h('div', {class: 'schedule-result'});
  main.append(heading, h('p', {class: 'lead', text: t('schedule.lead')}), form, result);
  heading.focus();

  let titles = new Map();
  let groups = [];
  try {
    const playlists = (await api('GET', '/api/playlists')).playlists;
    titles = new Map(playlists.flatMap((p) => p.items).map((i) => [i.id, shownTitle(i.title) || i.id]));
    groups = (await api('GET', '/api/screens')).groups;
  } catch {
    // Ids stand in for titles; the timeline is of every playlist.
  }
  for (const group of groups) {
    groupSelect.appendChild(h('option', {value: group.tag, text: `${group.name}(${group.tag})`}));
  }
  if (groups.length) {
    groupSelect.appendChild(h('option', {value: '*', text: t('schedule.groupNone')}));
  }
  groupSelect.value = [...groupSelect.options].some((o) => o.value === chosenGroup) ? chosenGroup : '';

  const draw = async () => {
    chosenDay = dayInput.value || tokyoToday();
    chosenDays = spans.find((s) => s.input.checked)?.input.value === '7' ? 7 : 1;
    chosenGroup = groupSelect.value;
    const group = chosenGroup ? `&group=${encodeURIComponent(chosenGroup)}` : '';
    clear(result).appendChild(h('p', {class: 'loading', text: t('app.loading')}));
    let answer;
    try {
      answer = await api('GET', `/api/schedule?from=${encodeURIComponent(chosenDay)}&days=${chosenDays}${group}`);
    } catch (failure) {
      clear(result).appendChild(h('p', {class: 'form-error', text: errorText(failure)}));
      return;
    }
    clear(result);
    const start = tokyoMidnight(chosenDay);
    const hours = [];
    const byStart = new Map((answer.hours || []).map((hour) => [new Date(hour.start).getTime(), hour]));
    for (let i = 0; i < chosenDays * 24; i += 1) {
      const at = start + i * 3600 * 1000;
      hours.push({at, data: byStart.get(at) || {items: {}, idle: 0, closed: 0}});
    }
    const airtime = (answer.airtime || []).slice().sort((a, b) => b.seconds - a.seconds);
    const playing = airtime.filter((entry) => entry.seconds > 0);

    // The grid: items down, hours across (grouped by day for a week).
    const grid = h('table', {class: `grid ${chosenDays === 7 ? 'week' : 'day'}`});
    grid.appendChild(h('caption', {text: t('schedule.gridCaption', {day: chosenDay, n: chosenDays})}));
    const head = h('thead');
    if (chosenDays === 7) {
      const dayRow = h('tr', {}, h('td', {class: 'corner'}));
      for (let d = 0; d < 7; d += 1) {
        const p = tokyoParts(new Date(start + d * 86400000));
        dayRow.appendChild(h('th', {scope: 'colgroup', colspan: '24', class: 'day-head',
          text: t('schedule.dayHead', {m: p.month, d: p.day, w: t(`weekdayShort.${p.weekday}`)})}));
      }
      head.appendChild(dayRow);
    }
    const hourRow = h('tr', {}, h('th', {scope: 'col', class: 'corner', text: t('schedule.item')}));
    for (const hour of hours) {
      const p = tokyoParts(new Date(hour.at));
      hourRow.appendChild(h('th', {scope: 'col', class: 'hour-head',
        'aria-label': t('schedule.hourLabel', {m: p.month, d: p.day, h: p.hour})},
      chosenDays === 7 && p.hour % 6 ? '' : String(p.hour)));
    }
    head.appendChild(hourRow);
    grid.appendChild(head);
    const body = h('tbody');
    const rows = playing.map((entry) => ({label: titles.get(entry.item) || entry.item, id: entry.item,
      seconds: (hour) => hour.data.items[entry.item] || 0}));
    rows.push({label: t('schedule.idle'), id: '', seconds: (hour) => hour.data.idle || 0, extra: true});
    rows.push({label: t('schedule.closed'), id: '', seconds: (hour) => hour.data.closed || 0, extra: true});
    for (const row of rows) {
      const tr = h('tr', {class: row.extra ? 'extra-row' : null},
          h('th', {scope: 'row', class: 'row-head', title: row.id ? `${row.label} (${row.id})` : null},
              row.id ? [h('a', {href: `#/items/${row.id}`, text: row.label}),
                h('span', {class: 'row-id', text: row.id})] : row.label));
      for (const hour of hours) {
        const seconds = row.seconds(hour);
        tr.appendChild(h('td', {class: `cell ${shade(seconds)}`, title: seconds ? duration(seconds) : null},
            chosenDays === 1 ? minutesText(seconds) : '',
            h('span', {class: 'sr-only', text: seconds ? duration(seconds) : t('schedule.none')})));
      }
      body.appendChild(tr);
    }
    grid.appendChild(body);
    result.appendChild(h('section', {class: 'card', 'aria-labelledby': 'grid-heading'},
        h('h2', {id: 'grid-heading', text: t('schedule.gridTitle')}),
        h('p', {class: 'hint', text: chosenDays === 1 ? t('schedule.gridHintDay') : t('schedule.gridHintWeek')}),
        h('div', {class: 'legend', 'aria-hidden': 'true'},
            ['shade-1', 'shade-2', 'shade-3', 'shade-4'].map((s, i) => h('span', {class: 'legend-item'},
                h('span', {class: `swatch ${s}`}), t(`schedule.legend${i + 1}`)))),
        h('div', {class: 'grid-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'grid-heading'}, grid)));

    // Airtime: each item's seconds, slots and share of the playing time.
    const table = h('table', {class: 'airtime'},
        h('caption', {class: 'sr-only', text: t('schedule.airtimeTitle')}),
        h('thead', {}, h('tr', {},
            h('th', {scope: 'col', text: t('schedule.item')}),
            h('th', {scope: 'col', class: 'num', text: t('schedule.seconds')}),
            h('th', {scope: 'col', class: 'num', text: t('schedule.slots')}),
            h('th', {scope: 'col', class: 'num', text: t('schedule.share')}),
            h('th', {scope: 'col', class: 'bar-col', text: ''}))),
        h('tbody', {}, airtime.map((entry) => {
          const percent = (entry.share || 0) * 100;
          const bar = h('span', {class: 'bar'});
          bar.style.width = `${Math.min(100, percent)}%`;
          return h('tr', {class: entry.seconds ? null : 'muted'},
              h('th', {scope: 'row'}, h('a', {href: `#/items/${entry.item}`,
                text: titles.get(entry.item) || entry.item}), h('span', {class: 'row-id', text: entry.item})),
              h('td', {class: 'num', text: duration(entry.seconds)}),
              h('td', {class: 'num', text: String(entry.slots)}),
              h('td', {class: 'num', text: percentText(entry.share)}),
              h('td', {class: 'bar-col', 'aria-hidden': 'true'}, h('span', {class: 'bar-track'}, bar)));
        })));
    result.appendChild(h('section', {class: 'card', 'aria-labelledby': 'airtime-heading'},
        h('h2', {id: 'airtime-heading', text: t('schedule.airtimeTitle')}),
        h('p', {class: 'hint', text: t('schedule.airtimeHint')}),
        h('div', {class: 'table-wrap'}, table)));
    const languages = answer.languages || [];
    if (chosenGroup && languages.length > 1) {
      result.appendChild(languageSection(languages));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    draw();
  });
  for (const s of spans) {
    s.input.addEventListener('change', draw);
  }
  groupSelect.addEventListener('change', draw);
  dayInput.addEventListener('change', () => {
    if (dayInput.value) {
      draw();
    }
  });
  await draw();
  return null;
}
