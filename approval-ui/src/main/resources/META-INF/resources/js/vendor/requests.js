// The vendor's own requests with their live state, re-read whenever the broker pushes a change of one of
// them (the stream carries only this vendor's changes); cancel; and for an active SSH grant the SSH command
// (host and port as the broker says), its browser terminal, and for SL3/SL4 zones the one-time connect code.
import { api } from '../api.js';
import { el, notice, show } from '../dom.js';
import { timeOf } from '../time.js';
import { connectCodeButton } from './connect-code.js';

/** While the stream is down, the list is still re-read this often. */
const FALLBACK_MILLIS = 30000;
const CANCELLABLE = new Set(['PENDING', 'APPROVED']);
// Zones whose SSH sessions need a one-time connect code after the key.
const PER_SESSION_CODE = new Set(['SL3', 'SL4']);

/** The list of own requests, kept current while the page is open. */
export class MyRequests {
  constructor(container, liveMark, username) {
    this.container = container;
    this.liveMark = liveMark;
    this.username = username;
    this.shown = null;
    this.frontDoor = null;
    this.fallback = null;
    this.stream = null;
  }

  start() {
    this.refresh();
    // EventSource reconnects by itself (the stream ends with the session's token); every (re)connect
    // re-reads the list, since changes made while disconnected are not replayed.
    const stream = new EventSource('/api/access-requests/stream');
    this.stream = stream;
    stream.addEventListener('open', () => {
      clearInterval(this.fallback);
      this.fallback = null;
      this.mark('● live', 'live');
      this.refresh();
    });
    stream.addEventListener('error', () => {
      this.mark('● reconnecting', 'live offline');
      this.fallback ??= setInterval(() => this.refresh(), FALLBACK_MILLIS);
    });
    stream.addEventListener('access-change', () => this.refresh());
  }

  mark(text, className) {
    this.liveMark.textContent = text;
    this.liveMark.className = className;
  }

  async refresh() {
    try {
      const page = await api('/api/access-requests?size=100');
      if (this.stream?.readyState === EventSource.OPEN) {
        this.mark('● live', 'live');
      }
      if (page.items.some(isActiveSsh) && !this.frontDoor) {
        this.frontDoor = await api('/api/ssh-front-door');
      }
      const fingerprint = JSON.stringify(page.items);
      if (fingerprint !== this.shown) {
        this.shown = fingerprint;
        this.render(page.items);
      }
    } catch (error) {
      this.mark('● not updating', 'live offline');
      if (this.shown === null) {
        show(this.container, notice('error', error.message));
      }
    }
  }

  render(items) {
    if (items.length === 0) {
      show(this.container, notice('empty', 'You have no requests yet. Choose an asset below to request access.'));
      return;
    }
    show(this.container, el('div', { className: 'table-wrap' }, el('table', { id: 'my-requests' },
      el('thead', {}, el('tr', {}, ['#', 'Asset', 'State', 'Window', 'Reason', ''].map((title) =>
        el('th', { scope: 'col', text: title })))),
      el('tbody', {}, items.map((request) => this.row(request))))));
  }

  row(request) {
    const start = request.grantStart || request.requestedStart;
    const end = request.grantEnd || request.requestedEnd;
    return el('tr', { 'data-request': request.id },
      el('td', { text: String(request.id) }),
      el('td', {}, `${request.assetName} `, el('span', { className: 'hint',
        text: `${request.zoneName}, ${request.securityLevel}` })),
      el('td', {}, el('span', { className: `state state-${request.state}`, text: request.state }),
        request.stateReason ? el('div', { className: 'hint', text: request.stateReason }) : null),
      el('td', {}, timeOf(start), ' – ', timeOf(end)),
      el('td', { text: request.reason || '' }),
      el('td', {}, this.actions(request)));
  }

  actions(request) {
    if (isActiveSsh(request) && this.frontDoor) {
      return el('div', { className: 'grant-actions' },
        sshCommand(this.frontDoor, this.username, request.assetName),
        el('div', { className: 'actions' },
          el('a', { className: 'button primary', href: `/vendor/terminal.html?request=${request.id}`,
            text: 'Open terminal', 'aria-label': `Open a terminal on ${request.assetName} in the browser` }),
          PER_SESSION_CODE.has(request.securityLevel) ? connectCodeButton(request) : null));
    }
    if (CANCELLABLE.has(request.state)) {
      return el('button', { type: 'button', className: 'danger', text: 'Cancel',
        'aria-label': `Cancel request ${request.id}`, onclick: (event) => this.cancel(request, event.target) });
    }
    return null;
  }

  async cancel(request, button) {
    button.disabled = true;
    try {
      await api(`/api/access-requests/${request.id}/cancel`, { method: 'POST' });
    } catch (error) {
      button.after(notice('error', error.message));
    }
    await this.refresh();
  }
}

function isActiveSsh(request) {
  return request.state === 'ACTIVE' && request.protocols.includes('SSH');
}

function sshCommand(frontDoor, username, assetName) {
  const command = `ssh -p ${frontDoor.port} ${username}:${assetName}@${frontDoor.host}`;
  const code = el('code', { className: 'ssh-command', text: command });
  const status = el('span', { className: 'hint', 'aria-live': 'polite' });
  return el('div', { className: 'command' }, code,
    el('button', { type: 'button', text: 'Copy', 'aria-label': `Copy the SSH command for ${assetName}`,
      onclick: () => navigator.clipboard.writeText(command)
        .then(() => { status.textContent = 'Copied'; },
          () => { status.textContent = 'Select the command and copy it'; }) }),
    status);
}
