// The service's JSON API as the pages' scripts call it: a bearer token obtained from the signed-in
// browser session (POST /session/api-token with the page's CSRF token, kept in memory only), the API's
// error bodies turned into sentences, and the deployment CA pinned on first use.

import { fromPem } from './der.js';
import { equalBytes } from './x509.js';
import * as store from './keystore.js';

/** A refusal or failure the person should read: the API's own message where it gave one. */
export class ServiceError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ServiceError';
    this.status = status;
    this.code = code;
  }
}

let token;
let tokenExpires = 0;

/** The session's CSRF token, from the sign-out form every signed-in page carries. */
function csrf() {
  const field = document.querySelector('input[name="csrf"]');
  if (!field) throw new ServiceError('You are not signed in. Sign in again.', 401);
  return field.value;
}

async function bearer() {
  if (token && Date.now() < tokenExpires - 30_000) return token;
  const response = await fetch('/session/api-token', {
    method: 'POST',
    body: new URLSearchParams({ csrf: csrf() }),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw new ServiceError('Your session has ended. Sign in again, then try once more.', response.status);
  }
  const answer = await response.json();
  token = answer.access_token;
  tokenExpires = Date.now() + answer.expires_in * 1000;
  return token;
}

async function refusal(response) {
  let message = `The service answered ${response.status}.`;
  let code;
  try {
    const body = await response.json();
    code = body.error;
    if (body.message) message = body.message;
  } catch {
    // not the API's JSON error: keep the status sentence
  }
  return new ServiceError(message, response.status, code);
}

/**
 * Calls the API: {@code path} under /api/v1, the body sent as it is (bytes, text or a JSON-able object),
 * extra headers added. Answers the Response when it is 2xx, else throws a ServiceError.
 */
export async function api(path, { method = 'GET', body, headers = {}, json } = {}) {
  const h = { Authorization: `Bearer ${await bearer()}`, ...headers };
  let payload = body;
  if (json !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  }
  const response = await fetch(`/api/v1${path}`, { method, headers: h, body: payload, credentials: 'omit' });
  if (!response.ok) throw await refusal(response);
  return response;
}

export async function getJson(path) {
  return (await api(path)).json();
}

/**
 * Reads a response's body to its end, reporting the bytes so far to {@code progress(done, total)}, where
 * total is the Content-Length (or null).
 */
export async function readAll(response, progress = () => {}) {
  const total = Number(response.headers.get('Content-Length')) || null;
  const reader = response.body.getReader();
  const parts = [];
  let done = 0;
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    parts.push(value);
    done += value.length;
    progress(done, total);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The deployment CA, pinned in this browser on first use: later answers from the server must be the same
 * certificate, or nothing is sealed or opened (a changed CA would let a compromised server substitute
 * recipients and signers).
 */
export async function pinnedCa() {
  const response = await fetch('/api/v1/ca', { credentials: 'omit' });
  if (!response.ok) throw await refusal(response);
  const [served] = fromPem(await response.text());
  if (!served) throw new ServiceError('The service did not give its certificate authority.', response.status);
  const pinned = await store.pinnedCa();
  if (!pinned) {
    await store.pinCa(served);
    return served;
  }
  if (!equalBytes(pinned, served)) {
    throw new ServiceError('The service now presents a different certificate authority from the one this browser '
      + 'first trusted. Nothing was sealed or opened. Tell your board\'s administrator before going on.', 0, 'ca_changed');
  }
  return pinned;
}

/**
 * Uploads bytes (a Uint8Array or a Blob) with progress (fetch cannot report an upload's progress; XMLHttpRequest can), answering the
 * API's JSON. {@code progress(done, total)} is called as the bytes go.
 */
export async function upload(path, bytes, headers, progress = () => {}) {
  const auth = await bearer();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('Authorization', `Bearer ${auth}`);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => progress(e.loaded, e.total || bytes.size || bytes.length);
    xhr.onerror = () => reject(new ServiceError('The connection to the service failed while sending. Nothing was kept; try again.', 0));
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep the status sentence
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ServiceError(body.message || `The service answered ${xhr.status}.`, xhr.status, body.error));
    };
    xhr.send(bytes);
  });
}
