// Zones: name, IEC 62443 security level and description; a zone with assets or conduits is not deleted.
import { el } from '../dom.js';
import { durationText } from '../time.js';
import { AdminSection, field, select, valueOf } from './forms.js';

const LEVELS = ['SL1', 'SL2', 'SL3', 'SL4'].map((level) => [level, level]);

/** The zones section; {@code onChange} gets the zones after every change. */
export function zonesSection(container, onChange) {
  const section = new AdminSection(container, '/api/admin/zones', {
    noun: 'zone',
    columns: [
      ['Name', (zone) => zone.name],
      ['Level', (zone) => zone.securityLevel],
      ['What the level means', levelText],
      ['Description', (zone) => zone.description],
    ],
    fields: (zone) => [
      field('Name', el('input', { name: 'name', id: 'zone-name', required: true, value: zone?.name })),
      field('Security level', select({ name: 'securityLevel', id: 'zone-level' }, LEVELS,
        zone?.securityLevel ?? 'SL2'), 'Conduits may be stricter than their zone\'s level, never looser'),
      field('Description', el('textarea', { name: 'description', id: 'zone-description',
        text: zone?.description })),
    ],
    bodyOf: (form) => ({
      name: valueOf(form, 'name'),
      securityLevel: valueOf(form, 'securityLevel'),
      description: valueOf(form, 'description'),
    }),
    onChange: () => onChange(section.rows),
  });
  return section;
}

function levelText({ levelDefaults: level }) {
  const approvals = level.approvalsNeeded === 1 ? '1 approval' : `${level.approvalsNeeded} approvals`;
  return `${approvals}, grants up to ${durationText(level.longestGrant)}, supervision ${
    level.supervision.toLowerCase()}, file transfer ${level.fileTransfer.toLowerCase().replace('_', ' ')}`;
}
