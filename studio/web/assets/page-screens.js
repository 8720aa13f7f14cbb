// #/screens (admins only): the screen groups (the tag each screen carries in its keiji.json, a
// name people know it by, its languages) and the key the screens must trust, with the lines a
// new screen's keiji.json needs.
import {api, ApiError} from './api.js';
import {clear, h, uid} from './dom.js';
import {LANGUAGES} from './editor-texts.js';
import {msg, t} from './i18n.js';
import {say} from './status.js';

const TAG_PATTERN = /^[a-z0-9_-]{1,40}$/;

function errorText(failure) {
  return failure instanceof ApiError && failure.serverMessage ?
    msg(failure.serverMessage) : t('error.generic');
}

// One editable row: tag, name, languages (checkboxes in the rotation's order), remove.
function groupRow(group, onRemove) {
  const tagId = uid('tag');
  const nameId = uid('gname');
  const tag = h('input', {id: tagId, type: 'text', value: group.tag, class: 'group-tag',
    autocapitalize: 'none', spellcheck: 'false', autocomplete: 'off',
    'aria-label': t('screens.tag')});
  const name = h('input', {id: nameId, type: 'text', value: group.name, class: 'group-name',
    autocomplete: 'off', 'aria-label': t('screens.name')});
  const checks = LANGUAGES.map((language) => {
    const id = uid('glang');
    const box = h('input', {type: 'checkbox', id, value: language.tag,
      checked: group.languages.includes(language.tag)});
    return h('span', {class: 'check'}, box,
        h('label', {for: id, lang: language.htmlLang, text: language.name}));
  });
  const remove = h('button', {type: 'button', class: 'danger-outline small',
    'aria-label': `${t('screens.remove')}: ${group.name || group.tag}`}, t('screens.remove'));
  const row = h('tr', {class: 'group-row'},
      h('td', {}, tag), h('td', {}, name),
      h('td', {}, h('fieldset', {class: 'languages'},
          h('legend', {class: 'sr-only', text: t('screens.languages')}), checks)),
      h('td', {}, remove));
  remove.addEventListener('click', () => onRemove(row));
  row.read = () => ({
    tag: tag.value.trim(),
    name: name.value.trim(),
    languages: [...row.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value),
  });
  row.fields = {tag, name};
  return row;
}

// The first problem a person can fix before asking the server, with the field to go to.
function firstProblem(rows) {
  const seen = new Set();
  for (const [index, row] of rows.entries()) {
    const group = row.read();
    const at = {n: index + 1};
    if (!TAG_PATTERN.test(group.tag)) {
      return {text: t('screens.tagInvalid', at), field: row.fields.tag};
    }
    if (seen.has(group.tag)) {
      return {text: t('screens.tagTwice', {...at, tag: group.tag}), field: row.fields.tag};
    }
    seen.add(group.tag);
    if (!group.name) {
      return {text: t('screens.nameMissing', at), field: row.fields.name};
    }
    if (!group.languages.length) {
      return {text: t('screens.noLanguage', at), field: row.querySelector('input[type=checkbox]')};
    }
  }
  return null;
}

function groupsSection(section, groups) {
  const body = h('tbody');
  const error = h('p', {class: 'form-error', role: 'alert', id: uid('err')});
  const rows = [];
  const removeRow = (row) => {
    rows.splice(rows.indexOf(row), 1);
    row.remove();
    addButton.focus();
  };
  const addRow = (group) => {
    const row = groupRow(group, removeRow);
    rows.push(row);
    body.appendChild(row);
    return row;
  };
  const addButton = h('button', {type: 'button', class: 'secondary'}, t('screens.add'));
  addButton.addEventListener('click', () => {
    addRow({tag: '', name: '', languages: ['ja']}).fields.tag.focus();
  });
  const saveButton = h('button', {type: 'submit', class: 'primary'}, t('screens.save'));
  const form = h('form', {novalidate: true},
      h('div', {class: 'table-wrap'}, h('table', {class: 'groups'},
          h('caption', {class: 'sr-only', text: t('screens.groups')}),
          h('thead', {}, h('tr', {},
              h('th', {scope: 'col', text: t('screens.tag')}),
              h('th', {scope: 'col', text: t('screens.name')}),
              h('th', {scope: 'col', text: t('screens.languages')}),
              h('th', {scope: 'col', text: t('admin.actions')}))),
          body)),
      error,
      h('div', {class: 'buttons'}, addButton, saveButton));
  for (const group of groups) {
    addRow(group);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const problem = firstProblem(rows);
    if (problem) {
      error.textContent = problem.text;
      problem.field.setAttribute('aria-invalid', 'true');
      problem.field.focus();
      return;
    }
    for (const row of rows) {
      row.fields.tag.removeAttribute('aria-invalid');
      row.fields.name.removeAttribute('aria-invalid');
    }
    saveButton.disabled = true;
    try {
      await api('PUT', '/api/screens', {groups: rows.map((row) => row.read())});
      say(t('screens.saved'), 'success');
    } catch (failure) {
      error.textContent = errorText(failure);
    } finally {
      saveButton.disabled = false;
    }
  });
  section.append(h('h2', {id: 'groups-heading', text: t('screens.groups')}),
      h('p', {class: 'hint', text: t('screens.groupsHint')}),
      h('p', {class: 'hint', text: t('screens.everyHint')}), form);
}

// What a new screen's keiji.json needs: where the feed is, the key to trust, its group.
function configExample(key, groups) {
  const group = groups[0] || {tag: 'lobby-1f', languages: ['ja']};
  return JSON.stringify({
    feed: {url: 'https://signage.example.lg.jp/feed/', public_keys: [key]},
    screen: {id: `${group.tag}-1`, tags: [group.tag]},
    languages: group.languages,
  }, null, 2);
}

function keysSection(section, keys, groups) {
  const content = keys.content;
  section.append(h('h2', {id: 'keys-heading', text: t('screens.keys')}),
      h('p', {class: 'hint', text: t('screens.keysHint')}),
      h('dl', {class: 'key-facts'},
          h('dt', {text: t('screens.keyId')}), h('dd', {}, h('code', {text: content.key.key_id})),
          h('dt', {text: t('screens.fingerprint')}),
          h('dd', {}, h('code', {class: 'fingerprint', text: content.fingerprint})),
          h('dt', {text: t('screens.secretFile')}), h('dd', {}, h('code', {text: content.secret_file})),
          h('dt', {text: t('screens.publishFolder')}),
          h('dd', {}, h('code', {text: content.publish_folder}))),
      h('p', {}, h('a', {href: '/api/keys/content.public.json', class: 'button-link',
        download: `${content.key.key_id}.public.json`, text: t('screens.download')})),
      h('h3', {text: t('screens.example')}),
      h('p', {class: 'hint', text: t('screens.exampleHint')}),
      h('pre', {class: 'config-example', tabindex: '0', text: configExample(content.key, groups)}));
}

export async function renderScreens(main) {
  document.title = `${t('screens.title')} — keiji studio`;
  const heading = h('h1', {tabindex: '-1', text: t('screens.title')});
  const groupsCard = h('section', {class: 'card', 'aria-labelledby': 'groups-heading', id: 'groups'});
  const keysCard = h('section', {class: 'card', 'aria-labelledby': 'keys-heading', id: 'keys'});
  main.append(heading, groupsCard, keysCard);
  heading.focus();
  let groups;
  let keys;
  try {
    [groups, keys] = await Promise.all([api('GET', '/api/screens'), api('GET', '/api/keys')]);
  } catch (failure) {
    clear(groupsCard).appendChild(h('p', {class: 'form-error', text: errorText(failure)}));
    return null;
  }
  groupsSection(groupsCard, groups.groups);
  keysSection(keysCard, keys, groups.groups);
  return null;
}
