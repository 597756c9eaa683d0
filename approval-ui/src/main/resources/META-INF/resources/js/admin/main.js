// The admin's page: the plant model (zones, conduits, assets) and the assets' write-only credentials.
import { currentUser } from '../api.js';
import { renderAccount } from '../header.js';
import { assetsSection } from './assets.js';
import { conduitsSection } from './conduits.js';
import { CredentialPanel } from './credential.js';
import { fillZoneSelects } from './forms.js';
import { zonesSection } from './zones.js';

const user = await currentUser();
if (!user) {
  location.assign('/app/login');
} else {
  renderAccount(document.getElementById('account'), user);
  const credential = new CredentialPanel(document.getElementById('credential'));
  const zones = zonesSection(document.getElementById('zones'), (current) => {
    fillZoneSelects(current);
    // Zone names and levels show in the other tables.
    conduits.refresh();
    assets.refresh();
  });
  const conduits = conduitsSection(document.getElementById('conduits'), () => zones.rows);
  const assets = assetsSection(document.getElementById('assets'), () => zones.rows,
    (asset) => credential.open(asset), (current) => credential.keepIf(current));
  // Zones first: the other forms pick from them.
  await zones.start();
  await Promise.all([conduits.start(), assets.start()]);
}
