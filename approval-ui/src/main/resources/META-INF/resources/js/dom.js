// Small DOM helpers: elements are built with textContent only, never from HTML strings, so that
// names and reasons typed by other users can never become markup.

/** Creates an element with attributes (class, text, on* handlers, others as attributes) and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : value);
    }
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/** Replaces the children of a container. */
export function show(container, ...children) {
  container.replaceChildren(...children.flat().filter(Boolean));
}

/** A status line: loading, empty or error, announced to screen readers. */
export function notice(kind, text) {
  return el('p', { className: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

/** Shows an ApiError's message and marks the fields it names. */
export function showProblem(form, status, error) {
  form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((message) => message.remove());
  for (const { field, message } of error.fieldErrors || []) {
    const input = controlFor(form, field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.after(el('span', { className: 'field-error', text: `${field} ${message}` }));
    }
  }
  const fields = (error.fieldErrors || []).map((e) => `${e.field} ${e.message}`).join('; ');
  show(status, notice('error', fields ? `${error.message} ${fields}` : error.message));
}

/** Takes away what {@link showProblem} marked, after the broker accepted the form. */
export function clearProblem(form, status) {
  form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((message) => message.remove());
  show(status);
}

/** The control a field error names, or the nearest one enclosing it ("endpoints[0].port", then "endpoints"). */
function controlFor(form, field) {
  for (let name = field; name;) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) {
      return control;
    }
    const shorter = name.replace(/(\.[^.]*|\[[^\]]*\])$/, '');
    name = shorter === name ? '' : shorter;
  }
  return null;
}
