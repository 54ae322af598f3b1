// This browser's keys, in IndexedDB: for each person (by user name) their certificate and the WebCrypto
// keys made from their private key, non-extractable, so a script can use them but never read them out;
// an officer's board key likewise; and the deployment CA pinned on first use. IndexedDB keeps CryptoKey
// objects as they are (structured clone), which is the point: the key material stays inside the browser.

const DB = 'lscb-keys';
const VERSION = 1;

/** The key store refused: a sentence for the person, the browser's own error as the cause. */
class KeyStoreError extends Error {
  constructor(message, cause) {
    super(message, { cause });
    this.name = 'KeyStoreError';
  }
}

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('identities')) db.createObjectStore('identities');
      if (!db.objectStoreNames.contains('pins')) db.createObjectStore('pins');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new KeyStoreError(
      'This browser will not keep keys (IndexedDB is off, perhaps in a private window).', request.error));
  });
}

async function transact(storeName, mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const request = work(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      const refused = () => reject(new KeyStoreError(
        'This browser\'s key store did not answer: its storage may be full, or off for this site.', tx.error));
      tx.onerror = refused;
      tx.onabort = refused;
    });
  } finally {
    db.close();
  }
}

/** The slot name of a person's own key, or their board's key ({@code purpose} 'board'). */
function slot(username, purpose) {
  return `${purpose}:${username}`;
}

/**
 * Keeps an identity: {@code { certificate: Uint8Array, keys: { decrypt, sign, ... CryptoKey }, kind }}.
 */
export function keep(username, purpose, identity) {
  return transact('identities', 'readwrite', (s) => s.put({ ...identity, keptAt: new Date().toISOString() }, slot(username, purpose)));
}

/** The identity kept for the person and purpose, or undefined. */
export function find(username, purpose) {
  return transact('identities', 'readonly', (s) => s.get(slot(username, purpose)));
}

export function forget(username, purpose) {
  return transact('identities', 'readwrite', (s) => s.delete(slot(username, purpose)));
}

export function pinnedCa() {
  return transact('pins', 'readonly', (s) => s.get('ca'));
}

export function pinCa(der) {
  return transact('pins', 'readwrite', (s) => s.put(der, 'ca'));
}
