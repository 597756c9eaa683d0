// The credential the broker logs in to an asset with. Write-only: the page sends a secret and shows only
// what the broker tells back (set or not, kind, username, when); the secret field is emptied after every
// attempt so it does not linger in the page.
import { api } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';
import { timeOf } from '../time.js';
import { field, select } from './forms.js';

const KINDS = [['PASSWORD', 'Password'], ['PRIVATE_KEY', 'Private key (PEM or OpenSSH, no passphrase)']];

/** The credential panel, empty until an asset is chosen. */
export class CredentialPanel {
  constructor(container) {
    this.container = container;
    this.close();
  }

  /** Empties the panel when its asset is no longer among {@code assets} (deleted). */
  keepIf(assets) {
    if (this.asset && !assets.some((asset) => asset.id === this.asset.id)) {
      this.close();
    }
  }

  close() {
    this.asset = null;
    show(this.container, notice('empty', 'Choose "Credential" on an asset to set the login the broker uses.'));
  }

  async open(asset) {
    this.asset = asset;
    this.status = el('div', { id: 'credential-status', 'aria-live': 'polite' });
    this.secretSlot = el('div');
    const kind = select({ name: 'kind', id: 'credential-kind', onchange: () => this.secretFor(kind.value) }, KINDS,
      'PASSWORD');
    this.formStatus = el('div', { 'aria-live': 'polite' });
    this.form = el('form', { id: 'credential-form', novalidate: true, autocomplete: 'off' },
      field('Kind', kind),
      field('Username on the asset', el('input', { name: 'username', id: 'credential-username',
        spellcheck: 'false' })),
      this.secretSlot,
      el('div', { className: 'actions' }, el('button', { type: 'submit', className: 'primary', text: 'Set credential' }),
        el('button', { type: 'button', className: 'danger', id: 'credential-remove', text: 'Remove credential',
          onclick: () => this.remove() })),
      this.formStatus);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.secretFor('PASSWORD');
    const heading = el('h3', { tabindex: '-1', id: 'credential-title', text: `Credential of ${asset.name}` });
    show(this.container, heading, this.status, this.form);
    heading.focus();
    await this.refresh();
  }

  /** A password field or a text area for a key; a new one each time, so nothing typed carries over. */
  secretFor(kind) {
    show(this.secretSlot, kind === 'PASSWORD'
      ? field('Password', el('input', { type: 'password', name: 'secret', id: 'credential-secret',
        autocomplete: 'new-password' }))
      : field('Private key', el('textarea', { name: 'secret', id: 'credential-secret', spellcheck: 'false',
        autocomplete: 'off' }), 'Paste the whole key, -----BEGIN … PRIVATE KEY----- included'));
  }

  async refresh() {
    try {
      this.showStatus(await api(this.path()));
    } catch (error) {
      show(this.status, notice('error', error.message));
    }
  }

  showStatus(credential) {
    show(this.status, credential.set
      ? el('p', { className: 'notice notice-ok' }, `Set: ${credential.kind === 'PASSWORD' ? 'password' : 'private key'}`
        + ` for user ${credential.username}, last changed `, timeOf(credential.updatedAt), '. It cannot be shown.')
      : notice('empty', 'No credential set: the broker cannot log in to this asset.'));
  }

  async save() {
    const secret = this.form.querySelector('[name="secret"]');
    const body = { kind: this.form.querySelector('[name="kind"]').value,
      username: this.form.querySelector('[name="username"]').value, secret: secret.value };
    secret.value = '';
    try {
      this.showStatus(await api(this.path(), { method: 'PUT', body }));
      showProblem(this.form, this.formStatus, { fieldErrors: [] });
      show(this.formStatus, notice('ok', 'Credential saved.'));
    } catch (error) {
      showProblem(this.form, this.formStatus, error);
    }
  }

  async remove() {
    if (!window.confirm(`Remove the credential of ${this.asset.name}? The broker can then no longer log in.`)) {
      return;
    }
    try {
      await api(this.path(), { method: 'DELETE' });
      show(this.formStatus, notice('ok', 'Credential removed.'));
    } catch (error) {
      show(this.formStatus, notice('error', error.status === 404 ? 'There is no credential to remove.'
        : error.message));
    }
    await this.refresh();
  }

  path() {
    return `/api/admin/assets/${this.asset.id}/credential`;
  }
}
