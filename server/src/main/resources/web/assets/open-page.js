// The "Open a document" page: downloads the envelope, decrypts it with the person's key in this browser
// (an officer's board key when the document is not encrypted to them), verifies the signature, the
// signer's certificate chain to the pinned CA and its revocation, names the signer, and only then offers
// the plaintext to save. A failure offers nothing. The signed receipt is a detached CMS signature over
// the document's SHA-256, as `lscb receipt` sends it.

import { toBase64 } from './der.js';
import { open, signReceipt } from './cms.js';
import * as service from './service.js';
import * as store from './keystore.js';
import * as page from './envelope-page.js';

const box = document.getElementById('open-form');
/** The key that opened the document, for signing the receipt; not the document itself. */
let opened;

if (box) {
  box.hidden = false;
  document.getElementById('open-button').addEventListener('click', (event) => {
    event.preventDefault();
    openDocument().catch(page.problemShower('open'));
  });
  document.getElementById('receipt-button').addEventListener('click', (event) => {
    event.preventDefault();
    sendReceipt().catch(page.problemShower('receipt'));
  });
}

/** The keys to try, the person's own first, then (for an officer) the board's. */
async function keysToTry() {
  const account = box.dataset.account;
  const keys = [];
  const own = await store.find(account, 'personal');
  if (own) keys.push({ identity: own, board: false });
  if (box.dataset.officer === 'true') {
    const board = await store.find(account, 'board');
    if (board) keys.push({ identity: board, board: true });
  }
  if (keys.length === 0) await page.myIdentity(account); // throws the sentence that leads to "Your keys"
  return keys;
}

async function openDocument() {
  page.clearProblem('open');
  const button = document.getElementById('open-button');
  button.disabled = true;
  const progress = page.progress('open');
  try {
    if (Number(box.dataset.size) > Number(box.dataset.largest)) {
      throw new page.Problem(`This document is larger than the ${box.dataset.largestWords} a browser can open. `
        + `Open it with the lscb client instead: lscb fetch ${box.dataset.document}, then lscb open.`);
    }
    const keys = await keysToTry();
    const ca = await service.pinnedCa();
    progress.show('Downloading the encrypted document', 0);
    const response = await service.api(`/documents/${encodeURIComponent(box.dataset.document)}/content`);
    const envelope = await service.readAll(response, (done, total) => progress.show('Downloading the encrypted document', total ? done / total : null));
    progress.show('Decrypting and checking the signature', null);
    let result;
    let lastError;
    for (const k of keys) {
      try {
        result = await open({
          envelope,
          me: { decryptionKey: k.identity.keys.decrypt, certificate: k.identity.certificate },
          ca,
          isRevoked: revoked,
        });
        opened = { identity: k.identity, board: k.board };
        break;
      } catch (e) {
        lastError = e;
        if (e.code !== 'not-recipient') break;
      }
    }
    if (!result) throw lastError;
    show(result);
  } finally {
    progress.hide();
    button.disabled = false;
  }
}

async function revoked(certificate) {
  try {
    const status = await service.getJson(`/keys/${page.certificateId(certificate)}`);
    return status.status === 'REVOKED';
  } catch (e) {
    if (e.status === 404) {
      throw new page.Problem('The signer\'s certificate is unknown to this service, so the document was not opened.');
    }
    throw e;
  }
}

function show(result) {
  document.getElementById('signer-name').textContent = result.signer.subject;
  document.getElementById('signer-fingerprint').textContent = result.signer.fingerprint;
  const link = document.getElementById('save-link');
  const blob = new Blob([result.plaintext], { type: 'application/octet-stream' });
  result.plaintext.fill(0); // the Blob holds its own copy, the one the person saves
  link.href = URL.createObjectURL(blob);
  link.download = fileName(box.dataset.title);
  link.textContent = `Save ${link.download}`;
  document.getElementById('open-form').hidden = true;
  document.getElementById('opened').hidden = false;
  page.done('open', `Signed by ${result.signer.subject}. The document was not changed after it was signed.`);
}

/** The extensions a saved document may have: documents a board exchanges; anything else is saved as .bin. */
const EXTENSIONS = new Set(['pdf', 'doc', 'docx', 'odt', 'rtf', 'txt', 'csv', 'xls', 'xlsx', 'ods', 'ppt', 'pptx',
  'odp', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'eml', 'msg', 'zip']);

/**
 * A file name for saving, from the sender's title: letters, digits, spaces, dots, hyphens and underscores only,
 * and an extension from {@link EXTENSIONS}, so that a title can never make the saved file a program or a page
 * (a title is the sender's words, not covered by the signature).
 */
function fileName(title) {
  const dot = title.lastIndexOf('.');
  const extension = dot > 0 ? title.slice(dot + 1).toLowerCase() : '';
  const stem = (dot > 0 && EXTENSIONS.has(extension) ? title.slice(0, dot) : title)
    .replace(/[^A-Za-z0-9 ._-]/g, '_').replace(/\s+/g, ' ').replace(/^[ ._]+|[ ._]+$/g, '').slice(0, 100);
  return `${stem || 'document'}.${EXTENSIONS.has(extension) ? extension : 'bin'}`;
}

async function sendReceipt() {
  page.clearProblem('receipt');
  if (!opened) throw new page.Problem('Open the document first.');
  if (opened.board) {
    throw new page.Problem('You opened this document with the board key. A receipt is signed with your own key, '
      + 'for documents encrypted to you.');
  }
  const button = document.getElementById('receipt-button');
  button.disabled = true;
  try {
    const signature = await signReceipt({
      sha256Hex: box.dataset.sha256,
      signingKey: opened.identity.keys.sign,
      certificate: opened.identity.certificate,
    });
    const answer = await (await service.api(`/documents/${encodeURIComponent(box.dataset.document)}/receipt`, {
      method: 'POST',
      json: { signature: toBase64(signature) },
    })).json();
    const text = document.getElementById('receipt-done-text');
    text.textContent = `Your signed receipt was recorded at ${new Date(answer.receivedAt).toLocaleString('en-GB')}.`;
    document.getElementById('receipt-done').hidden = false;
    button.hidden = true;
  } finally {
    button.disabled = false;
  }
}
