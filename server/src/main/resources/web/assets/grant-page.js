// The "Give access to documents" page: for each listed document, opens its content key with the board key
// kept in this browser and posts recipient infos for the newcomers the review now entitles, each
// certificate checked against the pinned CA first. The content is neither decrypted nor re-encrypted.

import { unwrapContentKey, recipientInfosFor } from './cms.js';
import * as service from './service.js';
import * as page from './envelope-page.js';

const box = document.getElementById('grant-form');

if (box) {
  box.hidden = false;
  document.getElementById('grant-button').addEventListener('click', (event) => {
    event.preventDefault();
    grantAll().catch(page.problemShower('grant'));
  });
}

async function grantAll() {
  page.clearProblem('grant');
  const button = document.getElementById('grant-button');
  button.disabled = true;
  const progress = page.progress('grant');
  try {
    const board = await page.myIdentity(box.dataset.account, 'board');
    const ca = await service.pinnedCa();
    // need to know: who a document is sealed to depends on its type, so each type's recipients are asked once
    const entitledByType = new Map();
    const entitled = async (type) => {
      if (!entitledByType.has(type)) {
        entitledByType.set(type, await page.checkedRecipients(box.dataset.review, ca, type, false));
      }
      return entitledByType.get(type);
    };
    const items = Array.from(document.querySelectorAll('#pending-documents li[data-document]'));
    let given = 0;
    for (const [i, item] of items.entries()) {
      progress.show(`Giving access to ${item.dataset.title}`, i / items.length);
      const id = item.dataset.document;
      const meta = await service.getJson(`/documents/${encodeURIComponent(id)}`);
      const newcomers = (await entitled(meta.type)).filter((r) => !meta.recipients.includes(r.id));
      if (newcomers.length === 0) continue;
      const envelope = await service.readAll(await service.api(`/documents/${encodeURIComponent(id)}/content`));
      const contentKey = await unwrapContentKey(envelope, {
        decryptionKey: board.keys.decrypt, certificate: board.certificate,
      });
      const infos = await recipientInfosFor(contentKey, newcomers.map((r) => r.certificate));
      await service.api(`/documents/${encodeURIComponent(id)}/recipients`, {
        method: 'POST', body: infos, headers: { 'Content-Type': 'application/octet-stream' },
      });
      given++;
      item.append(' Access given.');
    }
    page.done('grant', `Access given to ${given} ${given === 1 ? 'document' : 'documents'}.`,
      `/reviews/${box.dataset.review}/documents`, 'See the review\'s documents');
    box.hidden = true;
  } finally {
    progress.hide();
    button.disabled = false;
  }
}
