// The audit log (filters, pages, export with the same filters) and the hash chain's verification, which the
// broker recomputes on every request of GET /api/audit/verify.
import { api } from '../api.js';
import { el, notice, show } from '../dom.js';
import { timeOf } from '../time.js';
import { PagedList } from './paged-list.js';

const REASONS = {
  HASH_MISMATCH: 'the event was changed after it was written',
  PREV_HASH_MISMATCH: 'an event before it was deleted or replaced',
  SEQ_GAP: 'an event is missing',
  HEAD_MISMATCH: 'events were removed from or added at the end of the log',
};

/** Shows whether the audit chain is intact, or names its first broken link. */
export async function showChain(container) {
  show(container, notice('loading', 'Verifying the audit chain…'));
  try {
    const result = await api('/api/audit/verify');
    const checked = `${result.eventsChecked} events checked`;
    show(container, result.intact
      ? el('p', { id: 'chain-status', className: 'chain chain-intact', role: 'status' },
        el('strong', { text: 'Intact' }), ` — ${checked}, `, timeOf(result.checkedAt), '.')
      : el('p', { id: 'chain-status', className: 'chain chain-broken', role: 'alert' },
        el('strong', { text: `Broken at event ${result.firstBrokenSeq}` }),
        `: ${REASONS[result.reason] || result.reason}. ${result.eventsChecked} events before it are intact.`),
    el('div', { className: 'actions' }, el('button', { type: 'button', text: 'Verify again',
      onclick: () => showChain(container) })));
  } catch (error) {
    show(container, notice('error', error.message));
  }
}

function details(json) {
  return json === null || json === undefined ? '' : typeof json === 'string' ? json : JSON.stringify(json);
}

export class AuditLog {
  constructor(filtersBox, listBox) {
    this.list = new PagedList(filtersBox, listBox, {
      id: 'audit',
      path: '/api/audit',
      empty: 'No audit event matches these filters.',
      fields: [
        { name: 'eventName', label: 'Event', hint: 'e.g. session.start' },
        { name: 'code', label: 'Code', hint: 'e.g. OTB1000I' },
        { name: 'actor', label: 'Actor', hint: 'user name, or system' },
        { name: 'subject', label: 'Subject', hint: 'e.g. recording/ID' },
        { name: 'from', label: 'From', type: 'datetime-local' },
        { name: 'to', label: 'Before', type: 'datetime-local' },
      ],
      table: (events) => el('div', { className: 'table-wrap' }, el('table', { id: 'audit-table' },
        el('thead', {}, el('tr', {}, ['#', 'When', 'Event', 'Actor', 'Subject', 'Details']
          .map((title) => el('th', { scope: 'col', text: title })))),
        el('tbody', {}, events.map((event) => el('tr', { 'data-seq': event.seq },
          el('td', { text: event.seq }), el('td', {}, timeOf(event.occurredAt)),
          el('td', {}, event.eventName, el('span', { className: 'hint', text: ` ${event.code}` })),
          el('td', { text: event.actor }), el('td', { text: event.subject }),
          el('td', {}, el('code', { className: 'details', text: details(event.details) }))))))),
      below: (query) => el('p', {}, el('a', { id: 'audit-export', className: 'button secondary',
        href: `/api/audit/export${query.size ? `?${query}` : ''}`, download: 'audit.ndjson',
        text: 'Export these events (JSON lines)' })),
    });
  }

  load() {
    return this.list.load(0);
  }
}
