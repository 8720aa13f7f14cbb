// The lines under an item's heading: what it is, its state, who changed it last, and the notes
// that say what its state means for this person (a rejection's reason, waiting for approval).
import {h} from './dom.js';
import {dateTime, typeName} from './format.js';
import {t} from './i18n.js';
import {playingBadge, stateBadge} from './page-list.js';

// The type, state and screen badges and the item's facts.
export function metaLine(s) {
  return [
    h('span', {class: 'badge type-badge', text: typeName(s.type)}), ' ',
    stateBadge(s.state), ' ', playingBadge(s),
    h('dl', {class: 'meta-list'},
        h('div', {}, h('dt', {text: t('editor.id')}), h('dd', {text: s.id})),
        h('div', {}, h('dt', {text: t('editor.playlist')}), h('dd', {text: s.playlist})),
        h('div', {}, h('dt', {text: t('editor.updated')}),
            h('dd', {text: t('editor.updatedBy', {who: s.updated_by, at: dateTime(s.updated_at)})})),
        h('div', {}, h('dt', {text: t('editor.revision')}), h('dd', {text: String(s.revision)}))),
  ];
}

// The notes for the item's state, as this person (context) can act on it.
export function stateNotices(s, context) {
  const notes = [];
  if (s.state === 'rejected') {
    notes.push(h('section', {class: 'callout callout-rejected', 'aria-labelledby': 'rejected-heading'},
        h('h2', {id: 'rejected-heading', text: t('editor.rejectedTitle')}),
        h('p', {class: 'reason', text: s.reason || t('editor.noReason')}),
        h('p', {class: 'small-text', text: t('editor.rejectedHelp', {who: s.updated_by})})));
  } else if (s.state === 'submitted') {
    notes.push(h('p', {class: 'callout',
      text: context.canApprove ? t('editor.submittedApprover') : t('editor.submittedEditor')}));
  } else if (s.state === 'approved') {
    notes.push(h('p', {class: 'callout', text: t('editor.approvedNote')}));
  }
  if (['submitted', 'approved', 'published'].includes(s.state) && context.canEdit) {
    notes.push(h('p', {class: 'hint', text: t('editor.editMakesDraft')}));
  }
  if (!s.enabled) {
    notes.push(h('p', {class: 'callout callout-stopped', text: t('editor.stoppedNote')}));
  }
  return notes;
}
