// The vendor's SSH public keys: add one pasted from ~/.ssh/*.pub, list, revoke.
import { api } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';
import { instantFromLocalInput, timeOf } from '../time.js';

/** Shows the key list and the form to add one. */
export async function showSshKeys(container) {
  const list = el('div', { id: 'ssh-key-list' });
  const status = el('div', { 'aria-live': 'polite' });
  const form = el('form', { id: 'ssh-key-form', novalidate: true },
    el('label', {}, 'Public key', el('span', { className: 'hint', text: 'The line from your .pub file' }),
      el('textarea', { name: 'publicKey', id: 'ssh-public-key', required: true, spellcheck: 'false' })),
    el('label', {}, 'Comment', el('input', { name: 'comment', id: 'ssh-comment' })),
    el('label', {}, 'Expires', el('input', { type: 'datetime-local', name: 'expiresAt', id: 'ssh-expires' })),
    el('div', { className: 'actions' }, el('button', { type: 'submit', className: 'primary', text: 'Add key' })),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api('/api/ssh-keys', { method: 'POST', body: { publicKey: data.get('publicKey').trim(),
        comment: data.get('comment') || undefined, expiresAt: instantFromLocalInput(data.get('expiresAt')) } });
      form.reset();
      showProblem(form, status, { fieldErrors: [] });
      show(status, notice('ok', 'Key added.'));
      await refresh(list);
    } catch (error) {
      showProblem(form, status, error);
    }
  });
  show(container, el('div', { className: 'columns' }, list, form));
  await refresh(list);
}

async function refresh(list) {
  try {
    render(list, await api('/api/ssh-keys'));
  } catch (error) {
    show(list, notice('error', error.message));
  }
}

function render(list, keys) {
  if (keys.length === 0) {
    show(list, notice('empty', 'No SSH key yet. Add one to use the SSH command of an active grant.'));
    return;
  }
  show(list, el('div', { className: 'table-wrap' }, el('table', {},
    el('thead', {}, el('tr', {}, ['Fingerprint', 'Comment', 'Expires', 'Usable', ''].map((title) =>
      el('th', { scope: 'col', text: title })))),
    el('tbody', {}, keys.map((key) => el('tr', { 'data-key': key.id },
      el('td', {}, el('code', { text: key.fingerprint })),
      el('td', { text: key.comment || '' }),
      el('td', {}, timeOf(key.expiresAt)),
      el('td', { text: key.usable ? 'Yes' : (key.revokedAt ? 'Revoked' : 'Expired') }),
      el('td', {}, key.revokedAt ? null : el('button', { type: 'button', className: 'danger', text: 'Revoke',
        'aria-label': `Revoke key ${key.fingerprint}`, onclick: () => revoke(list, key) }))))))));
}

async function revoke(list, key) {
  try {
    await api(`/api/ssh-keys/${key.id}`, { method: 'DELETE' });
  } catch (error) {
    list.prepend(notice('error', error.message));
    return;
  }
  await refresh(list);
}
