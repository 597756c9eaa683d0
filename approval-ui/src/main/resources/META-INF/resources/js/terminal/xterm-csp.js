/*
 * xterm.js under the broker's Content-Security-Policy (style-src 'self', no inline style).
 *
 * xterm's DOM renderer writes its theme and cell sizes into <style> elements and colours true-colour
 * cells through style attributes; the policy blocks both. Why a stand-in document rather than loosening
 * the policy: CSSOM (a constructed style sheet, element.style) is not inline style, so the same rules
 * apply without 'unsafe-inline' on every page. xterm takes the stand-in through its documentOverride
 * option; its row renderer uses the global document, so cspSafeRows mends that one too.
 */

/** A document for xterm's documentOverride that turns inline style into CSSOM. */
export function cspSafeDocument(doc = document) {
  const createElement = (tag, options) =>
    String(tag).toLowerCase() === 'style' ? sheetBackedStyle(doc) : styleAttributesAsCssom(doc.createElement(tag, options));
  return new Proxy(doc, {
    get(target, key) {
      if (key === 'createElement') {
        return createElement;
      }
      const value = Reflect.get(target, key, target);
      // DOM methods must run on the real document, not on the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** An element standing in for a <style>: its text goes to a constructed style sheet of the document. */
function sheetBackedStyle(doc) {
  const sheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const holder = doc.createElement('span');
  holder.hidden = true;
  let css = '';
  Object.defineProperty(holder, 'textContent', {
    get: () => css,
    set: (text) => {
      css = String(text);
      sheet.replaceSync(css);
    },
  });
  const remove = holder.remove.bind(holder);
  holder.remove = () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    remove();
  };
  return holder;
}

/** Routes setAttribute('style', …) through element.style, which the policy allows. */
function styleAttributesAsCssom(element) {
  const setAttribute = element.setAttribute.bind(element);
  element.setAttribute = (name, value) => {
    if (String(name).toLowerCase() === 'style') {
      element.style.cssText = value;
    } else {
      setAttribute(name, value);
    }
  };
  return element;
}

/**
 * Colours true-colour cells through element.style: xterm's row factory (built on the global document,
 * not documentOverride) appends them to the style attribute. Pinned to the vendored xterm 5.5 internals;
 * should they change, cells keep the default colour and nothing else breaks.
 */
export function cspSafeRows(terminal) {
  const rows = terminal._core?._renderService?._renderer?.value?._rowFactory;
  if (rows && typeof rows._addStyle === 'function') {
    rows._addStyle = (element, css) => {
      element.style.cssText += `;${css}`;
    };
  }
}
