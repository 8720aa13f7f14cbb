// Problems (keiji validate's errors and warnings) on the fields they concern. A problem's pointer
// ("/title/ja", "/schedule/until", "/sessions/0/start", "/image") finds the field registered
// under it or under the nearest pointer above it; "/title" finds the Japanese title. Each field
// lists its problems under it (aria-describedby), each language tab shows a count, and the full
// list sits beside the preview.
import {clear, h, setIdInList} from './dom.js';
import {msg, t} from './i18n.js';

function key(problem) {
  return `${problem.severity}|${problem.pointer}|${msg(problem.message)}`;
}

export class ProblemBoard {
  constructor() {
    this.fields = new Map(); // pointer → {input, list, lang, label, onShow}
    this.tabCounts = new Map(); // language → element
    this.saved = []; // from loading or saving the item
    this.live = []; // from the newest preview
    this.local = new Map(); // pointer → problems found here (a refused upload, a bad time)
    this.summary = null; // the <div> beside the preview
    this.showTab = null; // (language) → selects that tab
  }

  reset() {
    this.fields.clear();
    this.tabCounts.clear();
    this.summary = null;
  }

  register(pointer, field) {
    this.fields.set(pointer, field);
  }

  unregisterUnder(prefix) {
    for (const pointer of [...this.fields.keys()]) {
      if (pointer.startsWith(prefix)) {
        this.fields.delete(pointer);
      }
    }
  }

  registerTab(language, element) {
    this.tabCounts.set(language, element);
  }

  setSaved(problems) {
    this.saved = Array.isArray(problems) ? problems : [];
    this.render();
  }

  setLive(problems) {
    this.live = Array.isArray(problems) ? problems : [];
    this.render();
  }

  setLocal(pointer, problems) {
    if (problems && problems.length) {
      this.local.set(pointer, problems);
    } else {
      this.local.delete(pointer);
    }
    this.render();
  }

  // The person changed this field: what the last save said about it may no longer hold (the
  // next preview says again what still does).
  edited(pointer) {
    const under = (p) => p === pointer || p.startsWith(`${pointer}/`) ||
        (pointer.startsWith(p) && p !== '' && pointer[p.length] === '/');
    this.saved = this.saved.filter((problem) => !under(problem.pointer || ''));
  }

  all() {
    const seen = new Set();
    const list = [];
    for (const problem of [...[...this.local.values()].flat(), ...this.saved, ...this.live]) {
      const k = key(problem);
      if (!seen.has(k)) {
        seen.add(k);
        list.push(problem);
      }
    }
    // Errors first, then warnings; otherwise as they came.
    return list.sort((a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1));
  }

  // The registered field for a pointer, or null (the item as a whole).
  target(pointer) {
    let p = pointer || '';
    while (p) {
      if (this.fields.has(p)) {
        return this.fields.get(p);
      }
      if (this.fields.has(`${p}/ja`)) {
        return this.fields.get(`${p}/ja`);
      }
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }

  hasErrors() {
    return this.all().some((problem) => problem.severity === 'error');
  }

  render() {
    const problems = this.all();
    const byField = new Map();
    const tabCounts = new Map();
    for (const problem of problems) {
      const field = this.target(problem.pointer);
      if (field) {
        if (!byField.has(field)) {
          byField.set(field, []);
        }
        byField.get(field).push(problem);
        if (field.lang) {
          tabCounts.set(field.lang, (tabCounts.get(field.lang) || 0) + 1);
        }
      }
    }
    for (const field of new Set(this.fields.values())) {
      const mine = byField.get(field) || [];
      clear(field.list);
      for (const problem of mine) {
        field.list.appendChild(h('li', {class: `problem problem-${problem.severity}`},
            h('span', {class: 'problem-kind', text: t(`problem.${problem.severity}`)}),
            ' ', msg(problem.message)));
      }
      field.list.hidden = !mine.length;
      for (const input of field.inputs || []) {
        setIdInList(input, 'aria-describedby', field.list.id, mine.length > 0);
        if (mine.some((problem) => problem.severity === 'error')) {
          input.setAttribute('aria-invalid', 'true');
        } else {
          input.removeAttribute('aria-invalid');
        }
      }
      if (field.box) {
        field.box.classList.toggle('has-error', mine.some((p) => p.severity === 'error'));
        field.box.classList.toggle('has-warning',
            mine.length > 0 && !mine.some((p) => p.severity === 'error'));
      }
    }
    for (const [language, element] of this.tabCounts) {
      const count = tabCounts.get(language) || 0;
      clear(element);
      element.hidden = count === 0;
      if (count) {
        element.append(String(count), h('span', {class: 'sr-only', text: t('problem.countSuffix')}));
      }
    }
    this.renderSummary(problems);
  }

  renderSummary(problems) {
    if (!this.summary) {
      return;
    }
    clear(this.summary);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    this.summary.appendChild(h('h3', {text: problems.length ?
      t('problem.summary', {errors, warnings}) : t('problem.none')}));
    if (!problems.length) {
      return;
    }
    const list = h('ul', {class: 'problem-list'});
    for (const problem of problems) {
      const field = this.target(problem.pointer);
      const where = field ? field.label : t('problem.wholeItem');
      const item = h('li', {class: `problem problem-${problem.severity}`},
          h('span', {class: 'problem-kind', text: t(`problem.${problem.severity}`)}), ' ');
      if (field && field.inputs && field.inputs.length) {
        item.appendChild(h('button', {type: 'button', class: 'link-button problem-where',
          onclick: () => this.focus(field)}, where));
      } else {
        item.appendChild(h('span', {class: 'problem-where', text: where}));
      }
      item.append(': ', msg(problem.message));
      list.appendChild(item);
    }
    this.summary.appendChild(list);
  }

  focus(field) {
    if (field.lang && this.showTab) {
      this.showTab(field.lang);
    }
    const input = field.inputs[0];
    input.scrollIntoView({block: 'center'});
    input.focus();
  }
}
