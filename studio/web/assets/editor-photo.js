// The photo of a promo or event: upload (POST /api/uploads), the picture as stored, and its
// focal point (image_focus), set by a click on the picture or with two number inputs.
import {ApiError, upload} from './api.js';
import {h, uid} from './dom.js';
import {msg, t} from './i18n.js';
import {say} from './status.js';

// "images/<sha256>.png" → the address the studio serves it at.
export function uploadedUrl(path) {
  const match = /^images\/([0-9a-f]{64})\.(png|jpg|jpeg)$/.exec(path || '');
  return match ? `/api/uploads/${match[1]}` : '';
}

function round(value) {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

export function buildPhoto(container, {item, board, changed, readOnly}) {
  const fileId = uid('file');
  const hintId = uid('hint');
  const listId = uid('problems');
  const focusListId = uid('problems');
  const xId = uid('fx');
  const yId = uid('fy');
  const focusHintId = uid('hint');

  const picture = h('img', {class: 'photo-image', alt: t('photo.alt')});
  const marker = h('span', {class: 'focus-marker', 'aria-hidden': 'true'});
  const picker = h('div', {class: 'focus-picker', hidden: true}, picture, marker);
  const empty = h('p', {class: 'photo-empty', text: t('photo.none')});
  const size = h('p', {class: 'muted small-text photo-size'});
  // The input itself is hidden from sight but not from the keyboard or screen readers: its
  // label is the visible button, in the page's language whatever the browser's.
  const file = h('input', {id: fileId, type: 'file', accept: 'image/png,image/jpeg',
    class: 'file-input', 'aria-describedby': hintId, disabled: readOnly ? true : null});
  const list = h('ul', {id: listId, class: 'field-problems', hidden: true});
  const remove = h('button', {type: 'button', class: 'secondary small',
    disabled: readOnly ? true : null}, t('photo.remove'));
  const x = h('input', {id: xId, type: 'number', min: '0', max: '1', step: '0.01',
    class: 'number-input', 'aria-describedby': focusHintId, disabled: readOnly ? true : null});
  const y = h('input', {id: yId, type: 'number', min: '0', max: '1', step: '0.01',
    class: 'number-input', 'aria-describedby': focusHintId, disabled: readOnly ? true : null});
  const focusList = h('ul', {id: focusListId, class: 'field-problems', hidden: true});
  const focusSet = h('fieldset', {class: 'focus-fields'},
      h('legend', {text: t('photo.focus')}),
      h('p', {id: focusHintId, class: 'hint', text: t('photo.focusHint')}),
      h('div', {class: 'inline-fields'},
          h('div', {class: 'inline-field'}, h('label', {for: xId, text: t('photo.x')}), x),
          h('div', {class: 'inline-field'}, h('label', {for: yId, text: t('photo.y')}), y)),
      focusList);
  const photoBox = h('div', {class: 'field photo-field'},
      h('p', {id: hintId, class: 'hint', text: t('photo.hint')}),
      file, h('label', {for: fileId, class: 'file-button', text: t('photo.choose')}), list);

  const show = () => {
    const url = uploadedUrl(item.image);
    const focus = item.image_focus || {};
    const fx = typeof focus.x === 'number' ? focus.x : 0.5;
    const fy = typeof focus.y === 'number' ? focus.y : 0.5;
    if (url) {
      if (picture.getAttribute('src') !== url) {
        picture.src = url;
      }
      picker.hidden = false;
      empty.hidden = true;
    } else {
      picture.removeAttribute('src');
      picker.hidden = true;
      empty.hidden = false;
      empty.textContent = item.image ? t('photo.elsewhere', {path: item.image}) : t('photo.none');
    }
    remove.hidden = !item.image;
    focusSet.hidden = !item.image;
    marker.style.left = `${fx * 100}%`;
    marker.style.top = `${fy * 100}%`;
    if (document.activeElement !== x) {
      x.value = String(fx);
    }
    if (document.activeElement !== y) {
      y.value = String(fy);
    }
  };
  picture.addEventListener('load', () => {
    size.textContent = t('photo.size', {w: picture.naturalWidth, h: picture.naturalHeight});
  });

  const setFocus = (fx, fy) => {
    item.image_focus = {x: round(fx), y: round(fy)};
    show();
    changed('/image_focus');
  };
  picker.addEventListener('click', (event) => {
    if (readOnly) {
      return;
    }
    const box = picture.getBoundingClientRect();
    if (!box.width || !box.height) {
      return;
    }
    setFocus((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    say(t('photo.focusSet', {x: item.image_focus.x, y: item.image_focus.y}), 'info');
  });
  for (const input of [x, y]) {
    input.addEventListener('input', () => {
      const fx = Number(x.value);
      const fy = Number(y.value);
      if (x.value !== '' && y.value !== '' && fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) {
        setFocus(fx, fy);
      }
    });
  }

  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) {
      return;
    }
    board.setLocal('/image', []);
    say(t('photo.uploading', {name: chosen.name}), 'info');
    file.disabled = true;
    try {
      const answer = await upload(chosen);
      item.image = answer.path;
      delete item.image_focus;
      board.edited('/image');
      show();
      changed('/image');
      say(t('photo.uploaded', {w: answer.width, h: answer.height}), 'success');
    } catch (failure) {
      const text = failure instanceof ApiError && failure.serverMessage ?
        msg(failure.serverMessage) : t('error.generic');
      board.setLocal('/image', [{severity: 'error', pointer: '/image',
        message: failure.serverMessage || {en: text, ja: text}}]);
      say(text, 'error');
    } finally {
      file.disabled = Boolean(readOnly);
      file.value = '';
    }
  });
  remove.addEventListener('click', () => {
    delete item.image;
    delete item.image_focus;
    board.setLocal('/image', []);
    board.edited('/image');
    show();
    changed('/image');
    say(t('photo.removed'), 'info');
    file.focus();
  });

  const fieldset = h('fieldset', {class: 'group photo-group'},
      h('legend', {text: t('photo.legend')}),
      h('div', {class: 'photo-layout'},
          h('div', {class: 'photo-view'}, picker, empty, size),
          h('div', {class: 'photo-controls'}, photoBox, remove, focusSet)));
  container.appendChild(fieldset);
  board.register('/image', {inputs: [file], list, label: t('photo.legend'), box: photoBox});
  board.register('/image_focus', {inputs: [x, y], list: focusList, label: t('photo.focus'),
    box: focusSet});
  show();
}
