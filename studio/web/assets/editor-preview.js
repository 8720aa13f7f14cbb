// The slide as the screens will show it, drawn by the player's renderer (POST /api/preview) as
// the person types: 250 ms after the last change, newest answer wins, the last good picture stays
// while errors stop drawing.
import {api} from './api.js';
import {h, uid} from './dom.js';
import {timeOfDay} from './format.js';
import {msg, t} from './i18n.js';
import {LANGUAGES} from './editor-texts.js';

export const SIZES = [
  {value: '1920x1080', width: 1920, height: 1080, key: 'preview.landscape'},
  {value: '1080x1920', width: 1080, height: 1920, key: 'preview.portrait'},
  {value: '3840x2160', width: 3840, height: 2160, key: 'preview.uhd'},
];

function newPageId() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') {
    return window.crypto.randomUUID();
  }
  return `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image'));
    image.src = url;
  });
}

// Kept across re-renders of one editor (a language switch redraws the page).
export class PreviewState {
  constructor() {
    this.page = newPageId();
    this.size = '1920x1080';
    this.language = 'ja';
    this.sequence = 0;
    this.shownSequence = 0; // the newest answer shown
    this.imageSequence = 0; // the newest picture shown
    this.id = ''; // the picture shown
    this.width = 0;
    this.updatedAt = null;
    this.stale = false;
  }
}

export function buildPreview(container, {state, getItem, playlist, board}) {
  const headingId = uid('preview');
  const sizeId = uid('size');
  const languageId = uid('plang');
  const sizeSelect = h('select', {id: sizeId},
      SIZES.map((size) => h('option', {value: size.value, text: t(size.key)})));
  sizeSelect.value = state.size;
  const languageSelect = h('select', {id: languageId},
      LANGUAGES.map((language) => h('option', {value: language.tag, lang: language.htmlLang,
        text: language.name})));
  languageSelect.value = state.language;
  const image = h('img', {class: 'preview-image', alt: '', dataset: {previewId: ''}});
  const placeholder = h('p', {class: 'preview-placeholder', text: t('preview.drawing')});
  const staleNote = h('p', {class: 'preview-stale', hidden: true, text: t('preview.stale')});
  const frame = h('div', {class: 'preview-frame'}, image, placeholder, staleNote);
  const liveLine = h('p', {class: 'preview-status', role: 'status', 'aria-live': 'polite'});
  const fullLink = h('a', {class: 'full-size', target: '_blank', rel: 'noopener', hidden: true,
    text: t('preview.fullSize')});
  const summary = h('div', {class: 'problem-summary', 'aria-live': 'off'});
  board.summary = summary;
  let timer = 0;
  let disposed = false;

  const sizeOf = () => SIZES.find((size) => size.value === state.size) || SIZES[0];
  const describe = () => {
    const size = sizeOf();
    const language = LANGUAGES.find((l) => l.tag === state.language) || LANGUAGES[0];
    image.alt = t('preview.alt', {size: t(size.key), language: language.name});
    frame.classList.toggle('portrait', size.height > size.width);
    frame.style.aspectRatio = `${size.width} / ${size.height}`;
  };

  const showPicture = async (id, sequence) => {
    const size = sizeOf();
    const shownWidth = Math.round(frame.clientWidth * (window.devicePixelRatio || 1));
    const width = Math.max(16, Math.min(3840, shownWidth || 960));
    const url = width < size.width ? `/api/previews/${id}.png?width=${width}` :
      `/api/previews/${id}.png`;
    try {
      await loadImage(url);
    } catch {
      liveLine.textContent = t('preview.lost');
      return;
    }
    if (disposed || sequence < state.imageSequence) {
      return;
    }
    state.imageSequence = sequence;
    state.id = id;
    state.width = width;
    image.src = url;
    image.dataset.previewId = id;
    image.dataset.sequence = String(sequence);
    placeholder.hidden = true;
    fullLink.href = `/api/previews/${id}.png`;
    fullLink.hidden = false;
    state.updatedAt = new Date();
    liveLine.textContent = t('preview.updated', {
      time: timeOfDay(state.updatedAt),
    });
  };

  const send = async () => {
    window.clearTimeout(timer);
    state.sequence += 1;
    const sequence = state.sequence;
    liveLine.textContent = t('preview.drawing');
    let answer;
    try {
      answer = await api('POST', '/api/preview', {
        item: getItem(), playlist, size: state.size, language: state.language,
        page: state.page, sequence,
      });
    } catch (failure) {
      if (failure && failure.status === 409) {
        return; // A newer request of this page replaced it.
      }
      if (!disposed && sequence >= state.shownSequence) {
        liveLine.textContent = failure.serverMessage ? msg(failure.serverMessage) :
          t('preview.failed');
      }
      return;
    }
    const answered = Number(answer.sequence) || sequence;
    if (disposed || answered < state.shownSequence) {
      return; // Older than what is on show.
    }
    state.shownSequence = answered;
    board.setLive(answer.problems || []);
    state.stale = !answer.id;
    staleNote.hidden = !state.stale;
    frame.classList.toggle('stale', state.stale);
    if (!answer.id) {
      liveLine.textContent = t('preview.cannotDraw');
      return;
    }
    await showPicture(answer.id, answered);
  };

  const schedule = (delay = 250) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
  };

  sizeSelect.addEventListener('change', () => {
    state.size = sizeSelect.value;
    describe();
    schedule(0);
  });
  languageSelect.addEventListener('change', () => {
    state.language = languageSelect.value;
    describe();
    schedule(0);
  });

  const panel = h('aside', {class: 'preview-panel card', 'aria-labelledby': headingId},
      h('h2', {id: headingId, text: t('preview.title')}),
      h('div', {class: 'preview-controls'},
          h('div', {class: 'inline-field'}, h('label', {for: sizeId, text: t('preview.size')}),
              sizeSelect),
          h('div', {class: 'inline-field'}, h('label', {for: languageId,
            text: t('preview.language')}), languageSelect)),
      frame,
      h('div', {class: 'preview-foot'}, liveLine, fullLink),
      summary);
  container.appendChild(panel);
  describe();
  if (state.id) {
    // Redrawn page (language switch): the picture we had until the new one comes.
    image.src = state.width < sizeOf().width ?
      `/api/previews/${state.id}.png?width=${state.width}` : `/api/previews/${state.id}.png`;
    image.dataset.previewId = state.id;
    image.dataset.sequence = String(state.imageSequence);
    placeholder.hidden = true;
    fullLink.href = `/api/previews/${state.id}.png`;
    fullLink.hidden = false;
  }
  return {
    schedule,
    setLanguage(language) {
      if (state.language !== language) {
        state.language = language;
        languageSelect.value = language;
        describe();
        schedule(0);
      }
    },
    dispose() {
      disposed = true;
      window.clearTimeout(timer);
    },
  };
}
