// Dates, titles and names as staff read them: Tokyo time, the Japanese title without ruby
// notation, the UI language's words for states and roles.
import {lang, t} from './i18n.js';
import {plainText} from './ruby.js';

const ZONE = 'Asia/Tokyo';

// "2026-11-30T00:38:37Z" → "2026/11/30 09:38" (Tokyo).
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

// "11:03:39": the time of day in Tokyo, for "updated at" lines.
export function timeOfDay(date) {
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(date);
}

// The parts of a moment in Tokyo (Japan has no daylight saving: UTC+9 all year).
export function tokyoParts(date) {
  const shifted = new Date(date.getTime() + 9 * 3600 * 1000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

function two(n) {
  return String(n).padStart(2, '0');
}

// Today in Tokyo as YYYY-MM-DD.
export function tokyoToday() {
  const p = tokyoParts(new Date());
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

// An ISO 8601 timestamp → the value of <input type=datetime-local> in Tokyo time.
export function toLocalInput(iso) {
  if (!iso) {
    return '';
  }
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d)?\+09:00$/.exec(iso);
  if (match) {
    return match[1];
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const p = tokyoParts(date);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

// The value of <input type=datetime-local> (Tokyo) → "2026-05-09T11:00:00+09:00".
export function fromLocalInput(value) {
  if (!value) {
    return '';
  }
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d)?/.exec(value);
  return match ? `${match[1]}${match[2] || ':00'}+09:00` : '';
}

// A text of the playlist format (a string, or a map of languages) in one language.
export function textIn(text, language) {
  if (typeof text === 'string') {
    return language === 'ja' ? text : '';
  }
  if (text && typeof text === 'object' && typeof text[language] === 'string') {
    return text[language];
  }
  return '';
}

// The title to show in lists: Japanese without ruby notation (English in the English UI when
// there is one), else any language there is.
export function shownTitle(text) {
  const preferred = lang() === 'en' ? ['en', 'ja'] : ['ja'];
  for (const language of preferred) {
    const value = textIn(text, language);
    if (value.trim()) {
      return plainText(value);
    }
  }
  if (text && typeof text === 'object') {
    for (const value of Object.values(text)) {
      if (typeof value === 'string' && value.trim()) {
        return plainText(value);
      }
    }
  }
  return '';
}

export function stateName(state) {
  return t(`state.${state}`);
}

export function typeName(type) {
  return t(`type.${type}`);
}

export function roleName(role) {
  return t(`role.${role}`);
}

// 3725 → "1時間2分5秒" / "1 h 2 min 5 s".
export function duration(seconds) {
  const s = Math.round(Number(seconds) || 0);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = [];
  if (hours) {
    parts.push(t('unit.hours', {n: hours}));
  }
  if (minutes) {
    parts.push(t('unit.minutes', {n: minutes}));
  }
  if (rest || !parts.length) {
    parts.push(t('unit.seconds', {n: rest}));
  }
  return parts.join(lang() === 'en' ? ' ' : '');
}
