// The vendor's page: catalogue, request form, own requests (live) and SSH keys.
import { currentUser } from '../api.js';
import { notice, show } from '../dom.js';
import { renderAccount } from '../header.js';
import { showCatalogue } from './catalogue.js';
import { RequestForm } from './request-form.js';
import { MyRequests } from './requests.js';
import { showSshKeys } from './ssh-keys.js';

const user = await currentUser();
if (!user) {
  location.assign('/app/login');
} else {
  renderAccount(document.getElementById('account'), user);
  const requests = new MyRequests(document.getElementById('requests'), document.getElementById('requests-live'),
    user.username);
  const form = new RequestForm(document.getElementById('request-form'), () => requests.refresh());
  showCatalogue(document.getElementById('catalogue'), (assets) => form.offer(assets), (asset) => form.choose(asset))
    .catch((error) => show(document.getElementById('catalogue'), notice('error', error.message)));
  requests.start();
  showSshKeys(document.getElementById('ssh-keys'));
}
