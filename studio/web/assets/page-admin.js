// #/admin (admins only): accounts, the approval setting, and the audit log.
import {api, ApiError} from './api.js';
import {confirmDialog} from './dialog.js';
import {clear, h, uid} from './dom.js';
import {dateTime, roleName} from './format.js';
import {msg, t} from './i18n.js';
import {say} from './status.js';

const ROLES = ['editor', 'approver', 'admin', 'bousai'];

function errorText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

// A new password, shown once, with a copy button.
function passwordBox(user, password) {
  const valueId = uid('pw');
  const value = h('code', {id: valueId, class: 'password-value', text: password});
  const copy = h('button', {type: 'button', class: 'secondary small', 'aria-describedby': valueId},
      t('admin.copy'));
  const copied = h('span', {class: 'copied', role: 'status'});
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(password);
      copied.textContent = t('admin.copied');
    } catch {
      const range = document.createRange();
      range.selectNodeContents(value);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied.textContent = t('admin.copyByHand');
    }
  });
  return h('div', {class: 'callout callout-password', role: 'alert', dataset: {user: user.name}},
      h('p', {}, t('admin.passwordFor', {name: user.display_name || user.name, login: user.name})),
      h('p', {class: 'password-line'}, value, ' ', copy, ' ', copied),
      h('p', {class: 'small-text', text: t('admin.passwordOnce')}));
}

function auditAction(action) {
  const key = `audit.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

export async function renderAdmin(main, context) {
  document.title = `${t('admin.title')} — keiji studio`;
  const heading = h('h1', {tabindex: '-1', text: t('admin.title')});
  const usersSection = h('section', {class: 'card', 'aria-labelledby': 'users-heading', id: 'users'});
  const settingsSection = h('section', {class: 'card', 'aria-labelledby': 'settings-heading', id: 'settings'});
  const auditSection = h('section', {class: 'card', 'aria-labelledby': 'audit-heading', id: 'audit'});
  const passwordArea = h('div', {class: 'password-area'});
  main.append(heading, usersSection, settingsSection, auditSection);
  heading.focus();

  // Users.
  const usersBody = h('div');
  const nameId = uid('name');
  const displayId = uid('display');
  const roleId = uid('role');
  const nameHintId = uid('hint');
  const nameInput = h('input', {id: nameId, type: 'text', required: true, autocomplete: 'off',
    autocapitalize: 'none', spellcheck: 'false', pattern: '[A-Za-z0-9._\\-]{1,64}',
    'aria-describedby': nameHintId});
  const displayInput = h('input', {id: displayId, type: 'text', autocomplete: 'off'});
  const roleSelect = h('select', {id: roleId},
      ROLES.map((role) => h('option', {value: role, text: `${roleName(role)}(${role})`})));
  const addError = h('p', {class: 'form-error', role: 'alert', id: uid('err')});
  const addButton = h('button', {type: 'submit', class: 'primary'}, t('admin.add'));
  const addForm = h('form', {class: 'add-user', novalidate: true},
      h('h3', {text: t('admin.addTitle')}),
      h('div', {class: 'inline-fields'},
          h('div', {class: 'field'}, h('label', {for: nameId, text: t('admin.name')}),
              h('p', {id: nameHintId, class: 'hint', text: t('admin.nameHint')}), nameInput),
          h('div', {class: 'field'}, h('label', {for: displayId, text: t('admin.displayName')}),
              h('p', {class: 'hint', text: t('admin.displayHint')}), displayInput),
          h('div', {class: 'field'}, h('label', {for: roleId, text: t('admin.role')}),
              h('p', {class: 'hint', text: t('admin.roleHint')}), roleSelect)),
      addError,
      h('div', {class: 'buttons'}, addButton));
  usersSection.append(h('h2', {id: 'users-heading', text: t('admin.users')}), passwordArea, usersBody,
      addForm);

  const drawUsers = async () => {
    let users;
    try {
      users = (await api('GET', '/api/users')).users || [];
    } catch (failure) {
      clear(usersBody).appendChild(h('p', {class: 'form-error', text: errorText(failure)}));
      return;
    }
    const rows = users.map((user) => {
      const actions = h('div', {class: 'row-actions'});
      if (user.name !== context.me.name) {
        const toggle = h('button', {type: 'button', class: user.disabled ? 'secondary small' : 'danger-outline small'},
            user.disabled ? t('admin.enable') : t('admin.disable'));
        toggle.setAttribute('aria-label', `${user.disabled ? t('admin.enable') : t('admin.disable')}: ${user.name}`);
        toggle.addEventListener('click', async () => {
          if (!user.disabled) {
            const ok = await confirmDialog({title: t('admin.disableTitle', {name: user.name}),
              message: t('admin.disableMessage'), confirm: t('admin.disable'), danger: true});
            if (!ok) {
              return;
            }
          }
          try {
            await api('POST', `/api/users/${encodeURIComponent(user.name)}/${user.disabled ? 'enable' : 'disable'}`, {});
            say(user.disabled ? t('admin.enabled', {name: user.name}) : t('admin.disabled', {name: user.name}),
                'success');
            await drawUsers();
          } catch (failure) {
            say(errorText(failure), 'error');
          }
        });
        actions.appendChild(toggle);
      }
      const reset = h('button', {type: 'button', class: 'secondary small',
        'aria-label': `${t('admin.reset')}: ${user.name}`}, t('admin.reset'));
      reset.addEventListener('click', async () => {
        const ok = await confirmDialog({title: t('admin.resetTitle', {name: user.name}),
          message: t('admin.resetMessage'), confirm: t('admin.reset')});
        if (!ok) {
          return;
        }
        try {
          const answer = await api('POST', `/api/users/${encodeURIComponent(user.name)}/password`, {});
          clear(passwordArea).appendChild(passwordBox(user, answer.password));
          passwordArea.querySelector('button').focus();
          say(t('admin.resetDone', {name: user.name}), 'success');
        } catch (failure) {
          say(errorText(failure), 'error');
        }
      });
      actions.appendChild(reset);
      return h('tr', {dataset: {user: user.name}, class: user.disabled ? 'disabled-user' : null},
          h('th', {scope: 'row', text: user.name}),
          h('td', {text: user.display_name}),
          h('td', {text: roleName(user.role)}),
          h('td', {}, h('span', {class: `badge ${user.disabled ? 'user-disabled' : 'user-active'}`,
            text: user.disabled ? t('admin.stateDisabled') : t('admin.stateActive')})),
          h('td', {}, actions));
    });
    clear(usersBody).appendChild(h('div', {class: 'table-wrap'}, h('table', {class: 'users'},
        h('caption', {class: 'sr-only', text: t('admin.users')}),
        h('thead', {}, h('tr', {},
            h('th', {scope: 'col', text: t('admin.name')}),
            h('th', {scope: 'col', text: t('admin.displayName')}),
            h('th', {scope: 'col', text: t('admin.role')}),
            h('th', {scope: 'col', text: t('admin.state')}),
            h('th', {scope: 'col', text: t('admin.actions')}))),
        h('tbody', {}, rows))));
  };

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    addError.textContent = '';
    const name = nameInput.value.trim();
    const displayName = displayInput.value.trim();
    nameInput.removeAttribute('aria-invalid');
    nameInput.setAttribute('aria-describedby', nameHintId);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
      addError.textContent = t('admin.nameInvalid');
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.setAttribute('aria-describedby', `${nameHintId} ${addError.id}`);
      nameInput.focus();
      return;
    }
    addButton.disabled = true;
    try {
      const answer = await api('POST', '/api/users', {name, display_name: displayName, role: roleSelect.value});
      clear(passwordArea).appendChild(passwordBox(answer.user, answer.password));
      nameInput.value = '';
      displayInput.value = '';
      say(t('admin.added', {name: answer.user.name}), 'success');
      await drawUsers();
      passwordArea.querySelector('button').focus();
    } catch (failure) {
      addError.textContent = errorText(failure);
    } finally {
      addButton.disabled = false;
    }
  });

  // Settings.
  const approvalId = uid('approval');
  const approval = h('input', {id: approvalId, type: 'checkbox', checked: context.approvalRequired});
  settingsSection.append(h('h2', {id: 'settings-heading', text: t('admin.settings')}),
      h('div', {class: 'check-field'}, approval, h('label', {for: approvalId, text: t('admin.approval')})),
      h('p', {class: 'hint', text: t('admin.approvalHint')}));
  approval.addEventListener('change', async () => {
    try {
      const answer = await api('PUT', '/api/settings', {approval_required: approval.checked});
      approval.checked = answer.approval_required;
      await context.refresh();
      say(answer.approval_required ? t('admin.approvalOn') : t('admin.approvalOff'), 'success');
    } catch (failure) {
      approval.checked = !approval.checked;
      say(errorText(failure), 'error');
    }
  });

  // The audit log, newest first, 100 a page.
  const auditBody = h('tbody');
  const more = h('button', {type: 'button', class: 'secondary'}, t('admin.auditMore'));
  let oldest = null;
  const loadAudit = async () => {
    more.disabled = true;
    let entries;
    try {
      const query = oldest === null ? '' : `?before=${oldest}`;
      entries = (await api('GET', `/api/audit${query}`)).entries || [];
    } catch (failure) {
      say(errorText(failure), 'error');
      more.disabled = false;
      return;
    }
    for (const entry of entries) {
      auditBody.appendChild(h('tr', {},
          h('td', {class: 'num', text: String(entry.id)}),
          h('td', {}, h('time', {datetime: entry.at, text: dateTime(entry.at)})),
          h('td', {text: entry.user}),
          h('td', {text: auditAction(entry.action)}),
          h('td', {class: 'wrap', text: entry.target}),
          h('td', {class: 'wrap detail', text: entry.detail}),
          h('td', {text: entry.address})));
      oldest = entry.id;
    }
    more.hidden = entries.length < 100;
    more.disabled = false;
  };
  more.addEventListener('click', loadAudit);
  auditSection.append(h('h2', {id: 'audit-heading', text: t('admin.audit')}),
      h('p', {class: 'hint', text: t('admin.auditHint')}),
      h('p', {}, h('a', {href: '/api/audit.csv', class: 'button-link', download: 'keiji-studio-audit.csv',
        text: t('admin.csv')})),
      h('div', {class: 'table-wrap'}, h('table', {class: 'audit'},
          h('caption', {class: 'sr-only', text: t('admin.audit')}),
          h('thead', {}, h('tr', {},
              ['id', 'at', 'user', 'action', 'target', 'detail', 'address'].map((col) =>
                h('th', {scope: 'col', text: t(`admin.col.${col}`)})))),
          auditBody)),
      h('div', {class: 'buttons'}, more));

  await Promise.all([drawUsers(), loadAudit()]);
  return null;
}
