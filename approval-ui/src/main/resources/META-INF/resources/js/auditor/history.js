// Past sessions with their recordings' integrity: the badge shows the last verification the broker kept,
// "Verify now" re-hashes the recording on the broker and shows the new outcome.
import { api } from '../api.js';
import { el, notice, show } from '../dom.js';
import { timeOf } from '../time.js';
import { PagedList } from './paged-list.js';

// The broker's verification outcomes as auditors read them: a word and a colour class.
const BADGES = {
  VERIFIED: ['verified', 'ok'],
  TAMPERED: ['tampered', 'bad'],
  BAD_SIGNATURE: ['tampered (bad signature)', 'bad'],
  INCOMPLETE: ['incomplete', 'warn'],
  MISSING: ['missing', 'bad'],
  PENDING: ['not verified yet', 'muted'],
};

/** The integrity badge of a verification {status, detail, verifiedAt}. */
function badge(verification) {
  const [word, tone] = BADGES[verification.status] || [verification.status.toLowerCase(), 'muted'];
  const when = verification.verifiedAt ? ` (checked ${new Date(verification.verifiedAt).toISOString()})` : '';
  return el('span', { className: `badge badge-${tone}`, title: `${verification.detail || word}${when}`,
    'data-status': verification.status, text: word });
}

function bytes(count) {
  return count < 1024 ? `${count} B` : count < 1048576 ? `${(count / 1024).toFixed(1)} KiB`
    : `${(count / 1048576).toFixed(1)} MiB`;
}

function ending(session) {
  if (!session.ended) {
    return 'still live';
  }
  const exit = session.exitStatus === null || session.exitStatus === undefined ? '' : `exit ${session.exitStatus}`;
  return [exit, session.endReason, `recording ${session.recordingState.toLowerCase()}`].filter(Boolean).join('; ');
}

export class SessionHistory {
  /** @param onReplay called with a session when its "Replay" is chosen */
  constructor(filtersBox, listBox, onReplay) {
    this.onReplay = onReplay;
    this.list = new PagedList(filtersBox, listBox, {
      id: 'history',
      path: '/api/sessions/history',
      empty: 'No session matches. Sessions appear here once a vendor has connected through the broker.',
      fields: [
        { name: 'vendor', label: 'Vendor' },
        { name: 'asset', label: 'Asset' },
        { name: 'from', label: 'Started from', type: 'datetime-local' },
        { name: 'to', label: 'Started before', type: 'datetime-local' },
      ],
      table: (sessions) => this.table(sessions),
      below: () => el('p', {}, el('a', { href: '/api/recordings/public-key', download: 'recording-signing-key.pem',
        text: 'Download the broker\'s public key' }), ' to verify downloaded recordings offline.'),
    });
  }

  load() {
    return this.list.load(0);
  }

  table(sessions) {
    return el('div', { className: 'table-wrap' }, el('table', { id: 'history-table' },
      el('thead', {}, el('tr', {}, ['Vendor', 'Asset', 'Started', 'Ended', 'Traffic', 'How it ended', 'Integrity',
        'Recording'].map((title) => el('th', { scope: 'col', text: title })))),
      el('tbody', {}, sessions.map((session) => this.row(session)))));
  }

  row(session) {
    const integrity = el('td', { className: 'integrity' }, badge(session.verification));
    const status = el('div', { 'aria-live': 'polite' });
    const verify = el('button', { type: 'button', className: 'verify', text: 'Verify now',
      'aria-label': `Verify the recording of ${session.vendor} on ${session.asset} now`,
      onclick: async () => {
        verify.disabled = true;
        show(status, notice('loading', 'Verifying…'));
        try {
          const result = await api(`/api/recordings/${session.id}/verify`, { method: 'POST' });
          show(integrity, badge({ status: result.status, detail: result.detail, verifiedAt: new Date() }));
          show(status);
        } catch (error) {
          show(status, notice('error', error.message));
        } finally {
          verify.disabled = false;
        }
      } });
    return el('tr', { 'data-session': session.id },
      el('td', { text: session.vendor }),
      el('td', {}, session.asset, el('span', { className: 'hint', text: ` ${session.protocol}` })),
      el('td', {}, timeOf(session.started)),
      el('td', {}, timeOf(session.ended)),
      el('td', { text: `${bytes(session.bytesToAsset)} sent, ${bytes(session.bytesFromAsset)} received` }),
      el('td', { text: ending(session) }),
      integrity,
      el('td', {}, el('div', { className: 'actions' },
        el('button', { type: 'button', className: 'replay', text: 'Replay',
          'aria-label': `Replay the session of ${session.vendor} on ${session.asset}`,
          onclick: () => this.onReplay(session) }),
        verify), status));
  }
}
