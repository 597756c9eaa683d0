// What the admin's sections share: a table of rows with edit and delete, one form for "new" and "edit",
// labelled fields, repeatable rows (endpoints, maintenance windows) and the zone picker.
import { api } from '../api.js';
import { el, notice, show, showProblem } from '../dom.js';

/**
 * One kind of plant-model row behind {@code path}: lists them, creates, replaces and deletes them. The
 * form stays as typed when the broker refuses it, with each refusal next to its field.
 */
export class AdminSection {
  /**
   * @param options.noun what one row is ("zone"), also the prefix of element ids
   * @param options.columns [title, (row) => text or node] for the table
   * @param options.fields (row or null) => the form's labelled controls, filled from the row when editing
   * @param options.bodyOf (form) => the request body
   * @param options.rowActions (row) => extra buttons for a row (optional)
   * @param options.onChange runs after a create, update or delete (optional)
   */
  constructor(container, path, options) {
    this.path = path;
    this.options = options;
    this.list = el('div', { id: `${options.noun}-list`, 'aria-live': 'polite' });
    this.formArea = el('div');
    show(container, this.list, this.formArea);
    this.rows = [];
    this.drawn = null;
  }

  /** Reads the rows again and shows an empty "new" form. */
  async start() {
    this.edit(null);
    await this.refresh();
  }

  async refresh() {
    try {
      const rows = await api(this.path);
      // Why compare: redrawing an unchanged table would take the focus, or a click, from its buttons.
      const drawn = JSON.stringify(rows);
      if (drawn !== this.drawn) {
        this.rows = rows;
        this.drawn = drawn;
        this.render();
      }
    } catch (error) {
      this.drawn = null;
      show(this.list, notice('error', error.message));
    }
  }

  render() {
    const { noun, columns, rowActions } = this.options;
    if (this.rows.length === 0) {
      show(this.list, notice('empty', `No ${noun} yet. Add one with the form below.`));
      return;
    }
    const header = el('tr', {}, [...columns.map(([title]) => title), ''].map((title) =>
      el('th', { scope: 'col', text: title })));
    const rows = this.rows.map((row) => el('tr', { 'data-id': row.id, 'data-name': row.name },
      columns.map(([, valueOf]) => cell(valueOf(row))),
      el('td', { className: 'row-actions' }, el('div', { className: 'actions' },
        el('button', { type: 'button', text: 'Edit', 'aria-label': `Edit ${noun} ${row.name}`,
          onclick: () => this.edit(row, true) }),
        rowActions ? rowActions(row) : null,
        el('button', { type: 'button', className: 'danger', text: 'Delete',
          'aria-label': `Delete ${noun} ${row.name}`, onclick: () => this.remove(row) })))));
    show(this.list, el('div', { className: 'table-wrap' },
      el('table', { id: `${noun}-table` }, el('thead', {}, header), el('tbody', {}, rows))));
  }

  /** Shows the form for a new row (null) or to edit {@code row}; focuses its heading when asked. */
  edit(row, focus = false) {
    const { noun, fields } = this.options;
    const status = el('div', { 'aria-live': 'polite' });
    const heading = el('h3', { tabindex: '-1', id: `${noun}-form-title`,
      text: row ? `Edit ${noun} ${row.name}` : `New ${noun}` });
    const form = el('form', { id: `${noun}-form`, novalidate: true, 'aria-labelledby': heading.id }, fields(row),
      el('div', { className: 'actions' },
        el('button', { type: 'submit', className: 'primary', text: row ? 'Save changes' : `Add ${noun}` }),
        row ? el('button', { type: 'button', className: 'secondary', text: 'Cancel', onclick: () => this.edit(null) })
          : null),
      status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(form, status, row);
    });
    show(this.formArea, heading, form);
    if (focus) {
      heading.focus();
    }
  }

  async save(form, status, row) {
    const { noun, bodyOf, onChange } = this.options;
    show(status, notice('loading', 'Saving…'));
    try {
      const saved = await api(row ? `${this.path}/${row.id}` : this.path,
        { method: row ? 'PUT' : 'POST', body: bodyOf(form) });
      this.edit(null, true);
      this.formArea.append(notice('ok', `${capitalised(noun)} ${saved.name} ${row ? 'saved' : 'added'}.`));
      await this.refresh();
      onChange?.();
    } catch (error) {
      showProblem(form, status, error);
    }
  }

  async remove(row) {
    const { noun, onChange } = this.options;
    // Why confirm: a delete cannot be undone, and the button sits next to "Edit".
    if (!window.confirm(`Delete ${noun} ${row.name}? This cannot be undone.`)) {
      return;
    }
    try {
      await api(`${this.path}/${row.id}`, { method: 'DELETE' });
    } catch (error) {
      this.list.prepend(notice('error', `${capitalised(noun)} ${row.name} was not deleted: ${error.message}`));
      return;
    }
    await this.refresh();
    this.list.prepend(notice('ok', `${capitalised(noun)} ${row.name} deleted.`));
    onChange?.();
  }
}

/** The value of the form's control called {@code name}; undefined when empty (the broker's default). */
export function valueOf(form, name) {
  return form.querySelector(`[name="${name}"]`).value || undefined;
}

/** A number typed into a form, or undefined when nothing was typed (the broker then names the field). */
export function numberOf(text) {
  return text === undefined || text === '' ? undefined : Number(text);
}

/** A labelled control, with an optional hint under the label. */
export function field(label, control, hint) {
  return el('label', {}, label, hint ? el('span', { className: 'hint', text: hint }) : null, control);
}

/** A select of {@code options} ([value, text] pairs) with {@code selected} chosen. */
export function select(attributes, options, selected) {
  return el('select', attributes, options.map(([value, text]) =>
    el('option', { value, text, selected: String(value) === String(selected ?? '') })));
}

/** The zone picker; {@link fillZoneSelects} keeps it current when zones change. */
export function zoneSelect(id, zones, selectedId) {
  return select({ name: 'zoneId', id }, zoneOptions(zones), selectedId);
}

/** Refills every zone picker on the page, keeping what each had chosen. */
export function fillZoneSelects(zones) {
  document.querySelectorAll('select[name="zoneId"]').forEach((picker) => {
    const chosen = picker.value;
    show(picker, zoneOptions(zones).map(([value, text]) => el('option', { value, text })));
    picker.value = zones.some((zone) => String(zone.id) === chosen) ? chosen : '';
  });
}

function zoneOptions(zones) {
  return [['', 'Choose a zone'], ...zones.map((zone) => [zone.id, `${zone.name} (${zone.securityLevel})`])];
}

/**
 * Rows of the same controls, e.g. the endpoints of an asset. Controls are named {@code name[i].prop}, as
 * the broker names them in its field errors, and renumbered when a row goes.
 *
 * @param rowOf (values or null, index) => the row's labelled controls
 */
export function repeatable(name, legend, addLabel, values, rowOf) {
  const rows = el('div', { className: 'rows' });
  const addRow = (row, index) => {
    const remove = el('button', { type: 'button', className: 'secondary', text: 'Remove' });
    const line = el('div', { className: 'row' }, rowOf(row, index), remove);
    remove.addEventListener('click', () => {
      line.remove();
      renumber(rows);
    });
    rows.append(line);
  };
  values.forEach(addRow);
  return el('fieldset', { name }, el('legend', { text: legend }), rows,
    el('button', { type: 'button', className: 'secondary', text: addLabel, onclick: () => {
      addRow(null, rows.children.length);
      rows.lastElementChild.querySelector('input, select').focus();
    } }));
}

/** The values of a repeatable's rows: one object per row, keyed by the part of each name after the dot. */
export function readRows(form, name) {
  return [...form.querySelector(`fieldset[name="${name}"] .rows`).children].map((row) =>
    Object.fromEntries([...row.querySelectorAll('[name]')].map((control) =>
      [control.name.slice(control.name.lastIndexOf('.') + 1), control.value])));
}

function renumber(rows) {
  [...rows.children].forEach((row, index) => row.querySelectorAll('[name]').forEach((control) => {
    control.name = control.name.replace(/\[\d+\]/, `[${index}]`);
  }));
}

function cell(value) {
  return value instanceof Node ? el('td', {}, value) : el('td', { text: value ?? '' });
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
