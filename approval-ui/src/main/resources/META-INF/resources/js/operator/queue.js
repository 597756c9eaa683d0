// The approval queue and the current grants, re-read whenever the broker pushes an access change.
import { api } from '../api.js';
import { el, notice, show } from '../dom.js';
import { timeOf } from '../time.js';

/** Lists pending requests and current grants; stays live through the access-change stream. */
export class Queue {
  constructor(containers, onOpen, onChange) {
    this.containers = containers;
    this.onOpen = onOpen;
    this.onChange = onChange;
  }

  start() {
    this.refresh();
    // EventSource reconnects by itself (the stream ends with the session's token); every (re)connect
    // re-reads the lists, since changes made while disconnected are not replayed.
    const stream = new EventSource('/api/access-requests/stream');
    stream.addEventListener('open', () => {
      this.mark('● live', 'live');
      this.refresh();
    });
    stream.addEventListener('error', () => this.mark('● reconnecting', 'live offline'));
    stream.addEventListener('access-change', (event) => {
      this.refresh();
      this.onChange(JSON.parse(event.data));
    });
  }

  mark(text, className) {
    this.containers.liveMark.textContent = text;
    this.containers.liveMark.className = className;
  }

  async refresh() {
    await Promise.all([
      this.fill(this.containers.queue, 'PENDING', 'queue-table', 'Nothing waits for review.'),
      this.fill(this.containers.grants, ['APPROVED', 'ACTIVE'], 'grants-table', 'No approved or active grant.'),
    ]);
  }

  async fill(container, states, id, emptyText) {
    try {
      const pages = await Promise.all([states].flat().map((state) =>
        api(`/api/access-requests?state=${state}&size=200`)));
      const items = pages.flatMap((page) => page.items);
      show(container, items.length === 0 ? notice('empty', emptyText) : this.table(id, items));
    } catch (error) {
      show(container, notice('error', error.message));
    }
  }

  table(id, items) {
    return el('div', { className: 'table-wrap' }, el('table', { id },
      el('thead', {}, el('tr', {}, ['#', 'Vendor', 'Asset', 'Window', 'State'].map((title) =>
        el('th', { scope: 'col', text: title })))),
      el('tbody', {}, items.map((request) => el('tr', { 'data-request': request.id },
        el('td', {}, el('button', { type: 'button', className: 'secondary', text: `#${request.id}`,
          'aria-label': `Open request ${request.id} of ${request.vendor} for ${request.assetName}`,
          onclick: () => this.onOpen(request) })),
        el('td', { text: `${request.vendor} (${request.vendorOrganisation})` }),
        el('td', { text: `${request.assetName}, ${request.securityLevel}` }),
        el('td', {}, timeOf(request.grantStart || request.requestedStart), ' – ',
          timeOf(request.grantEnd || request.requestedEnd)),
        el('td', {}, el('span', { className: `state state-${request.state}`, text: request.state })))))));
  }
}
