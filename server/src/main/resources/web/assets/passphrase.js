// The optional key backup a person may keep on the server: their private key sealed under a passphrase the
// server never sees. PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2) with a random salt and at least 600,000
// iterations makes an AES-256-GCM key (NIST SP 800-38D); the certificate's SHA-256 fingerprint is the
// additional authenticated data, so a backup opens only with the certificate it was made for. Losing the
// passphrase loses only the backup.

import { fromBase64, toBase64 } from './der.js';

/** A backup that is refused: a wrong passphrase, altered contents, or a form this module does not write. */
export class BackupError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'BackupError';
  }
}

const FORMAT = 'lscb-key-backup-1';
/** The fewest PBKDF2 iterations a backup may have (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
const MIN_ITERATIONS = 600_000;
/** The most a backup may ask for, so an altered one cannot keep the browser busy for hours. */
export const MAX_ITERATIONS = 10_000_000;

function checkIterations(iterations) {
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new BackupError(`A key backup uses between ${MIN_ITERATIONS.toLocaleString('en-GB')} and ${MAX_ITERATIONS.toLocaleString('en-GB')} PBKDF2 iterations, not ${iterations}`);
  }
}

/** The AES-256-GCM key PBKDF2-HMAC-SHA256 derives from the passphrase (as UTF-8). */
async function backupKey(passphrase, salt, iterations, usage) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** The certificate's SHA-256 fingerprint, the additional authenticated data. */
async function fingerprint(certificate) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', certificate));
}

/**
 * Seals a private key under a passphrase: a fresh 16-byte salt, PBKDF2-HMAC-SHA256 with `iterations`
 * (600,000 or more), AES-256-GCM with a fresh 12-byte nonce and the certificate's SHA-256 as additional data.
 *
 * @param {{privateKey: Uint8Array, certificate: Uint8Array, passphrase: string, iterations?: number}} input
 *        privateKey is PKCS#8 DER, certificate DER
 * @returns {Promise<{format: string, kdf: string, iterations: number, salt: string, nonce: string,
 *          ciphertext: string, certificate: string}>} a JSON-able backup, bytes in base64
 */
export async function wrapKey({ privateKey, certificate, passphrase, iterations = MIN_ITERATIONS }) {
  if (!(privateKey instanceof Uint8Array) || !(certificate instanceof Uint8Array)) {
    throw new TypeError('wrapKey takes the PKCS#8 key and the certificate as bytes');
  }
  if (typeof passphrase !== 'string' || passphrase === '') throw new BackupError('A key backup needs a passphrase');
  checkIterations(iterations);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const key = await backupKey(passphrase, salt, iterations, 'encrypt');
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: await fingerprint(certificate) }, key, privateKey);
  return {
    format: FORMAT,
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(salt),
    nonce: toBase64(nonce),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
    certificate: toBase64(certificate),
  };
}

/**
 * Opens a backup {@link wrapKey} made. The form, the iteration count (600,000 to 10,000,000) and the salt
 * and nonce lengths are checked before any key is derived; GCM's tag then refuses a wrong passphrase and
 * any change to the ciphertext or the certificate alike.
 *
 * @param {object} backup as wrapKey answered it (parsed from JSON)
 * @param {string} passphrase
 * @returns {Promise<{privateKey: Uint8Array, certificate: Uint8Array}>}
 * @throws {BackupError} "The passphrase is not right for this backup" when the tag does not verify
 */
export async function unwrapKey(backup, passphrase) {
  if (backup === null || typeof backup !== 'object' || backup.format !== FORMAT || backup.kdf !== 'PBKDF2-SHA256') {
    throw new BackupError(`This is not a key backup of the form ${FORMAT}`);
  }
  checkIterations(backup.iterations);
  const bytes = (name, length) => {
    let b;
    try {
      b = fromBase64(String(backup[name]));
    } catch (e) {
      throw new BackupError(`The backup's ${name} is not base64`, { cause: e });
    }
    if (length !== undefined && b.length !== length) throw new BackupError(`The backup's ${name} must be ${length} bytes`);
    return b;
  };
  const salt = bytes('salt', 16);
  const nonce = bytes('nonce', 12);
  const ciphertext = bytes('ciphertext');
  const certificate = bytes('certificate');
  const key = await backupKey(String(passphrase), salt, backup.iterations, 'decrypt');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: await fingerprint(certificate) }, key, ciphertext);
    return { privateKey: new Uint8Array(plain), certificate };
  } catch (e) {
    throw new BackupError('The passphrase is not right for this backup (or the backup has been altered)', { cause: e });
  }
}
