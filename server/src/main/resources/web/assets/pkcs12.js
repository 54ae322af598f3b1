// PKCS#12 key files (RFC 7292) in the browser: reading the ones Java 17's KeyStore (`lscb keygen`, the demo
// keys) and OpenSSL 3 write, and writing one both of them read.
//
// Only password privacy by PBES2 (RFC 8018: PBKDF2 with HMAC-SHA-1/SHA-256 and AES-CBC) is read, the form
// Java 17 and OpenSSL 3 write by default; WebCrypto does the PBKDF2, the AES and the HMAC. The password
// integrity MAC (RFC 7292 section 5 and appendix B) must verify before anything else in the file is read.
// The older PKCS#12 PBE ciphers (3DES, RC2, RC4) are refused with a sentence: WebCrypto has none of them.

import {
  CLASS, DerError, TAG, bytesOf, concat, element, explicit, implicit, int, intOf, nul, octets, oid, oidOf,
  parse, seq, set,
} from './der.js';

/** Every refusal of a key file, with a sentence for the person who chose it. */
export class Pkcs12Error extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'Pkcs12Error';
  }
}

/** Iteration counts above this are refused before any hashing: no honest key file needs more. */
export const MAX_ITERATIONS = 10_000_000;
/** PBKDF2 iterations of a file this module writes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
const EXPORT_ITERATIONS = 600_000;
/** Key files are a few kilobytes; anything far larger is not one, and is refused before parsing. */
const MAX_FILE_BYTES = 1 << 20;

const WRONG_PASSWORD = 'The password is not right for this key file (or the file has been damaged).';
const NOT_PKCS12 = 'This file is not a PKCS#12 key file (.p12 or .pfx)';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
};

/** Digests by OID: WebCrypto's name, output length u and block length v (RFC 7292 appendix B.2). */
const DIGESTS = {
  '1.3.14.3.2.26': { name: 'SHA-1', u: 20, v: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', u: 32, v: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', u: 48, v: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', u: 64, v: 128 },
};
const SHA256 = '2.16.840.1.101.3.4.2.1';

/** PBKDF2 pseudo-random functions (RFC 8018 appendix B.1) by OID; hmacWithSHA1 is the default. */
const PRFS = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const HMAC_SHA256 = '1.2.840.113549.2.9';

/** AES-CBC-Pad schemes (RFC 8018 appendix B.2.5) by OID, with their key length in bytes. */
const CIPHERS = { '2.16.840.1.101.3.4.1.2': 16, '2.16.840.1.101.3.4.1.42': 32 };
const AES256_CBC = '2.16.840.1.101.3.4.1.42';

/** The old password-based ciphers, by OID prefix, named for the refusal. */
const LEGACY = [
  ['1.2.840.113549.1.12.1.', 'a PKCS#12 PBE cipher (3DES, RC2 or RC4)'],
  ['1.2.840.113549.1.5.', 'PBES1 (DES or RC2)'],
];

const utf8 = (s) => new TextEncoder().encode(s);

/**
 * Reads a PKCS#12 file (RFC 7292 section 4) with its password: the one private key (PKCS#8 DER), the
 * certificate that names it (by localKeyId, or the only one) and the other certificates, ordered from
 * the certificate's issuer up where they link by name. The MAC is checked first; a wrong password
 * therefore fails before any decryption.
 *
 * @param {Uint8Array} bytes the file
 * @param {string} password
 * @returns {Promise<{privateKey: Uint8Array, certificate: Uint8Array, chain: Uint8Array[]}>}
 * @throws {Pkcs12Error} with a sentence for every file it cannot read
 */
export async function importPkcs12(bytes, password) {
  if (!(bytes instanceof Uint8Array) || typeof password !== 'string') {
    throw new TypeError('importPkcs12 takes the file as a Uint8Array and the password as a string');
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new Pkcs12Error(`${NOT_PKCS12}: at ${bytes.length} bytes it is far larger than a key file.`);
  }
  try {
    return await read(bytes, password);
  } catch (e) {
    if (e instanceof DerError) throw new Pkcs12Error(`${NOT_PKCS12}: ${e.message}.`, { cause: e });
    throw e;
  }
}

/** The AuthenticatedSafe (RFC 7292 section 4.1): plain and password-encrypted SafeContents, read in order. */
async function read(bytes, password) {
  const bags = [];
  for (const info of parse(await verifiedContent(bytes, password)).children) {
    const type = oidOf(info.child(0));
    if (type === OID.data) {
      bags.push(...safeBags(bytesOf(info.child(1, 0, CLASS.CONTEXT).child(0))));
    } else if (type === OID.encryptedData) {
      // EncryptedData (RFC 5652 section 8): version, EncryptedContentInfo { type, algorithm, [0] content }
      const encrypted = info.child(1, 0, CLASS.CONTEXT).child(0, TAG.SEQUENCE).child(1, TAG.SEQUENCE);
      const content = encrypted.child(2, 0, CLASS.CONTEXT).value;
      bags.push(...safeBags(await pbes2Decrypt(encrypted.child(1, TAG.SEQUENCE), content, password)));
    } else {
      throw new Pkcs12Error(`This key file holds its contents in a form the browser does not read (${type}).`);
    }
  }
  return pick(bags, password);
}

/**
 * The PFX (RFC 7292 section 4): version 3, the AuthenticatedSafe as id-data, and a MacData whose HMAC
 * (section 5.1, key by appendix B with ID 3) must verify over the AuthenticatedSafe's bytes. Returns those bytes.
 */
async function verifiedContent(bytes, password) {
  const pfx = parse(bytes);
  if (!pfx.is(TAG.SEQUENCE) || intOf(pfx.child(0, TAG.INTEGER)) !== 3n) {
    throw new DerError('it is not a version 3 PFX');
  }
  const authSafe = pfx.child(1, TAG.SEQUENCE);
  const type = oidOf(authSafe.child(0));
  if (type === OID.signedData) {
    throw new Pkcs12Error('This key file is protected by a signature instead of a password; the browser reads only password-protected files.');
  }
  if (type !== OID.data) {
    throw new DerError(`its contents are of type ${type}`);
  }
  const content = bytesOf(authSafe.child(1, 0, CLASS.CONTEXT).child(0));
  const macData = pfx.children[2];
  if (macData === undefined) {
    throw new Pkcs12Error('This key file has no password MAC, so the browser cannot tell whether it was altered; export it again with a password.');
  }
  const digestInfo = macData.child(0, TAG.SEQUENCE);
  const digestOid = oidOf(digestInfo.child(0, TAG.SEQUENCE).child(0));
  const digest = DIGESTS[digestOid];
  if (digest === undefined) {
    throw new Pkcs12Error(`This key file's MAC uses a digest the browser does not support (${digestOid}).`);
  }
  const mac = bytesOf(digestInfo.child(1));
  const salt = bytesOf(macData.child(1));
  const iterations = macData.children[2] === undefined ? 1 : checkedIterations(intOf(macData.child(2, TAG.INTEGER)));
  const key = await pkcs12MacKey(digest, password, salt, iterations);
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: digest.name }, false, ['verify']);
  if (mac.length !== digest.u || !(await crypto.subtle.verify('HMAC', hmac, mac, content))) {
    throw new Pkcs12Error(WRONG_PASSWORD);
  }
  return content;
}

/** An iteration count within 1..MAX_ITERATIONS, as a number; anything else is refused before it is run. */
function checkedIterations(n) {
  if (n < 1n || n > BigInt(MAX_ITERATIONS)) {
    throw new Pkcs12Error(`This key file asks for ${n} iterations of its password function; the browser refuses more than ${MAX_ITERATIONS.toLocaleString('en-GB')} (or fewer than 1).`);
  }
  return Number(n);
}

/**
 * The MAC key of RFC 7292 appendix B.2 with ID = 3, for a key as long as the digest's output (n = 1, as for
 * every HMAC key PKCS#12 uses): A = H^c(D || S || P), where D is v bytes of 3, S the salt and P the password
 * as a BMPString with its two zero bytes (appendix B.1), each repeated to a multiple of v bytes.
 * WebCrypto has no such KDF, so the c hashes are done one crypto.subtle.digest at a time.
 */
async function pkcs12MacKey(digest, password, salt, iterations) {
  const fill = (bytes) => {
    const out = new Uint8Array(digest.v * Math.ceil(bytes.length / digest.v));
    for (let i = 0; i < out.length; i++) out[i] = bytes[i % bytes.length];
    return out;
  };
  let a = concat(new Uint8Array(digest.v).fill(3), fill(salt), fill(concat(utf16(password), new Uint8Array(2))));
  for (let i = 0; i < iterations; i++) {
    a = new Uint8Array(await crypto.subtle.digest(digest.name, a));
  }
  return a;
}

/** Text as UTF-16 big-endian code units: a BMPString's content, and the password of appendix B.1 without its two zero bytes. */
function utf16(text) {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8;
    out[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}

/**
 * The SafeBags of a SafeContents (RFC 7292 section 4.2) that this reader uses: keys (plain or shrouded,
 * still encrypted here) and X.509 certificates, each with its localKeyId. Other bags are passed over.
 */
function safeBags(safeContents) {
  const out = [];
  for (const bag of parse(safeContents).children) {
    const type = oidOf(bag.child(0));
    const value = bag.child(1, 0, CLASS.CONTEXT).child(0);
    const attributes = bag.children[2];
    const keyIdAttribute = attributes?.children.find((a) => oidOf(a.child(0)) === OID.localKeyId);
    const keyId = keyIdAttribute && bytesOf(keyIdAttribute.child(1, TAG.SET).child(0));
    if (type === OID.keyBag) {
      out.push({ kind: 'key', keyId, pkcs8: value.encoded });
    } else if (type === OID.shroudedKeyBag) {
      // EncryptedPrivateKeyInfo (RFC 5958 section 3)
      out.push({ kind: 'shrouded', keyId, algorithm: value.child(0, TAG.SEQUENCE), encrypted: bytesOf(value.child(1)) });
    } else if (type === OID.certBag && oidOf(value.child(0)) === OID.x509Certificate) {
      out.push({ kind: 'certificate', keyId, der: bytesOf(value.child(1, 0, CLASS.CONTEXT).child(0)) });
    }
  }
  return out;
}

/** The one key, decrypted, with its certificate and the rest as its chain. */
async function pick(bags, password) {
  const keys = bags.filter((b) => b.kind !== 'certificate');
  const certificates = bags.filter((b) => b.kind === 'certificate');
  if (keys.length !== 1) {
    throw new Pkcs12Error(keys.length === 0
      ? 'This key file holds no private key.'
      : `This key file holds ${keys.length} private keys; the browser takes a file with one.`);
  }
  const key = keys[0];
  const same = (a, b) => a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  const mine = certificates.find((c) => same(c.keyId, key.keyId)) ?? (certificates.length === 1 ? certificates[0] : undefined);
  if (mine === undefined) {
    throw new Pkcs12Error('This key file holds no certificate for its key; run `lscb enrol` first, or export the key with its certificate.');
  }
  const decrypted = key.kind === 'key' ? null : await pbes2Decrypt(key.algorithm, key.encrypted, password);
  const privateKey = decrypted ?? key.pkcs8;
  try {
    parse(privateKey).child(1, TAG.SEQUENCE); // a PrivateKeyInfo, not random bytes
    // copies, not views: a view would carry its whole buffer into IndexedDB's structured clone
    return {
      privateKey: privateKey.slice(),
      certificate: mine.der.slice(),
      chain: chainOf(mine.der, certificates.filter((c) => c !== mine)).map((c) => c.slice()),
    };
  } finally {
    decrypted?.fill(0); // the caller holds the one copy of the key it zeroes when done
  }
}

/**
 * The other certificates, from the certificate's issuer upwards while they link by name (RFC 5280
 * section 6.1), then any that do not link, in file order.
 */
function chainOf(certificate, others) {
  const names = (der) => {
    const tbs = parse(der).child(0, TAG.SEQUENCE);
    const at = tbs.child(0).is(0, CLASS.CONTEXT) ? 1 : 0; // [0] version, when present
    return { issuer: tbs.child(at + 2).encoded, subject: tbs.child(at + 4).encoded };
  };
  const key = (bytes) => Array.from(bytes).join(',');
  const rest = others.map((c) => ({ der: c.der, ...names(c.der) }));
  const chain = [];
  let current = names(certificate);
  while (key(current.issuer) !== key(current.subject)) {
    const next = rest.find((c) => !chain.includes(c) && key(c.subject) === key(current.issuer));
    if (next === undefined) break;
    chain.push(next);
    current = next;
  }
  return [...chain, ...rest.filter((c) => !chain.includes(c))].map((c) => c.der);
}

/** The PBES2 parameters (RFC 8018 appendix A.4 and A.2) of an AlgorithmIdentifier, checked and bounded. */
function pbes2Parameters(algorithm) {
  const scheme = oidOf(algorithm.child(0));
  if (scheme !== OID.pbes2) {
    const legacy = LEGACY.find(([prefix]) => scheme.startsWith(prefix));
    if (legacy) {
      throw new Pkcs12Error(`This key file is encrypted with ${legacy[1]}, which browsers cannot decrypt. Convert it with the keytool of Java 17, which \`lscb\` runs on (\`keytool -importkeystore -srckeystore old.p12 -destkeystore new.p12 -deststoretype PKCS12\`), or export it again with OpenSSL 3 (\`openssl pkcs12 -export\`, without -legacy), and import the new file.`);
    }
    throw new Pkcs12Error(`This key file is encrypted with a scheme the browser does not support (${scheme}).`);
  }
  const params = algorithm.child(1, TAG.SEQUENCE);
  const kdf = params.child(0, TAG.SEQUENCE);
  if (oidOf(kdf.child(0)) !== OID.pbkdf2) {
    throw new Pkcs12Error(`This key file derives its key with ${oidOf(kdf.child(0))}; the browser supports PBKDF2 only.`);
  }
  const p = kdf.child(1, TAG.SEQUENCE);
  const salt = bytesOf(p.child(0));
  const iterations = checkedIterations(intOf(p.child(1, TAG.INTEGER)));
  let keyLength;
  let prf = 'SHA-1';
  for (const extra of p.children.slice(2)) {
    if (extra.is(TAG.INTEGER)) {
      keyLength = intOf(extra);
    } else {
      const prfOid = oidOf(extra.child(0));
      prf = PRFS[prfOid];
      if (prf === undefined) throw new Pkcs12Error(`This key file's PBKDF2 uses a function the browser does not support (${prfOid}).`);
    }
  }
  const cipher = params.child(1, TAG.SEQUENCE);
  const cipherOid = oidOf(cipher.child(0));
  const length = CIPHERS[cipherOid];
  if (length === undefined) {
    throw new Pkcs12Error(`This key file is encrypted with a cipher the browser does not support (${cipherOid}); AES-128-CBC and AES-256-CBC are.`);
  }
  const iv = bytesOf(cipher.child(1));
  if (iv.length !== 16 || (keyLength !== undefined && keyLength !== BigInt(length))) {
    throw new DerError('its AES parameters do not fit the cipher');
  }
  return { salt, iterations, prf, length, iv };
}

/** The AES key PBKDF2 (RFC 8018 section 5.2) derives from the password as UTF-8, as Java and OpenSSL use it. */
async function pbes2Key({ salt, iterations, prf, length }, password, usage) {
  const base = await crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: prf }, base, { name: 'AES-CBC', length: length * 8 }, false, [usage]);
}

/** PBES2 decryption (RFC 8018 section 6.2.2). */
async function pbes2Decrypt(algorithm, ciphertext, password) {
  const params = pbes2Parameters(algorithm);
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw new Pkcs12Error(`${NOT_PKCS12}: an encrypted part is not whole AES blocks.`);
  }
  const key = await pbes2Key(params, password, 'decrypt');
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: params.iv }, key, ciphertext));
  } catch (e) {
    // the MAC verified with this password, so the part is locked with another one (Java allows that)
    throw new Pkcs12Error('A part of this key file is locked with another password than the file itself; the browser takes files with one password.', { cause: e });
  }
}

/** PBES2 encryption (RFC 8018 section 6.2.1) with PBKDF2-HMAC-SHA256 and AES-256-CBC; answers { algorithm, ciphertext }. */
async function pbes2Encrypt(plain, password, iterations) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const key = await pbes2Key({ salt, iterations, prf: 'SHA-256', length: 32 }, password, 'encrypt');
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, plain));
  const algorithm = seq(
    oid(OID.pbes2),
    seq(
      seq(oid(OID.pbkdf2), seq(octets(salt), int(iterations), int(32), seq(oid(HMAC_SHA256), nul()))),
      seq(oid(AES256_CBC), octets(iv))));
  return { algorithm, ciphertext };
}

/** A SafeBag (RFC 7292 section 4.2) with its attributes (friendlyName as a BMPString, localKeyId). */
function safeBag(type, value, { friendlyName, localKeyId } = {}) {
  const attributes = [];
  if (friendlyName !== undefined) attributes.push(seq(oid(OID.friendlyName), set(element(0x1e, utf16(friendlyName)))));
  if (localKeyId !== undefined) attributes.push(seq(oid(OID.localKeyId), set(octets(localKeyId))));
  return seq(oid(type), explicit(0, value), ...(attributes.length ? [set(...attributes)] : []));
}

/**
 * Writes a PKCS#12 file (RFC 7292) that Java 17's KeyStore, the `lscb` client and OpenSSL 3 read: the key in
 * a pkcs8ShroudedKeyBag and the certificates in an encrypted SafeContents, both PBES2 with
 * PBKDF2-HMAC-SHA256 (600,000 iterations) and AES-256-CBC; the key and its certificate carry the same
 * localKeyId and the friendlyName (Java's alias, "lscb" as `lscb keygen` names it); an HMAC-SHA256 MAC
 * with the appendix B key over it all.
 *
 * The MAC's count matters as much as PBKDF2's: anyone holding the file can test a guessed password against
 * the MAC at the cost of that many hashes. So it is 600,000 as well, although WebCrypto offers the
 * appendix B KDF only as one crypto.subtle.digest call per iteration: some 5 seconds in headless Chromium
 * on the 2-core build machine (PBKDF2's two 600,000 rounds take a quarter of a second).
 *
 * @param {{privateKey: Uint8Array, certificate: Uint8Array, chain?: Uint8Array[], password: string,
 *          friendlyName?: string, macIterations?: number}} input privateKey is PKCS#8 DER; chain the
 *          issuers' certificates; macIterations the count of the MAC's KDF (default 600,000)
 * @returns {Promise<Uint8Array>} the file
 */
export async function exportPkcs12({ privateKey, certificate, chain = [], password, friendlyName = 'lscb', macIterations = EXPORT_ITERATIONS }) {
  if (!(privateKey instanceof Uint8Array) || !(certificate instanceof Uint8Array) || typeof password !== 'string' || password === '') {
    throw new TypeError('exportPkcs12 takes the PKCS#8 key and the certificate as bytes, and a password');
  }
  checkedIterations(BigInt(macIterations));
  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-256', certificate));
  const key = await pbes2Encrypt(privateKey, password, EXPORT_ITERATIONS);
  const keyBag = safeBag(OID.shroudedKeyBag, seq(key.algorithm, octets(key.ciphertext)), { friendlyName, localKeyId });
  const certBag = (der, attributes) => safeBag(OID.certBag, seq(oid(OID.x509Certificate), explicit(0, octets(der))), attributes);
  const certs = await pbes2Encrypt(
    seq(certBag(certificate, { friendlyName, localKeyId }), ...chain.map((c) => certBag(c))), password, EXPORT_ITERATIONS);
  const authSafe = seq(
    seq(oid(OID.data), explicit(0, octets(seq(keyBag)))),
    seq(oid(OID.encryptedData), explicit(0, seq(int(0), seq(oid(OID.data), certs.algorithm, implicit(0, octets(certs.ciphertext)))))));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const digest = DIGESTS[SHA256];
  const macKey = await pkcs12MacKey(digest, password, salt, macIterations);
  const hmac = await crypto.subtle.importKey('raw', macKey, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, authSafe));
  return seq(
    int(3),
    seq(oid(OID.data), explicit(0, octets(authSafe))),
    seq(seq(seq(oid(SHA256), nul()), octets(mac)), octets(salt), int(macIterations)));
}
