// The one way the UI talks to the broker. The session cookie is the only credential: nothing is ever
// kept in browser storage. Same-origin fetches carry the Origin header, which the broker's
// cross-site guard requires for every state change.

/** An error answer from the broker, from its problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The broker answered ${status}.`);
    this.status = status;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    // The problem's type, for the answers a page acts on (e.g. a fresh login needed).
    this.problemType = problem.type || null;
  }
}

/** Calls the broker; resolves to the parsed JSON body (or null) and rejects with an ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { detail: 'The broker cannot be reached. Check the network and try again.' });
  }
  const json = await readJson(response);
  if (!response.ok) {
    throw new ApiError(response.status, json || { detail: messageFor(response.status) });
  }
  return json;
}

/** The caller as the broker sees them, or null when not logged in. */
export async function currentUser() {
  try {
    return await api('/api/me');
  } catch (error) {
    if (error.status === 401) {
      return null;
    }
    throw error;
  }
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function messageFor(status) {
  if (status === 401) {
    return 'Your session has ended. Log in again.';
  }
  if (status === 403) {
    return 'Your role does not allow this.';
  }
  return `The broker answered ${status}.`;
}
