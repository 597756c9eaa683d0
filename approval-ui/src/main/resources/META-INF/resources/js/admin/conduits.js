// Conduits: the paths into a zone — protocols, weekly maintenance windows in a time zone (the broker
// resolves them across DST), organisations admitted, longest grant, file transfer and commands.
import { el } from '../dom.js';
import { durationText } from '../time.js';
import { AdminSection, field, numberOf, readRows, repeatable, select, valueOf, zoneSelect } from './forms.js';

const PROTOCOLS = ['SSH', 'RDP', 'VNC'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
  .map((day) => [day, day.charAt(0) + day.slice(1).toLowerCase()]);
// Left at the zone's default, the broker applies the security level's rule; it refuses anything looser.
const TRI_STATE = [['', 'Zone\'s default'], ['true', 'Yes'], ['false', 'No']];

/** The conduits section; {@code zones()} gives the current zones for the zone picker. */
export function conduitsSection(container, zones) {
  return new AdminSection(container, '/api/admin/conduits', {
    noun: 'conduit',
    columns: [
      ['Name', (conduit) => conduit.name],
      ['Zone', (conduit) => conduit.zoneName],
      ['Protocols', (conduit) => conduit.allowedProtocols.join(', ')],
      ['Maintenance windows', windowsText],
      ['Organisations', (conduit) => conduit.vendorOrganisations.join(', ') || 'none (closed to vendors)'],
      ['Longest grant', (conduit) => durationText(conduit.longestGrant)],
      ['Sessions', rulesText],
    ],
    fields: (conduit) => [
      field('Name', el('input', { name: 'name', id: 'conduit-name', required: true, value: conduit?.name })),
      field('Description', el('textarea', { name: 'description', id: 'conduit-description',
        text: conduit?.description })),
      field('Zone', zoneSelect('conduit-zone', zones(), conduit?.zoneId)),
      el('fieldset', { name: 'allowedProtocols', className: 'protocols' }, el('legend', { text: 'Protocols' }),
        PROTOCOLS.map((protocol) => el('label', { className: 'inline' }, el('input', { type: 'checkbox',
          value: protocol, id: `conduit-protocol-${protocol}`,
          checked: conduit ? conduit.allowedProtocols.includes(protocol) : protocol === 'SSH' }), ` ${protocol}`))),
      field('Time zone', el('input', { name: 'timeZone', id: 'conduit-time-zone', list: 'time-zones',
        value: conduit?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone }),
      'IANA name such as Europe/Berlin; windows keep their local hours when the clocks change'),
      el('datalist', { id: 'time-zones' }, Intl.supportedValuesOf('timeZone').map((zone) =>
        el('option', { value: zone }))),
      repeatable('maintenanceWindows', 'Maintenance windows', 'Add window', conduit?.maintenanceWindows ?? [],
        windowRow),
      el('p', { className: 'hint', text: 'No window keeps the conduit closed. An end at or before the start '
        + 'closes on the next day.' }),
      field('Organisations admitted', el('textarea', { name: 'vendorOrganisations', id: 'conduit-organisations',
        text: conduit?.vendorOrganisations.join('\n') }), 'One per line, e.g. acme-automation; none: no vendor'),
      field('Longest grant', el('input', { name: 'longestGrant', id: 'conduit-longest-grant',
        value: conduit?.longestGrant }), 'ISO-8601 such as PT2H or PT30M; empty: the zone\'s limit'),
      field('Upload to the asset', select({ name: 'uploadAllowed', id: 'conduit-upload' }, TRI_STATE,
        conduit?.uploadAllowed)),
      field('Download from the asset', select({ name: 'downloadAllowed', id: 'conduit-download' }, TRI_STATE,
        conduit?.downloadAllowed)),
      field('Keep transferred files', select({ name: 'keepTransferredFiles', id: 'conduit-keep-files' }, TRI_STATE,
        conduit?.keepTransferredFiles)),
      el('label', { className: 'inline' }, el('input', { type: 'checkbox', name: 'execAllowed',
        id: 'conduit-exec', checked: conduit?.execAllowed }), ' Commands without a shell (ssh … command); '
        + 'never in SL4'),
    ],
    bodyOf: (form) => ({
      name: valueOf(form, 'name'),
      description: valueOf(form, 'description'),
      zoneId: numberOf(valueOf(form, 'zoneId')),
      allowedProtocols: [...form.querySelectorAll('fieldset[name="allowedProtocols"] input:checked')]
        .map((box) => box.value),
      timeZone: valueOf(form, 'timeZone'),
      maintenanceWindows: readRows(form, 'maintenanceWindows'),
      vendorOrganisations: (valueOf(form, 'vendorOrganisations') ?? '').split('\n').map((line) => line.trim())
        .filter(Boolean),
      longestGrant: valueOf(form, 'longestGrant'),
      uploadAllowed: flag(valueOf(form, 'uploadAllowed')),
      downloadAllowed: flag(valueOf(form, 'downloadAllowed')),
      keepTransferredFiles: flag(valueOf(form, 'keepTransferredFiles')),
      execAllowed: form.querySelector('[name="execAllowed"]').checked,
    }),
  });
}

function windowRow(window, index) {
  const name = `maintenanceWindows[${index}]`;
  return [
    field('Day', select({ name: `${name}.dayOfWeek` }, DAYS, window?.dayOfWeek ?? 'SATURDAY')),
    field('Opens', el('input', { type: 'time', name: `${name}.start`, value: window?.start?.slice(0, 5) ?? '22:00' })),
    field('Closes', el('input', { type: 'time', name: `${name}.end`, value: window?.end?.slice(0, 5) ?? '04:00' })),
  ];
}

function windowsText(conduit) {
  if (conduit.maintenanceWindows.length === 0) {
    return 'none (closed)';
  }
  const days = Object.fromEntries(DAYS);
  return `${conduit.maintenanceWindows.map((window) => `${days[window.dayOfWeek].slice(0, 3)} `
    + `${window.start.slice(0, 5)}–${window.end.slice(0, 5)}`).join(', ')} (${conduit.timeZone})`;
}

function rulesText(conduit) {
  return [`upload ${yesNo(conduit.uploadAllowed)}`, `download ${yesNo(conduit.downloadAllowed)}`,
    `files kept ${yesNo(conduit.keepTransferredFiles)}`, `commands ${yesNo(conduit.execAllowed)}`].join(', ');
}

function yesNo(value) {
  return value ? 'yes' : 'no';
}

function flag(value) {
  return value === undefined ? undefined : value === 'true';
}
