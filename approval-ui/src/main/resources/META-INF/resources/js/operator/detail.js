// One request as the operator reviews it, with approve / shorten / deny / revoke.
import { api } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';
import { durationText, instantFromLocalInput, timeOf } from '../time.js';

/** The detail panel; {@code onReviewed} runs after a review changed the request. */
export class RequestDetail {
  constructor(container, onReviewed) {
    this.container = container;
    this.onReviewed = onReviewed;
    this.current = null;
  }

  async open(id) {
    show(this.container, notice('loading', `Loading request ${id}…`));
    try {
      this.render(await api(`/api/access-requests/${id}`));
      this.container.querySelector('h3').focus();
    } catch (error) {
      this.current = null;
      show(this.container, notice('error', error.message));
    }
  }

  /** Re-reads the shown request when a pushed change concerns it. */
  changed(change) {
    if (this.current && change.requestId === this.current.id) {
      api(`/api/access-requests/${this.current.id}`).then((request) => this.render(request), () => {});
    }
  }

  render(request) {
    this.current = request;
    const approvals = request.approvals.length === 0 ? 'none yet' : request.approvals
      .map((approval) => `${approval.operator}${approval.comment ? ` ("${approval.comment}")` : ''}`).join(', ');
    const facts = [
      ['Vendor', request.vendor], ['Company', request.vendorOrganisation], ['Asset', request.assetName],
      ['Zone', request.zoneName], ['Conduit', request.conduitName || '—'], ['Security level', request.securityLevel],
      ['Protocols', request.protocols.join(', ')],
      ['Window', [timeOf(request.grantStart || request.requestedStart), ' – ',
        timeOf(request.grantEnd || request.requestedEnd), ` (${durationText(request.requestedDuration)})`]],
      ['Reason', request.reason || '—'], ['Work order', request.workOrder || '—'],
      ['Approvals', `${request.approvals.length} of ${request.approvalsNeeded}: ${approvals}`],
      ['State', [el('span', { className: `state state-${request.state}`, text: request.state }),
        request.stateReason ? ` ${request.stateReason}` : '']],
    ];
    show(this.container,
      el('h3', { tabindex: '-1', id: 'detail-heading', text: `Request #${request.id}` }),
      el('dl', { className: 'facts' }, facts.flatMap(([term, value]) => [el('dt', { text: term }),
        el('dd', {}, value)])),
      this.actions(request));
  }

  actions(request) {
    if (request.state === 'PENDING') {
      return [
        this.form('approve', 'Approve', 'primary', [
          el('label', {}, 'Comment', el('span', { className: 'hint', text: 'Optional' }),
            el('input', { name: 'comment', id: 'approve-comment' })),
          el('label', {}, 'Shorten: end at', el('span', { className: 'hint', text: 'Optional, earlier than asked' }),
            el('input', { type: 'datetime-local', name: 'end', id: 'approve-end' }))],
        (data) => ({ comment: data.get('comment') || undefined, end: instantFromLocalInput(data.get('end')) })),
        this.reasonForm('deny', 'Deny'),
      ];
    }
    if (request.state === 'APPROVED' || request.state === 'ACTIVE') {
      return this.reasonForm('revoke', 'Revoke');
    }
    return notice('info', 'This request is closed; nothing to review.');
  }

  reasonForm(action, label) {
    return this.form(action, label, 'danger', [el('label', {}, `Reason to ${action}`,
      el('textarea', { name: 'reason', id: `${action}-reason`, required: true }))],
    (data) => ({ reason: data.get('reason') }));
  }

  form(action, label, style, fields, bodyOf) {
    const status = el('div', { 'aria-live': 'polite' });
    const form = el('form', { id: `${action}-form`, novalidate: true }, fields,
      el('div', { className: 'actions' }, el('button', { type: 'submit', className: style, text: label })), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const id = this.current.id;
      try {
        this.render(await api(`/api/access-requests/${id}/${action}`, { method: 'POST',
          body: bodyOf(new FormData(form)) }));
        this.container.prepend(notice('ok', `${label}: done.`));
        this.onReviewed();
      } catch (error) {
        showProblem(form, status, error);
      }
    });
    return form;
  }
}
