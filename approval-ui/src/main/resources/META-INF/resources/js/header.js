// The page header: who is logged in, with which roles, the pages those roles may open, and logout.
import { el, show } from './dom.js';

// Someone who is both vendor and operator acts as a vendor (the broker lets them review nothing).
const PAGES = [
  { opens: (roles) => roles.includes('vendor'), href: '/vendor/', label: 'My access' },
  { opens: (roles) => roles.includes('operator') && !roles.includes('vendor'), href: '/operator/',
    label: 'Approvals' },
  { opens: (roles) => roles.includes('auditor'), href: '/auditor/', label: 'Evidence' },
  { opens: (roles) => roles.includes('admin'), href: '/admin/', label: 'Plant model' },
];

/** The home page of a user: the first page their roles may open, or null. */
export function homeOf(user) {
  const page = PAGES.find(({ opens }) => opens(user.roles));
  return page ? page.href : null;
}

/** Fills the header's account area for a logged-in user. */
export function renderAccount(container, user) {
  const links = PAGES.filter(({ opens }) => opens(user.roles))
    .map(({ href, label }) => el('a', { href, text: label,
      'aria-current': location.pathname === href ? 'page' : undefined }));
  show(container,
    el('nav', { 'aria-label': 'Pages' }, links),
    el('span', { className: 'who' },
      el('strong', { id: 'user-name', text: user.username }),
      el('span', { className: 'roles', text: ` (${user.roles.join(', ')})` })),
    el('a', { className: 'button secondary', href: '/app/logout', id: 'logout', text: 'Log out' }));
}
