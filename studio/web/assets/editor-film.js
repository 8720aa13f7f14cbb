// The film of a video item: upload (POST /api/uploads, with how much has gone), the film as
// stored playing muted in the page, how it plays (loop, once, to its end), whether the band
// with its title shows, and a poster picture.
import {ApiError, upload} from './api.js';
import {h, uid} from './dom.js';
import {msg, t} from './i18n.js';
import {say} from './status.js';

// "films/<sha256>.mp4" or "images/<sha256>.png" → the address the studio serves it at.
function uploadUrl(path, folder) {
  const match = new RegExp(`^${folder}/([0-9a-f]{64})\\.[a-z0-9]+$`).exec(path || '');
  return match ? `/api/uploads/${match[1]}` : '';
}

function seconds(value) {
  return Math.round(Number(value) * 10) / 10;
}

function failureText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

// A file input hidden from sight but not from the keyboard or screen readers, and its
// visible label (the button, in the page's language whatever the browser's).
function filePicker(accept, text, hintId, readOnly) {
  const id = uid('file');
  const input = h('input', {id, type: 'file', accept, class: 'file-input',
    'aria-describedby': hintId, disabled: readOnly ? true : null});
  const button = h('label', {for: id, class: 'file-button', text});
  return {input, button};
}

// Sends `chosen`; takes the answer only when it is of `kind` ("film", "picture"). Problems
// go to the board under `pointer`; returns the answer or null.
async function send(chosen, {kind, pointer, board, input, progress, readOnly}) {
  board.setLocal(pointer, []);
  input.disabled = true;
  if (progress) {
    progress.hidden = false;
    progress.value = 0;
  }
  try {
    const answer = await upload(chosen, {onProgress: (fraction) => {
      if (progress) {
        progress.value = fraction;
      }
      const percent = Math.round(fraction * 100);
      say(percent < 100 ? t('film.uploading', {name: chosen.name, percent}) :
        t('film.checking', {name: chosen.name}), 'info');
    }});
    if (answer.kind !== kind) {
      const text = kind === 'film' ? t('film.notFilm') : t('error.generic');
      board.setLocal(pointer, [{severity: 'error', pointer, message: {en: text, ja: text}}]);
      say(text, 'error');
      return null;
    }
    return answer;
  } catch (failure) {
    const text = failureText(failure);
    board.setLocal(pointer, [{severity: 'error', pointer,
      message: failure.serverMessage || {en: text, ja: text}}]);
    say(text, 'error');
    return null;
  } finally {
    input.disabled = Boolean(readOnly);
    input.value = '';
    if (progress) {
      progress.hidden = true;
    }
  }
}

function buildFilmField(container, {item, board, changed, readOnly}) {
  const hintId = uid('hint');
  const list = h('ul', {id: uid('problems'), class: 'field-problems', hidden: true});
  const video = h('video', {class: 'film-video', controls: true, muted: true, loop: true,
    playsinline: true, preload: 'metadata', 'aria-label': t('film.label')});
  video.muted = true;
  const empty = h('p', {class: 'photo-empty'});
  const facts = h('p', {class: 'muted small-text film-facts'});
  const progress = h('progress', {class: 'film-progress', max: '1', value: '0', hidden: true,
    'aria-label': t('film.legend')});
  const picker = filePicker('video/mp4,video/webm,video/x-matroska,.mp4,.m4v,.webm,.mkv',
      t('film.choose'), hintId, readOnly);

  const show = () => {
    const url = uploadUrl(item.video, 'films');
    if (url && video.getAttribute('src') !== url) {
      video.src = url;
    } else if (!url) {
      video.removeAttribute('src');
    }
    video.hidden = !url;
    empty.hidden = Boolean(url);
    empty.textContent = item.video ? t('film.elsewhere', {path: item.video}) : t('film.none');
    picker.button.textContent = item.video ? t('film.replace') : t('film.choose');
  };
  video.addEventListener('loadedmetadata', () => {
    facts.textContent = t('film.facts',
        {w: video.videoWidth, h: video.videoHeight, s: seconds(video.duration)});
  });
  picker.input.addEventListener('change', async () => {
    const chosen = picker.input.files && picker.input.files[0];
    if (!chosen) {
      return;
    }
    const answer = await send(chosen, {kind: 'film', pointer: '/video', board, input: picker.input,
      progress, readOnly});
    if (!answer) {
      return;
    }
    item.video = answer.path;
    board.edited('/video');
    const warnings = (answer.problems || []).map((p) => ({...p, pointer: '/video'}));
    show();
    changed('/video');
    board.setLocal('/video', warnings);
    board.render();
    say(warnings.length ? t('film.uploadedWarnings', {n: warnings.length}) :
      t('film.uploaded', {w: answer.width, h: answer.height, s: seconds(answer.seconds)}),
    warnings.length ? 'info' : 'success');
  });

  const box = h('div', {class: 'field photo-field'},
      h('p', {id: hintId, class: 'hint', text: t('film.hint')}),
      picker.input, picker.button, progress, list);
  container.appendChild(h('fieldset', {class: 'group photo-group'},
      h('legend', {text: t('film.legend')}),
      h('div', {class: 'photo-layout'},
          h('div', {class: 'photo-view'}, video, empty, facts),
          h('div', {class: 'photo-controls'}, box))));
  board.register('/video', {inputs: [picker.input], list, label: t('film.legend'), box});
  show();
}

function buildPlayMode(container, {item, board, changed, readOnly}) {
  const name = uid('play');
  const hintId = uid('hint');
  const list = h('ul', {id: uid('problems'), class: 'field-problems', hidden: true});
  const inputs = ['loop', 'once', 'to_end'].map((value) => {
    const id = uid('play');
    const input = h('input', {type: 'radio', id, name, value, disabled: readOnly || null,
      checked: (item.play || 'loop') === value});
    input.addEventListener('change', () => {
      item.play = value;
      changed('/play');
    });
    return {input, element: h('span', {class: 'check'}, input,
        h('label', {for: id, text: t(`play.${value}`)}))};
  });
  const set = h('fieldset', {class: 'group', 'aria-describedby': hintId},
      h('legend', {text: t('play.legend')}),
      h('p', {id: hintId, class: 'hint', text: t('play.hint')}), list,
      h('div', {class: 'checks'}, inputs.map((entry) => entry.element)));
  container.appendChild(set);
  board.register('/play', {inputs: inputs.map((entry) => entry.input), list,
    label: t('play.legend'), box: set});

  const bandId = uid('band');
  const band = h('input', {type: 'checkbox', id: bandId, disabled: readOnly || null,
    checked: item.band !== false});
  band.addEventListener('change', () => {
    if (band.checked) {
      delete item.band;
    } else {
      item.band = false;
    }
    changed('/band');
  });
  const bandList = h('ul', {id: uid('problems'), class: 'field-problems', hidden: true});
  const bandBox = h('div', {class: 'field'},
      h('span', {class: 'check'}, band, h('label', {for: bandId, text: t('band.label')})),
      bandList);
  container.appendChild(bandBox);
  board.register('/band', {inputs: [band], list: bandList, label: t('band.label'), box: bandBox});
}

function buildPoster(container, {item, board, changed, readOnly}) {
  const hintId = uid('hint');
  const list = h('ul', {id: uid('problems'), class: 'field-problems', hidden: true});
  const picture = h('img', {class: 'photo-image', alt: t('poster.alt')});
  const empty = h('p', {class: 'photo-empty'});
  const picker = filePicker('image/png,image/jpeg', t('poster.choose'), hintId, readOnly);
  const remove = h('button', {type: 'button', class: 'secondary small',
    disabled: readOnly ? true : null}, t('poster.remove'));
  const show = () => {
    const url = uploadUrl(item.poster, 'images');
    if (url) {
      picture.src = url;
    } else {
      picture.removeAttribute('src');
    }
    picture.hidden = !url;
    empty.hidden = Boolean(url);
    empty.textContent = item.poster ? t('film.elsewhere', {path: item.poster}) : t('poster.none');
    remove.hidden = !item.poster;
  };
  picker.input.addEventListener('change', async () => {
    const chosen = picker.input.files && picker.input.files[0];
    if (!chosen) {
      return;
    }
    const answer = await send(chosen, {kind: 'picture', pointer: '/poster', board,
      input: picker.input, progress: null, readOnly});
    if (answer) {
      item.poster = answer.path;
      board.edited('/poster');
      show();
      changed('/poster');
      say(t('photo.uploaded', {w: answer.width, h: answer.height}), 'success');
    }
  });
  remove.addEventListener('click', () => {
    delete item.poster;
    board.setLocal('/poster', []);
    board.edited('/poster');
    show();
    changed('/poster');
    picker.input.focus();
  });
  const box = h('div', {class: 'field photo-field'},
      h('p', {id: hintId, class: 'hint', text: t('poster.hint')}),
      picker.input, picker.button, list);
  container.appendChild(h('fieldset', {class: 'group photo-group'},
      h('legend', {text: t('poster.legend')}),
      h('div', {class: 'photo-layout'},
          h('div', {class: 'photo-view'}, picture, empty),
          h('div', {class: 'photo-controls'}, box, remove))));
  board.register('/poster', {inputs: [picker.input], list, label: t('poster.legend'), box});
  show();
}

export function buildFilm(container, options) {
  buildFilmField(container, options);
  buildPlayMode(container, options);
  buildPoster(container, options);
}
