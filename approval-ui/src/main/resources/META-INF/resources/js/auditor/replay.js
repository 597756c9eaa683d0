// One session's recording: downloads (plain same-origin links, the session cookie is the credential) and, for
// terminal sessions, a replay in the vendored asciinema player fed from the broker's asciicast file. The player
// comes from a classic script (window.AsciinemaPlayer); its own controls play, pause and seek (also by keyboard:
// space, arrow keys), the speed selector restarts it at the same moment at the new speed. Remote desktop sessions
// (RDP, VNC: recorded in the Guacamole format) play in Guacamole's own player.
import { el, notice, show } from '../dom.js';
import { timeOf } from '../time.js';
import { GuacReplay } from './guac-replay.js';

const SPEEDS = [0.5, 1, 2, 4, 8];
// The recording format follows the protocol: terminal sessions asciicast, remote desktops Guacamole.
const DESKTOPS = ['RDP', 'VNC'];

export class Replay {
  constructor(container) {
    this.container = container;
    this.player = null;
  }

  /** Shows the recording of {@code session} (a row of the session history). */
  open(session) {
    this.close();
    const recording = `/api/recordings/${session.id}`;
    const downloads = el('ul', { className: 'downloads', 'aria-label': 'Downloads' },
      el('li', {}, el('a', { href: recording, download: `${session.id}.zip`, id: 'download-recording',
        text: 'Recording with manifest and signature (zip)' })),
      el('li', {}, el('a', { href: `${recording}/manifest`, download: `${session.id}-manifest.json`,
        id: 'download-manifest', text: 'Signed manifest (JSON)' })),
      el('li', {}, el('a', { href: '/api/recordings/public-key', download: 'recording-signing-key.pem',
        id: 'download-public-key', text: 'The broker\'s public key (PEM)' })));
    const heading = el('p', { className: 'replay-title' }, el('strong', { text: session.vendor }),
      ` on ${session.asset} (${session.protocol}), started `, timeOf(session.started));
    if (!session.ended) {
      show(this.container, heading, notice('info', 'The session is still live: its recording can be replayed '
        + 'and downloaded once it has ended.'));
    } else if (DESKTOPS.includes(session.protocol)) {
      const screen = el('div', { className: 'player' });
      show(this.container, heading, screen, downloads);
      this.desktop = new GuacReplay(screen, `${recording}/guac`,
        `Recorded desktop of ${session.vendor} on ${session.asset}`);
    } else if (session.protocol !== 'SSH') {
      show(this.container, heading, notice('info', 'Replay is not available in the browser for this recording; '
        + 'download it.'), downloads);
    } else {
      this.screen = el('div', { id: 'player', className: 'player' });
      this.speed = el('select', { id: 'replay-speed', name: 'speed', onchange: () => this.changeSpeed() },
        SPEEDS.map((speed) => el('option', { value: speed, text: `${speed}×`, selected: speed === 1 })));
      show(this.container, heading, this.screen,
        el('div', { className: 'actions' }, el('label', { className: 'inline' }, 'Speed ', this.speed)),
        downloads);
      this.cast = `${recording}/cast`;
      this.start(0);
    }
    this.container.scrollIntoView({ block: 'start' });
  }

  start(startAt) {
    if (!window.AsciinemaPlayer) {
      show(this.screen, notice('error', 'The player did not load; download the recording instead.'));
      return;
    }
    this.player = window.AsciinemaPlayer.create(this.cast, this.screen, {
      autoPlay: true, startAt, speed: Number(this.speed.value), fit: 'width', controls: true,
    });
  }

  async changeSpeed() {
    const at = this.player ? await this.player.getCurrentTime() : 0;
    this.close();
    this.start(at);
  }

  close() {
    if (this.desktop) {
      this.desktop.dispose();
      this.desktop = null;
    }
    if (this.player) {
      this.player.dispose();
      this.player = null;
    }
  }
}
