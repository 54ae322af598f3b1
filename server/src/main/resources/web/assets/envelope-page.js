// What the pages that seal, open and grant in the browser share: the person's key from this browser's
// store, certificate checks against the pinned CA and the server's revocation record, reading a file with
// progress, and telling the person what happened in GOV.UK's patterns (error summary, panel, progress).

import { fromPem } from './der.js';
import { parseCertificate, issuedBy, fingerprint, validAt } from './x509.js';
import * as service from './service.js';
import * as store from './keystore.js';

/** Something the person must put right, or a refusal to explain; {@code field} is the form field at fault. */
export class Problem extends Error {
  constructor(message, field) {
    super(message);
    this.name = 'Problem';
    this.field = field;
  }
}

/** The errors the modules throw with a message written for the person to read. */
const FOR_PEOPLE = new Set([
  'Problem', 'ServiceError', 'EnvelopeError', 'Pkcs12Error', 'KeyError', 'BackupError', 'CertificateError',
  'KeyStoreError',
]);

/** What the page says when its own script fails: a fault's message is for developers, not for the person. */
const FAULT = 'This page could not finish because of a fault in its script. Reload the page and try again; '
  + 'if it happens again, use the lscb client and tell your board\'s administrator.';

/**
 * The error summary of the page part {@code prefix} ("send", "open", ...): the error's sentence when it is
 * one of the modules' errors for people, else a general sentence, with the fault logged to the console.
 */
export function problemShower(prefix) {
  return (error) => {
    const forPeople = error instanceof Error && FOR_PEOPLE.has(error.name) && error.message;
    const sentence = forPeople ? error.message : FAULT;
    document.getElementById(`${prefix}-problem-text`).textContent = sentence;
    const box = document.getElementById(`${prefix}-problem`);
    box.hidden = false;
    box.focus();
    if (forPeople && error.field) {
      const fieldError = document.getElementById(`${error.field}-error`);
      if (fieldError) {
        document.getElementById(`${error.field}-error-text`).textContent = sentence;
        fieldError.hidden = false;
      }
    }
    if (!(error instanceof Problem) && !(error instanceof service.ServiceError)) {
      console.error(error);
    }
  };
}

export function clearProblem(prefix) {
  document.getElementById(`${prefix}-problem`).hidden = true;
  for (const e of document.querySelectorAll('.govuk-error-message[id$="-error"]')) e.hidden = true;
}

/** Shows the confirmation panel of the page part with a sentence and a link onwards. */
export function done(prefix, sentence, href, linkText) {
  const panel = document.getElementById(`${prefix}-done`);
  const text = document.getElementById(`${prefix}-done-text`);
  text.textContent = sentence;
  if (href) {
    text.append(document.createElement('br'));
    const a = document.createElement('a');
    a.href = href;
    a.className = 'govuk-link app-panel-link';
    a.textContent = linkText;
    text.append(a);
  }
  panel.hidden = false;
  panel.focus();
}

/** The progress line of the page part: a sentence and a bar (no fraction: the bar shows work, not its share). */
export function progress(prefix) {
  const box = document.getElementById(`${prefix}-progress`);
  const text = document.getElementById(`${prefix}-progress-text`);
  const bar = document.getElementById(`${prefix}-progress-bar`);
  return {
    show(sentence, fraction) {
      box.hidden = false;
      const percent = fraction === null || fraction === undefined ? null : Math.round(Math.min(1, fraction) * 100);
      const words = percent === null ? `${sentence}…` : `${sentence}: ${percent}%`;
      if (text.textContent !== words) text.textContent = words;
      if (percent === null) bar.removeAttribute('value');
      else bar.value = percent;
    },
    hide() {
      box.hidden = true;
    },
  };
}

/** The person's own key in this browser, or a Problem that sends them to "Your keys". */
export async function myIdentity(account, purpose = 'personal') {
  const identity = await store.find(account, purpose);
  if (!identity) {
    throw new Problem(purpose === 'board'
      ? 'This browser does not have your board\'s key. Add it on the "Your keys" page (/keys), then try again.'
      : 'This browser does not have your key yet. Add your key file, or make a key, on the "Your keys" page (/keys), then try again.');
  }
  return identity;
}

/** The certificate's id at the server: its serial number in hexadecimal, as the lscb client asks for it. */
export function certificateId(certificate) {
  return BigInt(`0x${parseCertificate(certificate).serial}`).toString(16);
}

/** A certificate's subject and SHA-256 fingerprint (upper-case hex, as the service and openssl show it). */
export async function describe(certificate) {
  const cert = parseCertificate(certificate);
  return { subject: cert.subject, fingerprint: await fingerprint(cert), cert };
}

/** Whether the certificate was issued by the CA (both DER), by the CA's signature. */
export async function isIssuedBy(certificate, ca) {
  return issuedBy(parseCertificate(certificate), parseCertificate(ca));
}

/** Refuses a certificate the server has revoked or does not know. */
export async function requireActive(certificate, whose) {
  const facts = parseCertificate(certificate);
  let status;
  try {
    status = await service.getJson(`/keys/${certificateId(certificate)}`);
  } catch (e) {
    if (e.status === 404) throw new Problem(`${whose} (${facts.subject}) is unknown to this service.`);
    throw e;
  }
  if (status.status === 'REVOKED') {
    throw new Problem(`${whose} (${facts.subject}) was revoked.`
      + (whose.startsWith('Your') ? ' Make a new key on the "Your keys" page.' : ''));
  }
}

/**
 * The review's recipients of a document of {@code type} from the server (need to know: the coroner receives only
 * the joint report and the case discussion record), each certificate checked against the pinned CA and its
 * validity today, and (when {@code asShown}) each one the page showed the person; anything else stops the work.
 */
export async function checkedRecipients(review, ca, type, asShown = true) {
  const query = new URLSearchParams({ type, format: 'json' });
  const listed = await service.getJson(`/reviews/${encodeURIComponent(review)}/recipients?${query}`);
  const shown = new Set(Array.from(document.querySelectorAll('[data-fingerprint]'), (e) => e.dataset.fingerprint));
  const checked = [];
  for (const r of listed) {
    const [certificate] = fromPem(r.pem);
    const facts = await describe(certificate);
    if (!(await isIssuedBy(certificate, ca))) {
      throw new Problem(`The certificate of ${facts.subject} was not issued by this service's certificate authority. Nothing was sent.`);
    }
    if (!validAt(facts.cert)) {
      throw new Problem(`The certificate of ${facts.subject} is not valid today. Nothing was sent.`);
    }
    if (asShown && !shown.has(facts.fingerprint)) {
      throw new Problem('The recipients changed since this page was shown. Reload the page to see who will receive the document.');
    }
    checked.push({ certificate, subject: facts.subject, fingerprint: facts.fingerprint, id: r.id });
  }
  if (checked.length === 0) throw new Problem('Nobody can receive documents on this review yet.');
  return checked;
}

/** A file's bytes, read in the browser with progress. */
export async function readFile(file, progressed) {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    if (at + value.length > out.length) throw new Problem(`${file.name} changed while it was being read.`);
    out.set(value, at);
    at += value.length;
    progressed(at);
  }
  if (at !== out.length) throw new Problem(`${file.name} changed while it was being read.`);
  return out;
}
