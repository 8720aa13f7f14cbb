// #/items/<id> : one item as a form beside its preview, and the workflow buttons (save, submit,
// approve, reject, take off the screens, put back).
import {api, ApiError} from './api.js';
import {askDialog, confirmDialog} from './dialog.js';
import {clear, h, uid} from './dom.js';
import {shownTitle} from './format.js';
import {msg, t} from './i18n.js';
import {say} from './status.js';
import {ProblemBoard} from './editor-problems.js';
import {buildTextTabs, writeText} from './editor-texts.js';
import {buildPhoto} from './editor-photo.js';
import {buildFilm} from './editor-film.js';
import {buildImportance, buildSchedule, buildSessions, buildTiming, buildUrl} from './editor-fields.js';
import {buildPreview, PreviewState} from './editor-preview.js';
import {itemTitle} from './page-list.js';
import {metaLine, stateNotices} from './editor-status.js';
import {canonical, copy} from './json.js';

function errorText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

export async function renderEditor(main, context, id) {
  document.title = `${t('editor.title')} — keiji studio`;
  const loading = h('p', {class: 'loading', text: t('app.loading')});
  main.appendChild(loading);
  let answer;
  try {
    answer = await api('GET', `/api/items/${encodeURIComponent(id)}`);
  } catch (failure) {
    clear(main);
    main.append(h('h1', {tabindex: '-1', text: t('editor.title')}),
        h('p', {class: 'form-error', text: errorText(failure)}),
        h('p', {}, h('a', {href: '#/', text: t('editor.backToList')})));
    main.querySelector('h1').focus();
    return null;
  }
  const editor = new Editor(main, context, answer);
  editor.draw(true);
  return editor;
}

class Editor {
  constructor(main, context, answer) {
    this.main = main;
    this.context = context;
    this.board = new ProblemBoard();
    this.preview = null;
    this.previewState = new PreviewState();
    this.tab = 'ja';
    this.conflict = null;
    this.busy = false;
    this.load(answer);
  }

  load(answer) {
    this.item = copy(answer.item);
    this.summary = answer.summary;
    this.publishedItem = answer.published_item;
    this.savedKey = canonical(answer.item);
    this.board.saved = answer.problems || [];
    this.board.local.clear();
    this.conflict = null;
  }

  get dirty() {
    return canonical(this.item) !== this.savedKey;
  }

  get readOnly() {
    return !this.context.canEdit;
  }

  canLeave() {
    return !this.dirty;
  }

  dispose() {
    if (this.preview) {
      this.preview.dispose();
    }
  }

  relabel() {
    this.draw(false);
  }

  // Builds the whole page from the model (first time, and again on a language switch).
  draw(first) {
    if (this.preview) {
      this.preview.dispose();
      this.preview = null;
    }
    clear(this.main);
    this.board.reset();
    document.title = `${itemTitle(this.summary)} — ${t('editor.title')} — keiji studio`;
    this.heading = h('h1', {tabindex: '-1', class: 'editor-heading'});
    this.meta = h('div', {class: 'item-meta'});
    this.notices = h('div', {class: 'editor-notices'});
    this.actions = h('div', {class: 'actions', role: 'group', 'aria-label': t('editor.actions')});
    const form = h('form', {class: 'editor-form', novalidate: true, 'aria-label': t('editor.form')});
    form.addEventListener('submit', (event) => event.preventDefault());
    const fieldsetAll = h('fieldset', {class: 'form-body', disabled: this.readOnly || null},
        h('legend', {class: 'sr-only', text: t('editor.form')}));
    form.appendChild(fieldsetAll);
    const previewColumn = h('div', {class: 'preview-column'});
    this.main.append(
        h('nav', {class: 'breadcrumb', 'aria-label': t('editor.breadcrumb')},
            h('a', {href: '#/', text: t('list.title')}), h('span', {'aria-hidden': 'true', text: ' › '}),
            h('span', {text: this.summary.playlist})),
        this.heading, this.meta, this.notices, this.actions,
        h('div', {class: 'editor-grid'}, form, previewColumn));

    const changed = (pointer) => this.changed(pointer);
    const options = {item: this.item, board: this.board, changed, readOnly: this.readOnly};
    const type = this.item.type;

    const texts = h('section', {class: 'form-section', 'aria-labelledby': uid('s')});
    texts.appendChild(h('h2', {id: texts.getAttribute('aria-labelledby'), text: t('editor.texts')}));
    this.tabs = buildTextTabs(texts, {
      item: this.item, type, board: this.board, initial: this.tab,
      onInput: (member, language, text) => {
        writeText(this.item, member, language, text);
        this.changed(`/${member}/${language}`);
      },
      onTab: (language) => {
        this.tab = language;
        if (this.preview) {
          this.preview.setLanguage(language);
        }
      },
    });
    fieldsetAll.appendChild(texts);

    const details = h('section', {class: 'form-section', 'aria-labelledby': uid('s')});
    details.appendChild(h('h2', {id: details.getAttribute('aria-labelledby'),
      text: t(`editor.details.${type}`)}));
    if (type === 'promo') {
      buildPhoto(details, options);
      buildUrl(details, options);
    } else if (type === 'event') {
      buildSessions(details, options);
      buildPhoto(details, options);
    } else if (type === 'notice') {
      buildImportance(details, options);
    } else if (type === 'video') {
      buildFilm(details, options);
    }
    fieldsetAll.appendChild(details);

    const when = h('section', {class: 'form-section', 'aria-labelledby': uid('s')});
    when.appendChild(h('h2', {id: when.getAttribute('aria-labelledby'), text: t('editor.when')}));
    buildTiming(when, options);
    buildSchedule(when, options);
    fieldsetAll.appendChild(when);

    this.preview = buildPreview(previewColumn, {
      state: this.previewState, playlist: this.summary.playlist, board: this.board,
      getItem: () => this.item,
    });
    this.drawStatus();
    this.board.render();
    this.preview.setLanguage(this.tab);
    this.preview.schedule(0);
    if (first) {
      this.heading.focus();
    }
  }

  changed(pointer) {
    this.board.edited(pointer);
    this.board.render();
    this.drawDirty();
    this.heading.textContent = shownTitle(this.item.title) || t('list.untitled');
    if (this.preview) {
      this.preview.schedule();
    }
  }

  drawDirty() {
    const flag = this.actions.querySelector('.dirty-flag');
    if (flag) {
      flag.hidden = !this.dirty;
    }
  }

  // The heading, the state, the reason of a rejection, and the buttons this person may use.
  drawStatus() {
    const s = this.summary;
    this.heading.textContent = shownTitle(this.item.title) || t('list.untitled');
    clear(this.meta).append(...metaLine(s));
    clear(this.notices).append(...stateNotices(s, this.context));
    if (this.conflict) {
      this.notices.appendChild(this.conflict);
    }
    this.drawActions();
  }

  drawActions() {
    const s = this.summary;
    const c = this.context;
    clear(this.actions);
    const button = (label, className, handler, extra = {}) =>
      h('button', {type: 'button', class: className, onclick: () => this.run(handler), ...extra}, label);
    if (c.canEdit) {
      this.actions.appendChild(button(t('editor.save'), 'primary', () => this.save()));
      if (s.state === 'draft' || s.state === 'rejected') {
        this.actions.appendChild(button(t('editor.submit'), 'primary', () => this.submit()));
      }
    }
    if (c.canApprove && s.state === 'submitted') {
      const mine = c.approvalRequired && s.updated_by === c.me.name;
      const approve = button(t('editor.approve'), 'approve', () => this.approve(),
          mine ? {disabled: true, 'aria-describedby': 'approve-note'} : {});
      this.actions.append(approve, button(t('editor.reject'), 'danger-outline', () => this.reject()));
      if (mine) {
        this.actions.appendChild(h('p', {id: 'approve-note', class: 'hint',
          text: t('editor.cannotApproveOwn')}));
      }
    }
    if (c.canEdit) {
      this.actions.appendChild(s.enabled ?
        button(t('editor.disable'), 'danger-outline', () => this.disable()) :
        button(t('editor.enable'), 'secondary', () => this.enable()));
    }
    if (s.state === 'approved' && c.canPublish) {
      this.actions.appendChild(h('a', {href: '#/publish', class: 'button-link',
        text: t('editor.toPublish')}));
    }
    this.actions.appendChild(h('span', {class: 'dirty-flag', hidden: !this.dirty,
      text: t('editor.unsaved')}));
  }

  async run(handler) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    for (const b of this.actions.querySelectorAll('button')) {
      b.setAttribute('aria-disabled', 'true');
    }
    try {
      await handler();
    } finally {
      this.busy = false;
      if (document.contains(this.actions)) {
        this.drawActions();
      }
    }
  }

  setSummary(summary) {
    if (summary) {
      this.summary = summary;
    }
    this.drawStatus();
  }

  async save({quiet = false} = {}) {
    const item = copy(this.item);
    let answer;
    try {
      answer = await api('PUT', `/api/items/${encodeURIComponent(this.summary.id)}`,
          {item, revision: this.summary.revision});
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        this.showConflict(failure);
      } else {
        say(errorText(failure), 'error');
      }
      return false;
    }
    this.savedKey = canonical(item);
    this.board.setSaved(answer.problems || []);
    this.setSummary(answer.summary);
    if (!quiet) {
      const errors = (answer.problems || []).filter((p) => p.severity === 'error').length;
      say(errors ? t('editor.savedWithErrors', {n: errors}) : t('editor.saved'), 'success');
    }
    return true;
  }

  showConflict(failure) {
    const reload = h('button', {type: 'button', class: 'secondary'}, t('editor.reload'));
    reload.addEventListener('click', async () => {
      const ok = await confirmDialog({title: t('editor.reloadTitle'), message: t('editor.reloadMessage'),
        confirm: t('editor.reload'), danger: true});
      if (!ok) {
        return;
      }
      try {
        const fresh = await api('GET', `/api/items/${encodeURIComponent(this.summary.id)}`);
        this.load(fresh);
        this.draw(false);
        say(t('editor.reloaded'), 'success');
        this.heading.focus();
      } catch (error) {
        say(errorText(error), 'error');
      }
    });
    this.conflict = h('section', {class: 'callout callout-conflict', role: 'alert'},
        h('h2', {text: t('editor.conflictTitle')}),
        h('p', {text: errorText(failure)}),
        h('p', {class: 'small-text', text: t('editor.conflictHelp')}),
        reload);
    this.drawStatus();
    say(t('editor.conflictTitle'), 'error');
    reload.focus();
  }

  async submit() {
    if (this.dirty && !(await this.save({quiet: true}))) {
      return;
    }
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(this.summary.id)}/submit`, {});
      this.setSummary(answer.summary);
      say(answer.summary.state === 'approved' ? t('editor.submittedApproved') : t('editor.submitted'),
          'success');
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 422) {
        this.board.setSaved(failure.data.problems || []);
        say(errorText(failure), 'error');
        const first = this.board.summary && this.board.summary.querySelector('button');
        if (first) {
          first.focus();
        }
      } else {
        say(errorText(failure), 'error');
      }
    }
  }

  async approve() {
    if (this.dirty) {
      say(t('editor.saveFirst'), 'error');
      return;
    }
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(this.summary.id)}/approve`, {});
      this.setSummary(answer.summary);
      say(t('editor.approved'), 'success');
    } catch (failure) {
      say(errorText(failure), 'error');
    }
  }

  async reject() {
    const reason = await askDialog({title: t('editor.rejectTitle'), message: t('editor.rejectMessage'),
      label: t('editor.rejectReason'), confirm: t('editor.reject'), danger: true});
    if (reason === null) {
      return;
    }
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(this.summary.id)}/reject`,
          {reason});
      this.setSummary(answer.summary);
      say(t('editor.rejected'), 'success');
    } catch (failure) {
      say(errorText(failure), 'error');
    }
  }

  async disable() {
    const ok = await confirmDialog({title: t('editor.disableTitle'), message: t('editor.disableMessage'),
      confirm: t('editor.disable'), danger: true});
    if (!ok) {
      return;
    }
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(this.summary.id)}/disable`, {});
      this.setSummary(answer.summary);
      say(answer.version ? t('editor.disabledNow', {version: answer.version.id}) : t('editor.disabled'),
          'success');
    } catch (failure) {
      say(errorText(failure), 'error');
    }
  }

  async enable() {
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(this.summary.id)}/enable`, {});
      this.setSummary(answer.summary);
      say(t('editor.enabled'), 'success');
    } catch (failure) {
      say(errorText(failure), 'error');
    }
  }
}
