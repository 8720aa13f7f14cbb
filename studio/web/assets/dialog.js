// Confirmations and questions as <dialog> elements (modal, focus kept inside, Esc cancels), in
// the page's style and language; the browser's own alert/confirm/prompt are never used.
import {h, uid} from './dom.js';
import {t} from './i18n.js';

function open(dialog, firstFocus) {
  document.body.appendChild(dialog);
  dialog.showModal();
  (firstFocus || dialog.querySelector('button')).focus();
}

function close(dialog, returnFocus) {
  if (dialog.open) {
    dialog.close();
  }
  dialog.remove();
  if (returnFocus && document.contains(returnFocus)) {
    returnFocus.focus();
  }
}

// Resolves the dialog's promise once, closing it first (`dialogOf` because the dialog is built
// after the buttons that answer it).
function answerOnce(dialogOf, returnFocus, resolve) {
  let answered = false;
  return (value) => {
    if (!answered) {
      answered = true;
      close(dialogOf(), returnFocus);
      resolve(value);
    }
  };
}

// → true when the person confirms. `danger` makes the confirming button red.
export function confirmDialog({title, message, confirm, cancel, danger = false}) {
  const returnFocus = document.activeElement;
  const titleId = uid('dlg-title');
  const messageId = uid('dlg-msg');
  return new Promise((resolve) => {
    let dialog = null;
    const answer = answerOnce(() => dialog, returnFocus, resolve);
    const no = h('button', {type: 'button', class: 'secondary', onclick: () => answer(false)},
        cancel || t('dialog.cancel'));
    const yes = h('button', {type: 'button', class: danger ? 'danger' : 'primary',
      onclick: () => answer(true)}, confirm || t('dialog.ok'));
    dialog = h('dialog', {class: 'dialog', 'aria-labelledby': titleId,
      'aria-describedby': messageId},
    h('h2', {id: titleId, text: title}),
    h('p', {id: messageId, class: 'dialog-message', text: message}),
    h('div', {class: 'dialog-buttons'}, no, yes));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      answer(false);
    });
    // The safe choice has the focus: Enter on a dangerous question does not do it.
    open(dialog, no);
  });
}

// → the text written (trimmed), or null when cancelled. `required` refuses an empty answer.
export function askDialog({title, message, label, confirm, required = true, multiline = true,
  danger = false}) {
  const returnFocus = document.activeElement;
  const titleId = uid('dlg-title');
  const fieldId = uid('dlg-field');
  const errorId = uid('dlg-error');
  return new Promise((resolve) => {
    let dialog = null;
    const answer = answerOnce(() => dialog, returnFocus, resolve);
    const field = multiline ?
      h('textarea', {id: fieldId, rows: 4, required: required ? true : null}) :
      h('input', {id: fieldId, type: 'text', required: required ? true : null});
    const error = h('p', {id: errorId, class: 'field-error', hidden: true});
    const form = h('form', {method: 'dialog', class: 'dialog-form'},
        message ? h('p', {class: 'dialog-message', text: message}) : null,
        h('label', {for: fieldId, text: label}),
        field,
        error,
        h('div', {class: 'dialog-buttons'},
            h('button', {type: 'button', class: 'secondary', onclick: () => answer(null)},
                t('dialog.cancel')),
            h('button', {type: 'submit', class: danger ? 'danger' : 'primary'},
                confirm || t('dialog.ok'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = field.value.trim();
      if (required && !value) {
        error.textContent = t('dialog.required');
        error.hidden = false;
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', errorId);
        field.focus();
        return;
      }
      answer(value);
    });
    dialog = h('dialog', {class: 'dialog', 'aria-labelledby': titleId},
        h('h2', {id: titleId, text: title}), form);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      answer(null);
    });
    open(dialog, field);
  });
}
