// Vendored libraries that are classic scripts (they set globals, e.g. xterm.js, Guacamole): loaded on first
// use, each once, from the broker itself (the pages' CSP allows scripts from 'self' only).
const loading = new Map();

/** Loads the classic script at {@code src} once; a load that failed may be tried again. */
export function loadScript(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => {
        loading.delete(src);
        reject(new Error(`Could not load ${src}`));
      };
      document.head.append(script);
    }));
  }
  return loading.get(src);
}
