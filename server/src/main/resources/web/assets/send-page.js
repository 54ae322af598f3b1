// The "Send a document" page: reads the chosen file, checks every recipient certificate against the
// pinned CA, signs and encrypts the file with the person's key kept in this browser, and uploads only the
// envelope, with an upload id so that a retry lands once.

import { sealParts } from './cms.js';
import * as service from './service.js';
import * as page from './envelope-page.js';

const form = document.getElementById('send-form');
/**
 * The upload id of the file chosen: the same for every attempt to send it, so that pressing the button again
 * after a failure the page could not see the end of lands the document once (the server answers the first).
 */
let uploadId = crypto.randomUUID();
if (form) {
  form.hidden = false;
  document.getElementById('file').addEventListener('change', () => {
    uploadId = crypto.randomUUID();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send().catch(page.problemShower('send'));
  });
}

async function send() {
  page.clearProblem('send');
  const review = form.dataset.review;
  const file = document.getElementById('file').files[0];
  const type = form.elements.type.value;
  if (!type) throw new page.Problem('Choose the kind of document.', 'type');
  if (!file) throw new page.Problem('Choose the document to send.', 'file');
  const largest = Number(form.dataset.largest);
  if (file.size > largest) {
    throw new page.Problem(`${file.name} is larger than the ${form.dataset.largestWords} a browser can seal. `
      + `Send it with the lscb client instead: lscb send ${review} "${file.name}" --type ${type}`, 'file');
  }
  if (file.size === 0) throw new page.Problem(`${file.name} is empty.`, 'file');
  const title = form.elements.title.value.trim() || file.name;
  const marking = form.elements.marking.value;

  const button = document.getElementById('send-button');
  button.disabled = true;
  const progress = page.progress('send');
  try {
    const me = await page.myIdentity(form.dataset.account);
    const ca = await service.pinnedCa();
    await page.requireActive(me.certificate, 'Your certificate');
    const recipients = await page.checkedRecipients(review, ca, type);

    const envelope = await sealFile(file, me, recipients, progress);
    // no Content-Digest: it would cost a copy and a hash of the whole envelope in the browser, and TLS and the
    // server's check of the envelope's framing already catch a body changed or cut short on the way
    const query = new URLSearchParams({ type, title, marking, uploadId });
    progress.show('Sending the encrypted document', 0);
    const answer = await service.upload(`/reviews/${encodeURIComponent(review)}/documents?${query}`, envelope, {
      'Content-Type': 'application/pkcs7-mime',
    }, (done, total) => progress.show('Sending the encrypted document', done / total));
    progress.hide();
    page.done('send', `${title} was sent, encrypted for ${answer.recipients.length} `
      + `${answer.recipients.length === 1 ? 'recipient' : 'recipients'}.`, `/reviews/${review}/documents`,
      'See the review\'s documents');
    form.hidden = true;
    uploadId = crypto.randomUUID();
  } finally {
    progress.hide();
    button.disabled = false;
  }
}

/**
 * Reads the file and seals it into an envelope Blob. The plaintext is zeroed once sealed and goes out of scope
 * here, so that it is not held through the upload.
 */
async function sealFile(file, me, recipients, progress) {
  progress.show('Reading the document', 0);
  const plaintext = await page.readFile(file, (done) => progress.show('Reading the document', done / file.size));
  try {
    progress.show('Signing and encrypting on this computer', null);
    return new Blob(await sealParts({
      plaintext,
      signer: { signingKey: me.keys.sign, certificate: me.certificate },
      recipients: recipients.map((r) => r.certificate),
    }), { type: 'application/pkcs7-mime' });
  } finally {
    plaintext.fill(0);
  }
}
