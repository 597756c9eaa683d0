import { loadScript } from '../scripts.js';
import { cspSafeDocument, cspSafeRows } from './xterm-csp.js';

/*
 * One xterm.js terminal in a container, fitted to it, readable at a distance. Shared by the vendor's
 * browser terminal and the operator's read-only watch view.
 */

let loaded;

/** Loads the vendored xterm.js, its fit addon (which needs it first) and its style sheet once. */
function loadXterm() {
  loaded ??= (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/lib/xterm/xterm.css';
    document.head.append(css);
    await loadScript('/lib/xterm/xterm.js');
    await loadScript('/lib/xterm-addon-fit/addon-fit.js');
  })();
  return loaded;
}

/**
 * Opens a terminal in the container. readOnly: keys are not taken (watching); the caller feeds output
 * with write(). Returns { terminal, write, focus, dispose }; terminal.onData and terminal.onResize are
 * xterm's own events.
 */
export async function openTerminal(container, { readOnly = false, label = 'Terminal' } = {}) {
  await loadXterm();
  const terminal = new globalThis.Terminal({
    documentOverride: cspSafeDocument(),
    disableStdin: readOnly,
    cursorBlink: !readOnly,
    fontSize: 16,
    fontFamily: '"DejaVu Sans Mono", Menlo, Consolas, monospace',
    scrollback: 5000,
    screenReaderMode: false,
  });
  const fit = new globalThis.FitAddon.FitAddon();
  terminal.loadAddon(fit);
  container.setAttribute('aria-label', label);
  terminal.open(container);
  cspSafeRows(terminal);
  fit.fit();
  const resized = new ResizeObserver(() => fit.fit());
  resized.observe(container);
  return {
    terminal,
    write: (data) => terminal.write(data),
    focus: () => terminal.focus(),
    dispose: () => {
      resized.disconnect();
      terminal.dispose();
    },
  };
}
