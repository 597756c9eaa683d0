// The request form: asset, protocols, window (start and end, or a duration), reason, work order.
// The policy of the chosen asset is shown before anything is sent; refusals name their fields.
import { api } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';
import { instantFromLocalInput } from '../time.js';
import { policyFacts } from './policy.js';

const DURATIONS = ['PT30M', 'PT1H', 'PT2H', 'PT4H', 'PT8H'];

/** The form; {@code onCreated} runs after a request was accepted. */
export class RequestForm {
  constructor(container, onCreated) {
    this.container = container;
    this.onCreated = onCreated;
    this.assets = [];
  }

  /** Shows the form for these assets (or says there are none). */
  offer(assets) {
    this.assets = assets;
    if (assets.length === 0) {
      show(this.container, notice('empty', 'There is nothing to request.'));
      return;
    }
    this.select = el('select', { name: 'assetName', id: 'request-asset', onchange: () => this.update() },
      assets.map((asset) => el('option', { value: asset.name, text: `${asset.name} (${asset.zoneName}, `
        + `${asset.securityLevel})` })));
    this.protocols = el('fieldset', { className: 'protocols' });
    this.policy = el('div', { id: 'request-policy', 'aria-live': 'polite' });
    this.duration = el('select', { name: 'duration', id: 'request-duration' });
    this.status = el('div', { 'aria-live': 'polite' });
    this.form = el('form', { id: 'access-request', novalidate: true, onsubmit: (event) => this.submit(event) },
      el('label', {}, 'Asset', this.select),
      this.policy,
      this.protocols,
      el('label', {}, 'Start', el('span', { className: 'hint', text: 'Leave empty to start now' }),
        el('input', { type: 'datetime-local', name: 'start', id: 'request-start' })),
      el('label', {}, 'Length', this.duration),
      el('label', {}, 'Or until', el('span', { className: 'hint', text: 'An end instead of a length' }),
        el('input', { type: 'datetime-local', name: 'end', id: 'request-end' })),
      el('label', {}, 'Reason', el('textarea', { name: 'reason', id: 'request-reason', required: true })),
      el('label', {}, 'Work order', el('input', { name: 'workOrder', id: 'request-work-order' })),
      el('div', { className: 'actions' }, el('button', { type: 'submit', className: 'primary',
        text: 'Send request' })),
      this.status);
    show(this.container, this.form);
    this.update();
  }

  /** Selects an asset from the catalogue and moves the keyboard focus to the form. */
  choose(asset) {
    this.select.value = asset.name;
    this.update();
    this.form.querySelector('#request-reason').focus();
  }

  update() {
    const asset = this.assets.find((candidate) => candidate.name === this.select.value);
    show(this.policy, el('p', { className: 'hint', text: 'What the policy will require:' }), policyFacts(asset));
    show(this.protocols, el('legend', { text: 'Protocols' }), asset.protocols.map((protocol, index) =>
      el('label', { className: 'inline' }, el('input', { type: 'checkbox', name: 'protocols', value: protocol,
        checked: index === 0 }), ` ${protocol}`)));
    const longest = seconds(asset.longestGrant);
    show(this.duration, el('option', { value: '', text: 'Until the end below' }),
      DURATIONS.filter((duration) => seconds(duration) <= longest).map((duration) =>
        el('option', { value: duration, text: duration.slice(2).toLowerCase().replace('h', ' h').replace('m', ' min'),
          selected: duration === 'PT1H' })));
  }

  async submit(event) {
    event.preventDefault();
    const data = new FormData(this.form);
    const body = {
      assetName: data.get('assetName'),
      protocols: data.getAll('protocols'),
      start: instantFromLocalInput(data.get('start')),
      end: instantFromLocalInput(data.get('end')),
      duration: data.get('end') ? undefined : data.get('duration') || undefined,
      reason: data.get('reason'),
      workOrder: data.get('workOrder') || undefined,
    };
    show(this.status, notice('loading', 'Sending…'));
    try {
      const created = await api('/api/access-requests', { method: 'POST', body });
      showProblem(this.form, this.status, { fieldErrors: [] });
      show(this.status, notice('ok', `Request ${created.id} for ${created.assetName} sent: ${created.state}.`));
      this.form.querySelector('#request-reason').value = '';
      this.onCreated();
    } catch (error) {
      showProblem(this.form, this.status, error);
    }
  }
}

function seconds(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?/.exec(iso || '');
  return match ? (Number(match[1] || 0) * 3600) + (Number(match[2] || 0) * 60) : 0;
}
