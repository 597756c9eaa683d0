// A filter form above one page of a broker list ({items, page, size, total}), with previous/next. The same
// filters make the query of any link next to the list (the audit export), so a link gives what the list shows.
import { api } from '../api.js';
import { clearProblem, el, notice, show, showProblem } from '../dom.js';
import { instantFromLocalInput } from '../time.js';

const PAGE_SIZE = 20;

export class PagedList {
  /**
   * @param filtersBox where the filter form goes
   * @param listBox    where the table and pager go
   * @param options    { id, path, fields: [{ name, label, type, hint }], table(items), empty, below(query) }
   */
  constructor(filtersBox, listBox, options) {
    this.listBox = listBox;
    this.options = options;
    this.page = 0;
    this.status = el('div', { 'aria-live': 'polite' });
    this.form = el('form', { id: `${options.id}-filters`, className: 'filters', novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        this.load(0);
      } },
    options.fields.map(({ name, label, type = 'text', hint }) => el('label', {}, label,
      hint ? el('span', { className: 'hint', text: hint }) : null,
      el('input', { type, name, id: `${options.id}-${name}` }))),
    el('div', { className: 'actions' },
      el('button', { type: 'submit', className: 'primary', text: 'Apply filters' }),
      el('button', { type: 'button', text: 'Clear', onclick: () => {
        this.form.reset();
        this.load(0);
      } })),
    this.status);
    show(filtersBox, this.form);
  }

  /** The filters as query parameters (times as UTC instants); paging is added by {@link #load}. */
  query() {
    const query = new URLSearchParams();
    for (const { name, type } of this.options.fields) {
      const value = this.form.elements[name].value.trim();
      const sent = type === 'datetime-local' ? instantFromLocalInput(value) : value;
      if (sent) {
        query.set(name, sent);
      }
    }
    return query;
  }

  /** Reads page {@code page} (default: the one shown) with the current filters. */
  async load(page = this.page) {
    const query = this.query();
    query.set('page', page);
    query.set('size', PAGE_SIZE);
    try {
      const result = await api(`${this.options.path}?${query}`);
      this.page = result.page;
      clearProblem(this.form, this.status);
      show(this.listBox, result.items.length === 0 ? notice('empty', this.options.empty)
        : [this.options.table(result.items), this.pager(result)], this.options.below?.(this.query()));
    } catch (error) {
      showProblem(this.form, this.status, error);
    }
  }

  pager({ page, size, total }) {
    const pages = Math.max(1, Math.ceil(total / size));
    return el('nav', { className: 'pager actions', 'aria-label': `${this.options.id} pages` },
      el('button', { type: 'button', text: 'Previous', disabled: page === 0, onclick: () => this.load(page - 1) }),
      el('span', { className: `${this.options.id}-position`, text: `Page ${page + 1} of ${pages} (${total} in all)` }),
      el('button', { type: 'button', text: 'Next', disabled: page + 1 >= pages, onclick: () => this.load(page + 1) }));
  }
}
