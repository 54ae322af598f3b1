// A person's key pair in the browser: making one, turning a PKCS#8 key into the WebCrypto keys the
// envelopes need, and the PKCS#10 certificate request (RFC 2986) that `POST /api/v1/keys/enrol` certifies,
// as `lscb keygen` and `lscb enrol` do.
//
// The profile is the one envelope's KeyRules enforces: RSA of 3072 bits or more with an odd public exponent
// of at least 65537, or EC on P-256 or P-384. WebCrypto binds each key to one algorithm, so one PKCS#8 key is
// imported once for each use, every import non-extractable.

import {
  CLASS, DerError, TAG, bits, bytesOf, explicit, implicit, int, intOf, nul, oid, oidOf, parse, pem, seq, set,
  unsignedOf, utf8,
} from './der.js';

/** A key outside the profile, or a certificate that is not the key's. */
export class KeyError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'KeyError';
  }
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384' };
const MIN_RSA_BITS = 3072;
const SHA256 = '2.16.840.1.101.3.4.2.1';
const PROFILE = 'Keys must be RSA (3072 bits or more) or EC (P-256 or P-384)';

/**
 * Makes a new key pair as `lscb keygen` does: RSA 3072 (exponent 65537) or EC P-256. The pair is made
 * extractable only to answer its encodings, which the page keeps (or exports once, as PKCS#12) and imports
 * non-extractable for each use with {@link importPrivateKey}.
 *
 * @param {'RSA'|'EC'} kind
 * @returns {Promise<{pkcs8: Uint8Array, spki: Uint8Array}>} the private key as PKCS#8 (RFC 5208) and the
 *          public key as SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7), both DER
 */
export async function generateKeyPair(kind) {
  let algorithm;
  if (kind === 'RSA') {
    algorithm = { name: 'RSA-PSS', modulusLength: MIN_RSA_BITS, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' };
  } else if (kind === 'EC') {
    algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  } else {
    throw new KeyError(`A key pair is RSA or EC, not ${kind}`);
  }
  const pair = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  return {
    pkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
  };
}

/**
 * What a PKCS#8 PrivateKeyInfo (RFC 5208 section 5) holds, checked against the profile: for RSA the
 * modulus length and exponent from its RSAPrivateKey (RFC 8017 appendix A.1.2), for EC the named curve
 * (RFC 5480 section 2.1.1; explicit curve parameters are refused, as look-alike curves may be weak).
 *
 * @returns {{kind: 'RSA', bits: number} | {kind: 'EC', curve: 'P-256'|'P-384'}}
 */
function describeKey(pkcs8) {
  let info;
  try {
    info = parse(pkcs8);
    const algorithm = info.child(1, TAG.SEQUENCE);
    const type = oidOf(algorithm.child(0));
    if (type === RSA_ENCRYPTION) {
      const rsa = parse(bytesOf(info.child(2)));
      const n = unsignedOf(rsa.child(1));
      const e = intOf(rsa.child(2));
      const size = (n.length - 1) * 8 + (32 - Math.clz32(n[0]));
      if (size < MIN_RSA_BITS) throw new KeyError(`RSA keys must have at least ${MIN_RSA_BITS} bits, not ${size}`);
      if (e < 65537n || e % 2n === 0n) throw new KeyError('RSA keys must have an odd public exponent of at least 65537');
      return { kind: 'RSA', bits: size };
    }
    if (type === EC_PUBLIC_KEY) {
      const curve = algorithm.children[1]?.is(TAG.OID) ? CURVES[oidOf(algorithm.child(1))] : undefined;
      if (curve === undefined) throw new KeyError('EC keys must be on P-256 or P-384');
      return { kind: 'EC', curve };
    }
    throw new KeyError(`${PROFILE}, not ${type}`);
  } catch (e) {
    if (e instanceof DerError) throw new KeyError(`This is not a PKCS#8 private key: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * The non-extractable WebCrypto keys a person needs, each a separate import of the same PKCS#8 key:
 * for RSA, RSA-OAEP/SHA-256 to open envelopes, RSA-PSS/SHA-256 to sign them and RSASSA-PKCS1-v1_5/SHA-256
 * for certificate requests; for EC, ECDH to open and ECDSA to sign, on the key's curve. With a certificate,
 * the key must be the one it certifies: a random challenge signed by the key must verify with the
 * certificate's public key.
 *
 * @param {Uint8Array} pkcs8 the private key, PKCS#8 DER
 * @param {Uint8Array} [certificate] the key's certificate, DER
 * @returns {Promise<{kind: 'RSA', bits: number, decrypt: CryptoKey, sign: CryptoKey, signPkcs1: CryptoKey}
 *                 | {kind: 'EC', curve: string, decrypt: CryptoKey, sign: CryptoKey}>}
 * @throws {KeyError} for a key outside the profile or a certificate for another key
 */
export async function importPrivateKey(pkcs8, certificate) {
  const about = describeKey(pkcs8);
  const load = (algorithm, usage) => crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, [usage]);
  let keys;
  try {
    keys = about.kind === 'RSA'
      ? {
          ...about,
          decrypt: await load({ name: 'RSA-OAEP', hash: 'SHA-256' }, 'decrypt'),
          sign: await load({ name: 'RSA-PSS', hash: 'SHA-256' }, 'sign'),
          signPkcs1: await load({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, 'sign'),
        }
      : {
          ...about,
          decrypt: await load({ name: 'ECDH', namedCurve: about.curve }, 'deriveBits'),
          sign: await load({ name: 'ECDSA', namedCurve: about.curve }, 'sign'),
        };
  } catch (e) {
    throw new KeyError(`The browser cannot use this ${about.kind} key: ${e.message}`, { cause: e });
  }
  if (certificate !== undefined) await checkCertificate(keys, certificate);
  return keys;
}

/** Whether the certificate's public key verifies what the private key signs. */
async function checkCertificate(keys, certificate) {
  const mismatch = 'The certificate is not for this key';
  let spki;
  try {
    const tbs = parse(certificate).child(0, TAG.SEQUENCE);
    spki = tbs.child((tbs.child(0).is(0, CLASS.CONTEXT) ? 1 : 0) + 5, TAG.SEQUENCE).encoded;
  } catch (e) {
    if (e instanceof DerError) throw new KeyError(`This is not an X.509 certificate: ${e.message}`, { cause: e });
    throw e;
  }
  const algorithm = keys.kind === 'RSA'
    ? { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }
    : { name: 'ECDSA', namedCurve: keys.curve, hash: 'SHA-256' };
  let publicKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', spki, algorithm, false, ['verify']);
  } catch (e) {
    throw new KeyError(`${mismatch}: it holds another kind of key.`, { cause: e });
  }
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const signature = await crypto.subtle.sign(algorithm, keys.sign, challenge);
  if (!(await crypto.subtle.verify(algorithm, publicKey, signature, challenge))) {
    throw new KeyError(`${mismatch}.`);
  }
}

/** The signatureAlgorithm (RFC 4055 section 3.1, RFC 5758 section 3.2) and WebCrypto parameters for a signing key. */
function signatureAlgorithm(privateKey) {
  const sha256 = seq(oid(SHA256), nul());
  switch (privateKey.algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return { der: seq(oid('1.2.840.113549.1.1.11'), nul()), params: { name: 'RSASSA-PKCS1-v1_5' }, hash: privateKey.algorithm.hash.name };
    case 'RSA-PSS':
      return {
        der: seq(oid('1.2.840.113549.1.1.10'), seq(
          explicit(0, sha256), explicit(1, seq(oid('1.2.840.113549.1.1.8'), sha256)), explicit(2, int(32)))),
        params: { name: 'RSA-PSS', saltLength: 32 },
        hash: privateKey.algorithm.hash.name,
      };
    case 'ECDSA':
      return { der: seq(oid('1.2.840.10045.4.3.2')), params: { name: 'ECDSA', hash: 'SHA-256' }, hash: 'SHA-256', ecdsa: true };
    default:
      throw new KeyError(`A certificate request is signed with an RSASSA-PKCS1-v1_5, RSA-PSS or ECDSA key, not ${privateKey.algorithm.name}`);
  }
}

/**
 * A PKCS#10 certificate request (RFC 2986 section 4) for the public key, signed by its private key as proof
 * of possession: SHA256withRSA (PKCS#1 v1.5, as `lscb enrol`), RSASSA-PSS with SHA-256, or ECDSA with
 * SHA-256, according to the key given. The subject is only a placeholder: the deployment CA names the
 * certificate after the account or board it binds the key to.
 *
 * @param {{publicKey: CryptoKey|Uint8Array, privateKey: CryptoKey, subject?: string}} input publicKey is a
 *        CryptoKey or SubjectPublicKeyInfo DER; subject is a common name (default "enrolment", as `lscb enrol`)
 * @returns {Promise<string>} the request as PEM ("CERTIFICATE REQUEST")
 */
export async function certificationRequest({ publicKey, privateKey, subject = 'enrolment' }) {
  const spki = publicKey instanceof Uint8Array ? publicKey : new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const algorithm = signatureAlgorithm(privateKey);
  if (algorithm.hash !== 'SHA-256') throw new KeyError('A certificate request is signed with SHA-256');
  // CertificationRequestInfo: version 0, subject, subjectPKInfo, attributes [0] (none)
  const name = seq(set(seq(oid('2.5.4.3'), utf8(subject))));
  const info = seq(int(0), name, spki, implicit(0, set()));
  let signature = new Uint8Array(await crypto.subtle.sign(algorithm.params, privateKey, info));
  if (algorithm.ecdsa) {
    // WebCrypto answers r || s (IEEE P1363); X.509 wants Ecdsa-Sig-Value (RFC 5480 appendix A)
    const half = signature.length / 2;
    signature = seq(int(signature.subarray(0, half)), int(signature.subarray(half)));
  }
  return pem('CERTIFICATE REQUEST', seq(info, algorithm.der, bits(signature)));
}
