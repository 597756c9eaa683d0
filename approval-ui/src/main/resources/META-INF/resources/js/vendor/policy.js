// What the policy will require for an asset, in words, before the vendor asks.
import { el } from '../dom.js';
import { durationText } from '../time.js';

const SUPERVISION = {
  NONE: 'No',
  OPTIONAL: 'An operator may watch',
  REQUIRED: 'An operator must watch the whole session',
};

/** The policy facts of a requestable asset as a definition list. */
export function policyFacts(asset) {
  const facts = [
    ['Zone', asset.zoneName],
    ['Security level', asset.securityLevel],
    ['Protocols', asset.protocols.join(', ') || 'none'],
    ['Approvals', asset.approvalsNeeded === 1 ? '1 operator' : `${asset.approvalsNeeded} different operators`],
    ['Longest grant', durationText(asset.longestGrant)],
    ['Supervision', SUPERVISION[asset.supervision] || asset.supervision],
    ['Code per session', asset.perSessionMfa ? 'Yes, a one-time code for every connection' : 'No'],
    ['Work order', asset.workOrderRequired ? 'Required' : 'Optional'],
    ['Windows', windowsText(asset.conduits)],
  ];
  return el('dl', { className: 'facts' }, facts.flatMap(([term, value]) => [el('dt', { text: term }),
    el('dd', { text: value })]));
}

function windowsText(conduits) {
  if (conduits.some(aroundTheClock)) {
    return 'Any time';
  }
  const windows = conduits.flatMap((conduit) => conduit.maintenanceWindows.map((window) =>
    `${capitalise(window.dayOfWeek)} ${window.start.slice(0, 5)}–${window.end.slice(0, 5)} (${conduit.timeZone})`));
  return windows.length ? windows.join('; ') : 'None: no window is open';
}

/** A conduit whose windows cover every day from midnight to midnight. */
function aroundTheClock(conduit) {
  const wholeDays = conduit.maintenanceWindows.filter((window) => window.start === window.end
    && window.start.startsWith('00:00'));
  return new Set(wholeDays.map((window) => window.dayOfWeek)).size === 7;
}

function capitalise(day) {
  return day.charAt(0) + day.slice(1, 3).toLowerCase();
}
