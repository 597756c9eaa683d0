// Assets: name, zone, where the broker reaches them (one endpoint per protocol) and the pinned SSH host
// key, which the broker needs before it opens any SSH session (it never trusts a key on first use).
import { el } from '../dom.js';
import { AdminSection, field, numberOf, readRows, repeatable, select, valueOf, zoneSelect } from './forms.js';

const PROTOCOLS = ['SSH', 'RDP', 'VNC'].map((protocol) => [protocol, protocol]);
const DEFAULT_PORTS = { SSH: 22, RDP: 3389, VNC: 5900 };

/**
 * The assets section; {@code zones()} gives the current zones, {@code onCredential(asset)} opens an asset's
 * credential and {@code onChange(assets)} runs after every change.
 */
export function assetsSection(container, zones, onCredential, onChange) {
  const section = new AdminSection(container, '/api/admin/assets', {
    noun: 'asset',
    onChange: () => onChange(section.rows),
    columns: [
      ['Name', (asset) => asset.name],
      ['Zone', (asset) => asset.zoneName],
      ['Endpoints', (asset) => asset.endpoints.map((e) => `${e.protocol} ${e.host}:${e.port}`).join(', ') || 'none'],
      ['SSH host key', (asset) => asset.sshHostKeyFingerprint
        ? el('code', { text: asset.sshHostKeyFingerprint }) : 'not pinned (no SSH)'],
      ['Description', (asset) => asset.description],
    ],
    rowActions: (asset) => el('button', { type: 'button', text: 'Credential',
      'aria-label': `Credential of asset ${asset.name}`, onclick: () => onCredential(asset) }),
    fields: (asset) => [
      field('Name', el('input', { name: 'name', id: 'asset-name', required: true, value: asset?.name,
        spellcheck: 'false' }), 'Lower-case letters, digits and "-"; vendors type it in their ssh command'),
      field('Description', el('textarea', { name: 'description', id: 'asset-description',
        text: asset?.description })),
      field('Zone', zoneSelect('asset-zone', zones(), asset?.zoneId)),
      repeatable('endpoints', 'Endpoints', 'Add endpoint', asset?.endpoints ?? [{ protocol: 'SSH', port: 22 }],
        endpointRow),
      field('Pinned SSH host key', el('textarea', { name: 'sshHostKey', id: 'asset-host-key', spellcheck: 'false',
        text: asset?.sshHostKey }), 'The asset\'s public host key line, e.g. from /etc/ssh/ssh_host_ed25519_key.pub; '
        + 'compare its fingerprint with ssh-keygen -l on the asset'),
    ],
    bodyOf: (form) => ({
      name: valueOf(form, 'name'),
      description: valueOf(form, 'description'),
      zoneId: numberOf(valueOf(form, 'zoneId')),
      endpoints: readRows(form, 'endpoints').map((endpoint) => ({ protocol: endpoint.protocol,
        host: endpoint.host.trim() || undefined, port: numberOf(endpoint.port) })),
      sshHostKey: valueOf(form, 'sshHostKey'),
    }),
  });
  return section;
}

function endpointRow(endpoint, index) {
  const name = `endpoints[${index}]`;
  const port = el('input', { type: 'number', name: `${name}.port`, min: '1', max: '65535',
    value: endpoint?.port ?? 22 });
  const protocol = select({ name: `${name}.protocol` }, PROTOCOLS, endpoint?.protocol ?? 'SSH');
  // A new endpoint's port follows its protocol until someone types one.
  protocol.addEventListener('change', () => {
    if (Object.values(DEFAULT_PORTS).includes(Number(port.value))) {
      port.value = DEFAULT_PORTS[protocol.value];
    }
  });
  return [field('Protocol', protocol),
    field('Host', el('input', { name: `${name}.host`, value: endpoint?.host, spellcheck: 'false' })),
    field('Port', port)];
}
