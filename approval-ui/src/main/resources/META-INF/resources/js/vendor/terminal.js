// The vendor's browser terminal: a shell on the asset of one active SSH grant, through the broker's own SSH
// door (recorded like any SSH session). Protocol: README, "Browser terminal".
import { api, currentUser } from '../api.js';
import { el, show } from '../dom.js';
import { renderAccount } from '../header.js';
import { openTerminal } from '../terminal/terminal-view.js';

const FRESH_LOGIN = 'urn:otbroker:problem:fresh-login-required';
const REFUSED = 'the broker refused the terminal. It opens only for your own request while its SSH grant is active.';

/** Characters per input message: 6× for JSON escapes stays under the broker's 16 KiB frame limit. */
const INPUT_PIECE = 2048;

const state = document.getElementById('terminal-state');
const help = document.getElementById('terminal-help');

function setState(kind, text) {
  state.className = `terminal-state terminal-${kind}`;
  state.textContent = text;
}

/** A stale login cannot open SL3/SL4 sessions: logging out and in again (with the second factor) makes it fresh. */
function offerFreshLogin() {
  show(help, el('p', { className: 'notice notice-error', role: 'alert' },
    'This zone needs a login of the last few minutes. ',
    el('a', { href: '/app/logout', text: 'Log out and log in again' }),
    ' with your second factor, then open the terminal again.'));
}

async function connect(requestId, view) {
  setState('connecting', 'Connecting…');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/api/terminal/${requestId}`
    + `?cols=${view.terminal.cols}&rows=${view.terminal.rows}`);
  let connected = false;
  let closed = false;
  const send = (message) => {
    if (connected && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    }
  };
  // A paste arrives as one string: sent in pieces, so that even escaped in JSON none exceeds the broker's
  // frame limit (which would end the session).
  view.terminal.onData((data) => {
    for (let start = 0; start < data.length; start += INPUT_PIECE) {
      send({ type: 'input', data: data.slice(start, start + INPUT_PIECE) });
    }
  });
  view.terminal.onResize(({ cols, rows }) => send({ type: 'resize', cols, rows }));
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'output') {
      view.write(message.data);
    } else if (message.type === 'connected') {
      connected = true;
      setState('ok', 'Connected');
      send({ type: 'resize', cols: view.terminal.cols, rows: view.terminal.rows });
      view.focus();
    } else if (message.type === 'closed') {
      closed = true;
      setState('error', `${connected ? 'Session ended' : 'Not connected'}: ${message.reason}`);
      if (message.problem === FRESH_LOGIN) {
        offerFreshLogin();
      }
    }
  };
  socket.onclose = () => {
    if (!closed) {
      setState('error', connected ? 'Session ended: the connection to the broker closed.' : `Not connected: ${REFUSED}`);
    }
    connected = false;
  };
}

const user = await currentUser();
if (!user) {
  location.assign('/app/login');
} else {
  renderAccount(document.getElementById('account'), user);
  const requestId = new URLSearchParams(location.search).get('request') || '';
  if (!/^\d{1,18}$/.test(requestId)) {
    setState('error', 'Not connected: no request chosen. Open the terminal from My access.');
  } else {
    try {
      const request = await api(`/api/access-requests/${requestId}`);
      document.getElementById('terminal-title').textContent = `Terminal: ${request.assetName}`;
      document.title = `${request.assetName} · Terminal · otbroker`;
      const view = await openTerminal(document.getElementById('terminal'),
        { label: `Terminal on ${request.assetName}` });
      await connect(requestId, view);
    } catch (error) {
      setState('error', `Not connected: ${error.status === 404 ? REFUSED : error.message}`);
    }
  }
}
