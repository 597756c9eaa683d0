// Live sessions on this broker: who watches, supervision (SL4 sessions wait for an operator to watch),
// watch (read-only, on its own page) and terminate (which needs a reason the vendor will see).
import { api } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';
import { timeOf } from '../time.js';

const POLL_MILLIS = 5000;
const SUPERVISION = { NOT_REQUIRED: 'Not required', WAITING: 'Waiting for a supervisor', SUPERVISED: 'Supervised' };

/** A session's supervision state in words. */
export function supervisionText(supervision) {
  return SUPERVISION[supervision] || supervision;
}

/** The live session list, re-read on access changes and every few seconds. */
export class LiveSessionList {
  constructor(container) {
    this.container = container;
    setInterval(() => this.refresh(), POLL_MILLIS);
  }

  async refresh() {
    if (this.container.querySelector('form.terminate textarea:focus')) {
      return; // Why: never re-draw under an operator who is typing a reason.
    }
    try {
      const sessions = await api('/api/sessions');
      show(this.container, sessions.length === 0 ? notice('empty', 'No session is live on this broker.')
        : this.table(sessions));
    } catch (error) {
      show(this.container, notice('error', error.message));
    }
  }

  table(sessions) {
    return el('div', { className: 'table-wrap' }, el('table', { id: 'sessions-table' },
      el('thead', {}, el('tr', {}, ['Vendor', 'Asset', 'Protocol', 'Started', 'Grant ends', 'Supervision',
        'Watching', 'Watch', 'Terminate'].map((title) => el('th', { scope: 'col', text: title })))),
      el('tbody', {}, sessions.map((session) => el('tr', { 'data-session': session.id,
        className: session.supervision === 'WAITING' ? 'waiting' : undefined },
      el('td', { text: session.vendor }), el('td', { text: session.asset }), el('td', { text: session.protocol }),
      el('td', {}, timeOf(session.started)), el('td', {}, timeOf(session.grantEnd)),
      el('td', {}, el('span', { className: `supervision supervision-${session.supervision}`,
        text: supervisionText(session.supervision) })),
      el('td', { text: session.watchers.length === 0 ? 'nobody' : session.watchers.join(', ') }),
      el('td', {}, watchLink(session)),
      el('td', {}, this.terminateForm(session)))))));
  }

  terminateForm(session) {
    const status = el('div', { 'aria-live': 'polite' });
    const form = el('form', { className: 'terminate', novalidate: true },
      el('label', {}, 'Reason', el('textarea', { name: 'reason', required: true,
        'aria-label': `Reason to end the session of ${session.vendor} on ${session.asset}` })),
      el('button', { type: 'submit', className: 'danger', text: 'Terminate' }), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api(`/api/sessions/${session.id}/terminate`, { method: 'POST',
          body: { reason: new FormData(form).get('reason') } });
        form.querySelector('textarea').blur();
        await this.refresh();
      } catch (error) {
        showProblem(form, status, error);
      }
    });
    return form;
  }
}

/** Watching opens the read-only view; for a session waiting for a supervisor, watching is joining. */
function watchLink(session) {
  const waiting = session.supervision === 'WAITING';
  return el('a', { className: waiting ? 'button primary' : 'button', href: `/operator/watch.html?session=${session.id}`,
    text: waiting ? 'Join as supervisor' : 'Watch',
    'aria-label': `${waiting ? 'Join as supervisor' : 'Watch'}: the session of ${session.vendor} on ${session.asset}` });
}
