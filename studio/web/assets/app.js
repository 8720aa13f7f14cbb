// The app shell: who is signed in, the header, and the pages behind hash routes
// (#/ list, #/items/<id> editor, #/publish, #/schedule, #/screens, #/alerts, #/admin).
import {api, setCsrf, whenSignedOut} from './api.js';
import {confirmDialog} from './dialog.js';
import {clear, h} from './dom.js';
import {lang, msg, onLanguageChange, setLang, t, translateStatic} from './i18n.js';
import {roleName} from './format.js';
import {attachStatus, say} from './status.js';
import {renderList} from './page-list.js';
import {renderEditor} from './page-editor.js';
import {renderPublish} from './page-publish.js';
import {renderSchedule} from './page-schedule.js';
import {renderAdmin} from './page-admin.js';
import {renderScreens} from './page-screens.js';
import {renderAlerts} from './page-alerts.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const languageButton = document.getElementById('language');
const logoutButton = document.getElementById('logout');
attachStatus(document.getElementById('status'));

const context = {
  me: null, // {name, display_name, role}
  approvalRequired: true,
  canEdit: false,
  canApprove: false,
  canPublish: false,
  isAdmin: false,
  seesAlerts: false,
};

let current = null; // {hash, page: {canLeave?, leaveMessage?, dispose?, relabel?}}
let signingOut = false;

whenSignedOut(() => {
  if (!signingOut) {
    signingOut = true;
    window.location.assign('/login');
  }
});

function setRoles(me, approvalRequired) {
  context.me = me;
  context.approvalRequired = approvalRequired;
  const role = me.role;
  context.canEdit = role === 'editor' || role === 'approver' || role === 'admin';
  context.canApprove = role === 'approver' || role === 'admin';
  context.canPublish = context.canApprove || (!approvalRequired && context.canEdit);
  context.isAdmin = role === 'admin';
  context.seesAlerts = role === 'bousai' || role === 'admin';
}

// Reads /api/me again (after a settings change, say).
context.refresh = async () => {
  const me = await api('GET', '/api/me');
  setCsrf(me.csrf);
  setRoles(me.user, me.approval_required);
  drawHeader();
};

const routes = [
  {pattern: /^#?\/?$/, key: 'list', nav: 'nav.content', render: renderList},
  {pattern: /^#\/items\/([A-Za-z0-9_.-]+)$/, key: 'editor', nav: 'nav.content', render: renderEditor},
  {pattern: /^#\/publish$/, key: 'publish', nav: 'nav.publish', render: renderPublish},
  {pattern: /^#\/schedule$/, key: 'schedule', nav: 'nav.schedule', render: renderSchedule},
  {pattern: /^#\/screens$/, key: 'screens', nav: 'nav.screens', render: renderScreens, admin: true},
  {pattern: /^#\/alerts$/, key: 'alerts', nav: 'nav.alerts', render: renderAlerts, desk: true},
  {pattern: /^#\/admin$/, key: 'admin', nav: 'nav.admin', render: renderAdmin, admin: true},
];

function routeOf(hash) {
  for (const route of routes) {
    const match = route.pattern.exec(hash);
    if (match) {
      return {route, params: match.slice(1)};
    }
  }
  return null;
}

function drawHeader() {
  translateStatic(document);
  const me = context.me;
  clear(who);
  if (me) {
    who.append(h('span', {class: 'who-name', text: me.display_name || me.name}),
        h('span', {class: 'role-badge', text: roleName(me.role)}));
  }
  languageButton.textContent = t('app.otherLanguage');
  languageButton.setAttribute('lang', lang() === 'ja' ? 'en' : 'ja');
  clear(nav);
  const active = current ? routeOf(current.hash) : null;
  const links = [
    ['#/', 'nav.content'],
    ['#/publish', 'nav.publish'],
    ['#/schedule', 'nav.schedule'],
  ];
  if (context.seesAlerts) {
    links.push(['#/alerts', 'nav.alerts']);
  }
  if (context.isAdmin) {
    links.push(['#/screens', 'nav.screens'], ['#/admin', 'nav.admin']);
  }
  const list = h('ul');
  for (const [href, key] of links) {
    const isCurrent = active && active.route.nav === key;
    list.appendChild(h('li', {}, h('a', {href, 'aria-current': isCurrent ? 'page' : null,
      text: t(key)})));
  }
  nav.appendChild(list);
}

async function show(hash) {
  if (current && current.page && current.page.dispose) {
    current.page.dispose();
  }
  const found = routeOf(hash);
  current = {hash, page: null};
  drawHeader();
  clear(main);
  if (!found) {
    document.title = `${t('notFound.title')} — keiji studio`;
    main.append(h('h1', {tabindex: '-1', text: t('notFound.title')}),
        h('p', {}, h('a', {href: '#/', text: t('notFound.back')})));
    main.querySelector('h1').focus();
    return;
  }
  if ((found.route.admin && !context.isAdmin) || (found.route.desk && !context.seesAlerts)) {
    document.title = `${t('forbidden.title')} — keiji studio`;
    main.append(h('h1', {tabindex: '-1', text: t('forbidden.title')}),
        h('p', {text: t('forbidden.text')}));
    main.querySelector('h1').focus();
    return;
  }
  const page = await found.route.render(main, context, ...found.params);
  if (current && current.hash === hash) {
    current.page = page || null;
  }
}

function dirtyPage() {
  return current && current.page && current.page.canLeave && !current.page.canLeave();
}

async function mayLeave() {
  if (!dirtyPage()) {
    return true;
  }
  return confirmDialog({
    title: t('leave.title'),
    message: t('leave.message'),
    confirm: t('leave.confirm'),
    cancel: t('leave.stay'),
    danger: true,
  });
}

window.addEventListener('hashchange', async () => {
  const next = window.location.hash;
  if (current && next === current.hash) {
    return;
  }
  if (dirtyPage()) {
    // Back to where the unsaved work is until the person decides.
    const back = current.hash || '#/';
    history.replaceState(null, '', back);
    if (!(await mayLeave())) {
      return;
    }
    history.pushState(null, '', next);
  }
  show(next);
});

window.addEventListener('beforeunload', (event) => {
  if (dirtyPage()) {
    event.preventDefault();
    event.returnValue = '';
  }
});

languageButton.addEventListener('click', () => {
  setLang(lang() === 'ja' ? 'en' : 'ja');
});

onLanguageChange(() => {
  drawHeader();
  if (current && current.page && current.page.relabel) {
    current.page.relabel();
  } else if (current) {
    show(current.hash);
  }
});

logoutButton.addEventListener('click', async () => {
  if (!(await mayLeave())) {
    return;
  }
  signingOut = true;
  try {
    await api('POST', '/api/logout', {});
  } catch {
    // Signed out either way: the session is gone or will expire.
  }
  if (current && current.page && current.page.dispose) {
    current.page.dispose();
  }
  current = null;
  window.location.assign('/login');
});

async function start() {
  translateStatic(document);
  try {
    const me = await api('GET', '/api/me');
    setCsrf(me.csrf);
    setRoles(me.user, me.approval_required);
  } catch (failure) {
    if (failure && failure.status !== 401) {
      clear(main);
      main.append(h('h1', {text: t('app.cannotStart')}),
          h('p', {class: 'form-error', text: failure.serverMessage ? msg(failure.serverMessage) :
            String(failure.message)}));
    }
    return;
  }
  // The disaster office comes to its desk first.
  if (context.me.role === 'bousai' && /^#?\/?$/.test(window.location.hash)) {
    history.replaceState(null, '', '#/alerts');
  }
  show(window.location.hash);
}

context.say = say;
start();
