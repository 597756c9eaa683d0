// The one-time connect code an SSH session into an SL3/SL4 zone asks for after the key: shown once, with
// when it stops working. The broker gives it only to a login of the last few minutes.
import { api } from '../api.js';
import { el, notice, show } from '../dom.js';
import { timeOf } from '../time.js';

const FRESH_LOGIN = 'urn:otbroker:problem:fresh-login-required';

/** A "Get connect code" button for an active grant, with the place its answer shows. */
export function connectCodeButton(request) {
  const answer = el('div', { className: 'code-answer', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', text: 'Get connect code',
    'aria-label': `Get a one-time SSH connect code for ${request.assetName}`,
    onclick: () => fetchCode(request, button, answer) });
  return el('div', { className: 'connect-code-box' }, button, answer);
}

async function fetchCode(request, button, answer) {
  button.disabled = true;
  try {
    const issued = await api(`/api/access-requests/${request.id}/connect-code`, { method: 'POST' });
    show(answer, el('p', {}, 'Type at the prompt “One-time connect code:” ',
      el('strong', { className: 'connect-code', text: issued.code }),
      el('span', { className: 'hint' }, ' valid once, until ', timeOf(issued.expiresAt))));
  } catch (error) {
    show(answer, error.problemType === FRESH_LOGIN
      ? el('p', { className: 'notice notice-error', role: 'alert' }, `${error.message} `,
        el('a', { href: '/app/logout', text: 'Log out and log in again' }))
      : notice('error', error.message));
  } finally {
    button.disabled = false;
  }
}
