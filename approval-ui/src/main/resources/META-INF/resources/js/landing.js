// The landing page: a logged-in user goes on to their role's home; anyone else sees "Log in".
import { currentUser } from './api.js';
import { el, notice, show } from './dom.js';
import { homeOf, renderAccount } from './header.js';

const status = document.getElementById('landing-status');

try {
  const user = await currentUser();
  if (!user) {
    show(status, el('a', { className: 'button primary', id: 'login', href: '/app/login', text: 'Log in' }),
      el('p', { text: 'You log in with your password and the one-time code from your authenticator app.' }));
  } else if (homeOf(user)) {
    location.replace(homeOf(user));
  } else {
    renderAccount(document.getElementById('account'), user);
    show(status, notice('info', `Logged in as ${user.username}. Your role (${user.roles.join(', ')}) works `
      + 'through the broker\'s API; it has no pages here.'));
  }
} catch (error) {
  show(status, notice('error', error.message));
}
