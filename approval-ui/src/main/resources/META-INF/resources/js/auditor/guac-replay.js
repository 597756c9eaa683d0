// A remote desktop recording (RDP, VNC) in Apache Guacamole's own player, Guacamole.SessionRecording from the
// vendored guacamole-common-js (a classic script, loaded on first use). The broker serves the recording as one
// Guacamole instruction stream; the player reads it whole, then plays, pauses and seeks on its own clock. Its
// display sizes itself through element.style (CSSOM, allowed by the page's style-src 'self').
import { el, notice, show } from '../dom.js';
import { loadScript } from '../scripts.js';

const LIBRARY = '/lib/guacamole-common-js/all.min.js';

function loadGuacamole() {
  return loadScript(LIBRARY).catch(() => {
    throw new Error('The player did not load; download the recording instead.');
  });
}

/** "m:ss" of a position in milliseconds. */
function clock(millis) {
  const seconds = Math.floor(millis / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export class GuacReplay {
  /** Opens the recording at {@code url} in {@code container}; call dispose() before opening another. */
  constructor(container, url, label) {
    this.container = container;
    this.screen = el('div', { id: 'guac-player', className: 'guac-screen', role: 'img', 'aria-label': label });
    this.toggle = el('button', { type: 'button', id: 'guac-play', text: 'Play', disabled: true,
      onclick: () => this.playOrPause() });
    this.seekBar = el('input', { type: 'range', id: 'guac-seek', name: 'position', min: 0, max: 0, step: 100,
      value: 0, disabled: true, oninput: () => this.seekTo(Number(this.seekBar.value)) });
    this.position = el('output', { id: 'guac-position', for: 'guac-seek', text: '0:00 / 0:00' });
    this.status = el('div', { 'aria-live': 'polite' }, notice('loading', 'Loading the recording…'));
    show(container, this.screen, el('div', { className: 'actions guac-controls' }, this.toggle,
      el('label', { className: 'inline' }, 'Position ', this.seekBar), this.position), this.status);
    this.resized = new ResizeObserver(() => this.fit());
    this.resized.observe(this.screen);
    this.open(url).catch((error) => show(this.status, notice('error', error.message)));
  }

  async open(url) {
    await loadGuacamole();
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`The broker answered ${response.status}; download the recording instead.`);
    }
    const blob = await response.blob();
    if (this.disposed) {
      return;
    }
    const recording = new globalThis.Guacamole.SessionRecording(blob);
    this.recording = recording;
    this.display = recording.getDisplay();
    this.display.onresize = () => this.fit();
    this.screen.append(this.display.getElement());
    recording.onplay = () => { this.toggle.textContent = 'Pause'; };
    recording.onpause = () => { this.toggle.textContent = 'Play'; };
    recording.onseek = (position) => this.showPosition(position);
    recording.onerror = (message) => show(this.status, notice('error', `The recording cannot be played: ${message}`));
    recording.onload = () => {
      this.seekBar.max = recording.getDuration();
      this.seekBar.disabled = false;
      this.toggle.disabled = false;
      show(this.status);
      recording.seek(0, () => this.showPosition(0));
    };
  }

  playOrPause() {
    if (this.recording.isPlaying()) {
      this.recording.pause();
    } else if (this.recording.getPosition() >= this.recording.getDuration()) {
      // At the end: play again from the start, once the player is back there.
      this.recording.seek(0, () => this.recording.play());
    } else {
      this.recording.play();
    }
  }

  seekTo(position) {
    this.recording.seek(position, () => this.showPosition(this.recording.getPosition()));
  }

  showPosition(position) {
    this.seekBar.value = position;
    this.position.textContent = `${clock(position)} / ${clock(this.recording.getDuration())}`;
  }

  /** Scales the desktop down to the width available; never up, so one recorded pixel stays one pixel. */
  fit() {
    const width = this.display?.getWidth();
    if (width) {
      this.display.scale(Math.min(1, this.screen.clientWidth / width));
    }
  }

  dispose() {
    this.disposed = true;
    this.resized.disconnect();
    if (this.recording) {
      this.recording.pause();
      this.recording.abort();
    }
  }
}
