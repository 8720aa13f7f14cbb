// #/publish : what a publish would change, in words; what still waits for approval; the publish
// button; and the history of versions with rollback.
import {api, ApiError} from './api.js';
import {confirmDialog} from './dialog.js';
import {clear, h} from './dom.js';
import {dateTime, typeName} from './format.js';
import {lang, msg, t} from './i18n.js';
import {say} from './status.js';
import {itemTitle, stateBadge} from './page-list.js';

function errorText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

// A version's summary is one text of many changes: a list, the first few shown.
function changesOf(summary) {
  const text = msg(summary) || '';
  const parts = lang() === 'en' ? text.split(/;\s+/) : text.split(/。/);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function changeList(changes, shown = 4) {
  const list = h('ul', {class: 'changes'});
  changes.slice(0, shown).forEach((change) => list.appendChild(h('li', {text: change})));
  if (changes.length <= shown) {
    return list;
  }
  const more = h('ul', {class: 'changes'});
  changes.slice(shown).forEach((change) => more.appendChild(h('li', {text: change})));
  return h('div', {}, list, h('details', {class: 'more'},
      h('summary', {text: t('publish.more', {n: changes.length - shown})}), more));
}

export async function renderPublish(main, context) {
  document.title = `${t('publish.title')} — keiji studio`;
  const heading = h('h1', {tabindex: '-1', text: t('publish.title')});
  const pending = h('section', {class: 'card', 'aria-labelledby': 'pending-heading', id: 'pending'});
  const history = h('section', {class: 'card', 'aria-labelledby': 'history-heading', id: 'history'});
  main.append(heading, h('p', {class: 'lead', text: t('publish.lead')}), pending, history);
  heading.focus();

  const drawPending = async () => {
    clear(pending).append(h('h2', {id: 'pending-heading', text: t('publish.pending')}),
        h('p', {class: 'loading', text: t('app.loading')}));
    let answer;
    try {
      answer = await api('GET', '/api/publish');
    } catch (failure) {
      pending.appendChild(h('p', {class: 'form-error', text: errorText(failure)}));
      return;
    }
    pending.querySelector('.loading').remove();
    const changes = (answer.changes && answer.changes[lang()]) || (answer.changes && answer.changes.ja) || [];
    if (changes.length) {
      pending.appendChild(h('p', {text: t('publish.changesLead', {n: changes.length})}));
      pending.appendChild(changeList(changes, 20));
    } else {
      pending.appendChild(h('p', {class: 'callout', text: t('publish.nothing')}));
    }
    const waiting = answer.not_yet_approved || [];
    pending.appendChild(h('h3', {text: t('publish.notYet', {n: waiting.length})}));
    if (waiting.length) {
      pending.appendChild(h('p', {class: 'hint', text: t('publish.notYetHelp')}));
      pending.appendChild(h('ul', {class: 'waiting-list'}, waiting.map((item) => h('li', {},
          h('a', {href: `#/items/${item.id}`, text: itemTitle(item)}), ' ',
          h('span', {class: 'muted', text: `(${typeName(item.type)}・${item.id})`}), ' ',
          stateBadge(item.state)))));
    } else {
      pending.appendChild(h('p', {class: 'muted', text: t('publish.notYetNone')}));
    }
    if (context.canPublish) {
      const button = h('button', {type: 'button', class: 'primary large', disabled: !changes.length || null},
          t('publish.button'));
      button.addEventListener('click', async () => {
        const ok = await confirmDialog({title: t('publish.confirmTitle'),
          message: t('publish.confirmMessage', {n: changes.length}), confirm: t('publish.button')});
        if (!ok) {
          return;
        }
        button.disabled = true;
        try {
          const done = await api('POST', '/api/publish', {});
          say(t('publish.done', {version: done.version.id}), 'success');
          await drawPending();
          await drawHistory();
          pending.querySelector('h2').focus();
        } catch (failure) {
          button.disabled = false;
          say(errorText(failure), 'error');
        }
      });
      pending.appendChild(h('div', {class: 'buttons'}, button,
          !changes.length ? h('span', {class: 'hint', text: t('publish.nothingToPublish')}) : null));
    } else {
      pending.appendChild(h('p', {class: 'hint', text: t('publish.onlyApprovers')}));
    }
    pending.querySelector('h2').setAttribute('tabindex', '-1');
  };

  const drawHistory = async () => {
    clear(history).append(h('h2', {id: 'history-heading', text: t('publish.history')}));
    let versions;
    try {
      versions = (await api('GET', '/api/versions')).versions || [];
    } catch (failure) {
      history.appendChild(h('p', {class: 'form-error', text: errorText(failure)}));
      return;
    }
    if (!versions.length) {
      history.appendChild(h('p', {class: 'muted', text: t('publish.noVersions')}));
      return;
    }
    const list = h('ol', {class: 'versions', reversed: true});
    versions.forEach((version, index) => {
      const entry = h('li', {class: 'version', dataset: {version: version.id}},
          h('h3', {}, t('publish.version', {id: version.id}),
              index === 0 ? h('span', {class: 'badge state-published', text: t('publish.current')}) : null),
          h('p', {class: 'muted', text: t('publish.by', {at: dateTime(version.published_at),
            who: version.published_by})}),
          changeList(changesOf(version.summary)));
      if (context.canPublish && index > 0) {
        const back = h('button', {type: 'button', class: 'secondary'}, t('publish.rollback'));
        back.addEventListener('click', async () => {
          const ok = await confirmDialog({title: t('publish.rollbackTitle', {id: version.id}),
            message: t('publish.rollbackMessage', {id: version.id}), confirm: t('publish.rollback'),
            danger: true});
          if (!ok) {
            return;
          }
          back.disabled = true;
          try {
            const done = await api('POST', `/api/versions/${version.id}/rollback`, {});
            say(t('publish.rolledBack', {id: version.id, version: done.version.id}), 'success');
            await drawPending();
            await drawHistory();
            history.querySelector('h2').focus();
          } catch (failure) {
            back.disabled = false;
            say(errorText(failure), 'error');
          }
        });
        entry.appendChild(back);
      }
      list.appendChild(entry);
    });
    history.appendChild(list);
    history.querySelector('h2').setAttribute('tabindex', '-1');
  };

  await Promise.all([drawPending(), drawHistory()]);
  return null;
}
