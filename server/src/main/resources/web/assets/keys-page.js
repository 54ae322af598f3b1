// The "Your keys" page: puts the person's key (or an officer's board key) into this browser's key store
// as non-extractable WebCrypto keys, from a key file, from the passphrase-wrapped copy kept on the
// service, or by making a key pair here and enrolling it. A key made here is extractable only in this
// page's memory, long enough to write the person's password-protected key file and optional copy.

import { fromPem } from './der.js';
import { importPkcs12, exportPkcs12 } from './pkcs12.js';
import { certificationRequest, generateKeyPair, importPrivateKey } from './pkcs10.js';
import { wrapKey, unwrapKey } from './passphrase.js';
import * as service from './service.js';
import * as store from './keystore.js';
import * as page from './envelope-page.js';

const box = document.getElementById('browser-keys');
const MIN_PASSWORD = 12;

if (box) {
  box.hidden = false;
  const account = box.dataset.account;
  const run = (work) => (event) => {
    event.preventDefault();
    page.clearProblem('keys');
    work().then(() => showStatus(account)).catch(page.problemShower('keys'));
  };
  document.getElementById('import-form').addEventListener('submit', run(() => importKeyFile(account)));
  document.getElementById('make-form').addEventListener('submit', run(() => makeKey(account)));
  document.getElementById('restore-form').addEventListener('submit', run(() => restore(account)));
  document.getElementById('forget-form').addEventListener('submit', run(() => forget(account)));
  showStatus(account).catch(page.problemShower('keys'));
}

/** The certificates the page lists as the person's: fingerprint, purpose and status. */
function listedCertificates() {
  return Array.from(document.querySelectorAll('[data-fingerprint]'), (e) => ({
    fingerprint: e.dataset.fingerprint, purpose: e.dataset.purpose, status: e.dataset.status,
  }));
}

async function showStatus(account) {
  const own = await store.find(account, 'personal');
  const ownFacts = own && await page.describe(own.certificate);
  document.getElementById('browser-key-status').textContent = own
    ? `Your key is in this browser: ${ownFacts.subject}, fingerprint ${ownFacts.fingerprint}.`
    : 'Your key is not in this browser yet.';
  const boardLine = document.getElementById('browser-board-key-status');
  if (boardLine) {
    const board = await store.find(account, 'board');
    boardLine.textContent = board
      ? `Your board's key is in this browser: ${(await page.describe(board.certificate)).subject}.`
      : 'Your board\'s key is not in this browser.';
  }
}

/**
 * Checks that a certificate is one of the person's own (or their board's) as the page lists it, active, and
 * issued by the pinned CA, before its key is kept.
 */
async function requireMine(certificate, purpose) {
  const facts = await page.describe(certificate);
  const ca = await service.pinnedCa();
  if (!(await page.isIssuedBy(certificate, ca))) {
    throw new page.Problem('This key\'s certificate was not issued by this service.');
  }
  const listed = listedCertificates().find((c) => c.fingerprint === facts.fingerprint);
  const wanted = purpose === 'board' ? 'BOARD' : 'PERSONAL';
  if (!listed || listed.purpose !== wanted) {
    throw new page.Problem(purpose === 'board'
      ? 'This is not your board\'s key: its certificate is not the board\'s certificate.'
      : 'This key is not yours: its certificate is not one of your certificates.');
  }
  if (listed.status !== 'ACTIVE') throw new page.Problem('This key\'s certificate was revoked. Make a new key.');
  return facts;
}

async function keep(account, purpose, privateKey, certificate) {
  const keys = await importPrivateKey(privateKey, certificate);
  await store.keep(account, purpose, { certificate, keys });
}

/**
 * Keeps one of the person's own keys (checked by requireMine) as non-extractable WebCrypto keys; its
 * PKCS#8 bytes are zeroed afterwards, whether or not it was kept.
 */
async function keepMine(account, purpose, privateKey, certificate) {
  try {
    const facts = await requireMine(certificate, purpose);
    await keep(account, purpose, privateKey, certificate);
    return facts;
  } finally {
    privateKey.fill(0);
  }
}

async function importKeyFile(account) {
  const file = document.getElementById('key-file').files[0];
  const password = document.getElementById('key-password').value;
  const purpose = document.querySelector('input[name="purpose"]:checked')?.value || 'personal';
  if (!file) throw new page.Problem('Choose your key file.');
  if (file.size > 1 << 20) throw new page.Problem(`${file.name} is too large to be a key file.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { privateKey, certificate } = await importPkcs12(bytes, password);
  const facts = await keepMine(account, purpose, privateKey, certificate);
  document.getElementById('key-password').value = '';
  page.done('keys', `${purpose === 'board' ? 'The board\'s key' : 'Your key'} (${facts.subject}) is now in this browser.`);
}

async function makeKey(account) {
  const password = document.getElementById('new-password').value;
  if (password.length < MIN_PASSWORD) throw new page.Problem(`The password must have at least ${MIN_PASSWORD} characters.`);
  const progress = page.progress('keys');
  let pair;
  try {
    progress.show('Making your key', null);
    pair = await generateKeyPair('RSA');
    const unenrolled = await importPrivateKey(pair.pkcs8);
    const request = await certificationRequest({ publicKey: pair.spki, privateKey: unenrolled.signPkcs1 });
    progress.show('Asking this service for your certificate', null);
    const answer = await service.api('/keys/enrol', {
      method: 'POST', body: request, headers: { 'Content-Type': 'application/pkcs10' },
    });
    const [certificate] = fromPem(await answer.text());
    const ca = await service.pinnedCa();
    if (!(await page.isIssuedBy(certificate, ca))) throw new page.Problem('The service answered with a certificate its CA did not issue.');
    progress.show('Protecting the copy of your key with your password', null);
    const file = await exportPkcs12({ privateKey: pair.pkcs8, certificate, password, friendlyName: 'lscb' });
    const link = document.getElementById('saved-key-link');
    link.href = URL.createObjectURL(new Blob([file], { type: 'application/x-pkcs12' }));
    link.download = 'lscb-key.p12';
    document.getElementById('saved-key').hidden = false;
    if (document.getElementById('keep-backup').checked) {
      const backup = await wrapKey({ privateKey: pair.pkcs8, certificate, passphrase: password });
      await service.api('/keys/backup', { method: 'PUT', json: backup });
    }
    await keep(account, 'personal', pair.pkcs8, certificate);
    document.getElementById('new-password').value = '';
    page.done('keys', `Your new key is in this browser and certified: ${(await page.describe(certificate)).subject}. `
      + 'Save your key file now: this page will not show it again.');
  } finally {
    pair?.pkcs8.fill(0);
    progress.hide();
  }
}

async function restore(account) {
  const password = document.getElementById('restore-password').value;
  let backup;
  try {
    backup = await service.getJson('/keys/backup');
  } catch (e) {
    if (e.status === 404) throw new page.Problem('You keep no copy of your key on this service.');
    throw e;
  }
  const { privateKey, certificate } = await unwrapKey(backup, password);
  const facts = await keepMine(account, 'personal', privateKey, certificate);
  document.getElementById('restore-password').value = '';
  page.done('keys', `Your key (${facts.subject}) is now in this browser.`);
}

async function forget(account) {
  await store.forget(account, 'personal');
  await store.forget(account, 'board');
  page.done('keys', 'Your keys were removed from this browser.');
}

