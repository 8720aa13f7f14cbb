// The login page: name and password → /api/login → the app at /.
import {api, ApiError} from './api.js';
import {lang, msg, setLang, t, translateStatic} from './i18n.js';

const form = document.getElementById('login-form');
const nameField = document.getElementById('name');
const passwordField = document.getElementById('password');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');
const languageButton = document.getElementById('language');

function showLanguage() {
  translateStatic(document);
  document.title = `${t('login.title')} — keiji studio`;
  languageButton.textContent = t('app.otherLanguage');
  languageButton.setAttribute('lang', lang() === 'ja' ? 'en' : 'ja');
}

function showError(text) {
  error.textContent = text;
  const invalid = Boolean(text);
  for (const field of [nameField, passwordField]) {
    if (invalid) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', 'login-error');
    } else {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    }
  }
}

languageButton.addEventListener('click', () => {
  setLang(lang() === 'ja' ? 'en' : 'ja');
  showLanguage();
  if (error.textContent) {
    showError(t('login.retranslate'));
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = nameField.value.trim();
  const password = passwordField.value;
  if (!name || !password) {
    showError(t('login.missing'));
    (name ? passwordField : nameField).focus();
    return;
  }
  submit.disabled = true;
  showError('');
  try {
    await api('POST', '/api/login', {name, password}, {allowSignedOut: true});
    window.location.assign('/');
  } catch (failure) {
    submit.disabled = false;
    if (failure instanceof ApiError && failure.status === 429) {
      const seconds = Number(failure.headers && failure.headers.get('Retry-After')) || 900;
      showError(t('login.tooMany', {minutes: Math.max(1, Math.ceil(seconds / 60))}));
    } else if (failure instanceof ApiError && failure.status === 401) {
      showError(failure.serverMessage ? msg(failure.serverMessage) : t('login.wrong'));
      passwordField.value = '';
      passwordField.focus();
    } else {
      showError(failure instanceof ApiError && failure.serverMessage ?
        msg(failure.serverMessage) : t('login.failed'));
    }
  }
});

showLanguage();
nameField.focus();
