// The assets this vendor may request, each with the policy that will apply.
import { api } from '../api.js';
import { el, notice, show } from '../dom.js';
import { policyFacts } from './policy.js';

/** Loads and shows the catalogue; hands the assets to the form and the chosen one on "Request". */
export async function showCatalogue(container, onLoaded, onChoose) {
  const assets = await api('/api/assets');
  onLoaded(assets);
  if (assets.length === 0) {
    show(container, notice('empty', 'No asset is open to your company through a conduit yet.'));
    return;
  }
  show(container, el('ul', { className: 'cards' }, assets.map((asset) => el('li', { className: 'card',
    'data-asset': asset.name },
  el('h3', { text: asset.name }),
  asset.description ? el('p', { text: asset.description }) : null,
  policyFacts(asset),
  el('button', { type: 'button', className: 'primary', text: `Request ${asset.name}`,
    onclick: () => onChoose(asset) })))));
}
