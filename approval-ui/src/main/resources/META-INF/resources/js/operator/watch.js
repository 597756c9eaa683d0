// The operator's read-only view of one live session: the vendor's screen fed by the watch socket, who
// watches, and terminate with a reason. Watching a session that waits for a supervisor (SL4) releases it.
import { api, currentUser } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';
import { renderAccount } from '../header.js';
import { openTerminal } from '../terminal/terminal-view.js';
import { timeOf } from '../time.js';
import { supervisionText } from './sessions.js';

const REFRESH_MILLIS = 3000;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One watched session: terminal, facts, connection state and the terminate form. */
class WatchView {
  constructor(id) {
    this.id = id;
    this.size = null;
    this.opened = false;
    this.ended = false;
    this.form = document.getElementById('watch-terminate');
  }

  async start() {
    try {
      this.view = await openTerminal(document.getElementById('watch-terminal'),
        { readOnly: true, label: 'The vendor\'s screen, read-only' });
    } catch (error) {
      state('error', `The terminal could not be shown: ${error.message}`);
      return;
    }
    // Read-only: keys stay with the page (Tab moves on) instead of being taken by the terminal.
    this.view.terminal.attachCustomKeyEventHandler(() => false);
    // The vendor's terminal size wins over fitting the view to the panel, so that the screen looks as theirs.
    this.view.terminal.onResize(({ cols, rows }) => {
      if (this.size && (cols !== this.size.cols || rows !== this.size.rows)) {
        this.view.terminal.resize(this.size.cols, this.size.rows);
      }
    });
    this.form.addEventListener('submit', (event) => this.terminate(event));
    this.connect();
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MILLIS);
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/sessions/${this.id}/watch`);
    socket.addEventListener('open', () => {
      this.opened = true;
      state('ok', '● Live: you are watching this session.');
    });
    socket.addEventListener('message', (event) => this.show(JSON.parse(event.data)));
    // A normal close is the session's end; another code says why the stream stopped (e.g. fell behind).
    socket.addEventListener('close', (event) => this.end(event.code === 1000 ? '' : event.reason));
  }

  /** An asciicast line: the header (an object), then events [time, type, data]. */
  show(message) {
    if (!Array.isArray(message)) {
      this.resize(message.width, message.height);
      return;
    }
    const [, type, data] = message;
    if (type === 'o') {
      this.view.write(data);
    } else if (type === 'r') {
      const [cols, rows] = data.split('x').map(Number);
      this.resize(cols, rows);
    }
  }

  resize(cols, rows) {
    if (!(cols > 0 && rows > 0)) {
      return;
    }
    this.size = { cols, rows };
    this.view.terminal.resize(cols, rows);
    document.getElementById('watch-size').textContent = `The vendor's terminal: ${cols} × ${rows}`;
  }

  end(reason) {
    if (this.ended) {
      return;
    }
    this.ended = true;
    clearInterval(this.timer);
    if (this.opened) {
      state('ended', `Session ended.${reason ? ` (${reason})` : ''}`);
      this.view.write('\r\n\x1b[7m[ Session ended ]\x1b[0m\r\n');
    } else {
      state('ended', 'Session ended, or not watchable: it is not live on this broker.');
    }
    this.form.querySelectorAll('textarea, button').forEach((control) => { control.disabled = true; });
    this.refresh();
  }

  async refresh() {
    const facts = document.getElementById('watch-facts');
    try {
      const session = (await api('/api/sessions')).find((live) => live.id === this.id);
      if (!session) {
        show(facts, notice('info', 'This session is no longer live.'));
        return;
      }
      document.getElementById('watch-title').textContent = `Watching ${session.vendor} on ${session.asset}`;
      show(facts, el('dl', { className: 'facts', id: 'watch-details' }, [
        ['Vendor', session.vendor], ['Asset', session.asset], ['Protocol', session.protocol],
        ['Started', timeOf(session.started)], ['Grant ends', timeOf(session.grantEnd)],
        ['Supervision', supervisionText(session.supervision)],
        ['Watching', session.watchers.length === 0 ? 'nobody' : session.watchers.join(', ')],
        ['Traffic', `${session.bytesToAsset} bytes to the asset, ${session.bytesFromAsset} back`],
      ].flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { 'data-fact': term }, value)])));
    } catch (error) {
      show(facts, notice('error', error.message));
    }
  }

  async terminate(event) {
    event.preventDefault();
    const status = document.getElementById('terminate-status');
    try {
      await api(`/api/sessions/${this.id}/terminate`, { method: 'POST',
        body: { reason: new FormData(this.form).get('reason') } });
      show(status, notice('ok', 'Terminated: the session is closing.'));
    } catch (error) {
      showProblem(this.form, status, error);
    }
  }
}

/** The connection state line: live, ended or an error, announced to screen readers. */
function state(kind, text) {
  const line = document.getElementById('watch-state');
  line.className = `notice notice-${kind}`;
  line.textContent = text;
}

const user = await currentUser();
if (!user) {
  location.assign('/app/login');
} else {
  renderAccount(document.getElementById('account'), user);
  const id = new URLSearchParams(location.search).get('session') || '';
  if (SESSION_ID.test(id)) {
    new WatchView(id.toLowerCase()).start();
  } else {
    state('error', 'No session chosen: go back to the live sessions and choose one to watch.');
    document.querySelectorAll('#watch-terminate textarea, #watch-terminate button')
      .forEach((control) => { control.disabled = true; });
  }
}
