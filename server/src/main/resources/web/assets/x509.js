// X.509 certificates for the browser's envelopes (RFC 5280): who a certificate names, what key it holds,
// whether the deployment CA issued it, and that key in the form WebCrypto takes. Parsing is der.js's;
// every signature check is WebCrypto's.

import {
  CLASS, DerError, TAG, bitsOf, bytesOf, fromPem, intOf, oidOf, parse, textOf, timeOf, toHex, unsignedOf,
  int, seq,
} from './der.js';

/** A certificate that cannot be read, or whose key this profile or WebCrypto cannot use. */
export class CertificateError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CertificateError';
  }
}

/** Object identifiers used here and by cms.js. */
export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
};

/** WebCrypto's names of the SHA-2 digests, by object identifier. */
export const HASHES = { [OID.sha256]: 'SHA-256', [OID.sha384]: 'SHA-384', [OID.sha512]: 'SHA-512' };

const CURVES = { [OID.p256]: 'P-256', [OID.p384]: 'P-384' };
/** Bytes of a coordinate (and of r and s in an ECDSA signature) per curve. */
const CURVE_BYTES = { 'P-256': 32, 'P-384': 48 };

const ECDSA_HASHES = { [OID.ecdsaWithSha256]: 'SHA-256', [OID.ecdsaWithSha384]: 'SHA-384', [OID.ecdsaWithSha512]: 'SHA-512' };
const PKCS1_HASHES = { [OID.sha256WithRsa]: 'SHA-256', [OID.sha384WithRsa]: 'SHA-384', [OID.sha512WithRsa]: 'SHA-512' };

/** Short names of the attribute types in names (RFC 4514 section 3, plus UID and emailAddress). */
const NAME_TYPES = {
  '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET', '2.5.4.5': 'SERIALNUMBER', '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC', '1.2.840.113549.1.9.1': 'E',
};

const KEY_USAGES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/**
 * Reads a DER certificate (or the first certificate of PEM text) into the fields the pages and cms.js
 * use (RFC 5280 section 4.1):
 * {der, tbs, serial (lower-case hex, as the server's certificate ids), serialNode, issuer, subject (text, CN
 * first), issuerName, subjectName (encoded Names), notBefore, notAfter (Date), spki (SubjectPublicKeyInfo
 * DER), key ({kind:'RSA', bits, exponent} or {kind:'EC', curve:'P-256'|'P-384'|null}), keyUsage (names of
 * the bits, or undefined), subjectKeyIdentifier (bytes or undefined), signatureAlgorithm (its node),
 * signature (bytes)}.
 * @throws CertificateError when it is not a certificate
 */
export function parseCertificate(input) {
  const der = typeof input === 'string' ? firstPem(input) : input;
  try {
    const cert = parse(der, { maxDepth: 20 }).count(3);
    const tbs = cert.child(0, TAG.SEQUENCE);
    const signatureAlgorithm = cert.child(1, TAG.SEQUENCE);
    let i = tbs.child(0).is(0, CLASS.CONTEXT) ? 1 : 0; // version [0] EXPLICIT, absent for v1
    const serialNode = tbs.child(i++, TAG.INTEGER);
    const innerAlgorithm = tbs.child(i++, TAG.SEQUENCE);
    const issuerName = tbs.child(i++, TAG.SEQUENCE);
    const validity = tbs.child(i++, TAG.SEQUENCE).count(2);
    const subjectName = tbs.child(i++, TAG.SEQUENCE);
    const spki = tbs.child(i++, TAG.SEQUENCE);
    if (!equalBytes(innerAlgorithm.encoded, signatureAlgorithm.encoded)) {
      throw new CertificateError('The certificate names two different signature algorithms (RFC 5280 section 4.1.1.2)');
    }
    const extensions = extensionsOf(tbs.optional(3, CLASS.CONTEXT));
    const keyUsageExt = extensions.get(OID.keyUsage);
    const skiExt = extensions.get(OID.subjectKeyIdentifier);
    return {
      der,
      tbs: tbs.encoded,
      serial: toHex(unsignedOf(serialNode)).replace(/^0+(?=.)/, ''),
      serialNode,
      issuer: nameText(issuerName),
      subject: nameText(subjectName),
      issuerName: issuerName.encoded,
      subjectName: subjectName.encoded,
      notBefore: timeOf(validity.child(0)),
      notAfter: timeOf(validity.child(1)),
      spki: spki.encoded,
      key: keyOf(spki),
      keyUsage: keyUsageExt && keyUsageOf(parse(keyUsageExt)),
      subjectKeyIdentifier: skiExt && bytesOf(parse(skiExt)),
      signatureAlgorithm,
      signature: bitsOf(cert.child(2, TAG.BIT_STRING)),
    };
  } catch (e) {
    if (e instanceof DerError) throw new CertificateError(`This is not a readable X.509 certificate: ${e.message}`);
    throw e;
  }
}

function firstPem(text) {
  const blocks = fromPem(text, 'CERTIFICATE');
  if (blocks.length === 0) throw new CertificateError('The text holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  return blocks[0];
}

/** The extnValue bytes of each extension, by object identifier (RFC 5280 section 4.1.2.9). */
function extensionsOf(explicit) {
  const out = new Map();
  if (!explicit) return out;
  for (const ext of explicit.child(0, TAG.SEQUENCE).children) {
    const id = oidOf(ext.child(0, TAG.OID));
    if (out.has(id)) throw new CertificateError(`The certificate carries the extension ${id} twice (RFC 5280 section 4.2)`);
    out.set(id, bytesOf(ext.children[ext.children.length - 1]));
  }
  return out;
}

/** The names of the bits set in a KeyUsage BIT STRING (RFC 5280 section 4.2.1.3). */
function keyUsageOf(node) {
  if (!node.is(TAG.BIT_STRING) || node.value.length === 0) throw new DerError('a key usage that is not a BIT STRING');
  const v = node.value;
  const names = [];
  KEY_USAGES.forEach((name, bit) => {
    const byte = 1 + (bit >> 3);
    if (byte < v.length && (v[byte] & (0x80 >> (bit & 7)))) names.push(name);
  });
  return names;
}

/**
 * A Name as text, its common name first and the rest in the order encoded, as "CN=Agency Author, O=Police,
 * UID=...": values escaped as RFC 4514 section 2.4 asks, unknown types by dotted identifier and a value in
 * another form as # and its hex.
 */
function nameText(name) {
  const parts = [];
  for (const rdn of name.children) {
    for (const atv of rdn.children) {
      const id = oidOf(atv.child(0, TAG.OID));
      const valueNode = atv.child(1);
      let value;
      try {
        value = escapeValue(textOf(valueNode));
      } catch {
        value = `#${toHex(valueNode.encoded)}`;
      }
      parts.push({ cn: id === '2.5.4.3', text: `${NAME_TYPES[id] || id}=${value}` });
    }
  }
  return [...parts.filter((p) => p.cn), ...parts.filter((p) => !p.cn)].map((p) => p.text).join(', ');
}

function escapeValue(s) {
  return s.replace(/[,+"\\<>;]/g, '\\$&').replace(/^[ #]/, '\\$&').replace(/ $/, '\\ ');
}

/** The kind of key a SubjectPublicKeyInfo holds (RFC 3279 section 2.3.1, RFC 5480 section 2). */
function keyOf(spki) {
  const algorithm = spki.child(0, TAG.SEQUENCE);
  const id = oidOf(algorithm.child(0, TAG.OID));
  const publicKey = bitsOf(spki.child(1, TAG.BIT_STRING));
  if (id === OID.rsaEncryption) {
    const rsa = parse(publicKey).count(2);
    const n = unsignedOf(rsa.child(0, TAG.INTEGER));
    const bits = n.length * 8 - Math.clz32(n[0]) + 24;
    return { kind: 'RSA', bits, exponent: intOf(rsa.child(1, TAG.INTEGER)) };
  }
  if (id === OID.ecPublicKey) {
    const params = algorithm.children[1];
    const curve = params && params.is(TAG.OID) ? CURVES[oidOf(params)] || null : null;
    return { kind: 'EC', curve };
  }
  return { kind: id };
}

/**
 * Whether the key is one the profile allows as a recipient or signer (docs/security.md "Crypto profile",
 * the Java KeyRules): RSA of 3072 bits or more with an odd public exponent of at least 65537, or EC on
 * P-256 or P-384 by name. Throws CertificateError saying which rule failed.
 */
export function checkKeyRules(cert) {
  const key = cert.key;
  if (key.kind === 'RSA') {
    if (key.bits < 3072) throw new CertificateError(`RSA keys must have at least 3072 bits, not ${key.bits} (${cert.subject})`);
    if (key.exponent < 65537n || key.exponent % 2n === 0n) {
      throw new CertificateError(`RSA keys must have an odd public exponent of at least 65537 (${cert.subject})`);
    }
    return;
  }
  if (key.kind === 'EC') {
    if (!key.curve) throw new CertificateError(`EC keys must be on P-256 or P-384 (${cert.subject})`);
    return;
  }
  throw new CertificateError(`Keys must be RSA (3072 bits or more) or EC (P-256, P-384), not ${key.kind} (${cert.subject})`);
}

/**
 * The SHA-256 of the DER certificate in upper-case hex without separators: the form the server shows
 * (X-Certificate-Fingerprint, /keys/mine; the Java Pem.fingerprint) and openssl x509 -fingerprint -sha256
 * prints, less its colons.
 */
export async function fingerprint(certOrDer) {
  const der = certOrDer instanceof Uint8Array ? certOrDer : certOrDer.der;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', der))).toUpperCase();
}

/** Whether {@code date} lies within the certificate's validity (RFC 5280 section 4.1.2.5), both ends included. */
export function validAt(cert, date = new Date()) {
  return cert.notBefore.getTime() <= date.getTime() && date.getTime() <= cert.notAfter.getTime();
}

/**
 * Whether {@code caCert} issued {@code cert}: the issuer name equals the CA's subject and the CA's key
 * verifies the signature over the TBSCertificate (RFC 5280 section 6.1.3 (a)(1) and (a)(4)), with ECDSA
 * (SHA-256/384/512; RFC 5758 section 3.2), RSASSA-PSS (RFC 4055 section 3) or RSA PKCS#1 v1.5 with SHA-2
 * (RFC 4055 section 5). An unknown algorithm or a malformed signature is not an issuance: false.
 */
export async function issuedBy(cert, caCert) {
  if (!equalBytes(cert.issuerName, caCert.subjectName)) return false;
  const id = oidOf(cert.signatureAlgorithm.child(0, TAG.OID));
  try {
    if (ECDSA_HASHES[id] && caCert.key.kind === 'EC' && caCert.key.curve) {
      const key = await importEcdsaVerify(caCert);
      const signature = ecdsaSignatureToRaw(cert.signature, caCert.key.curve);
      return await crypto.subtle.verify({ name: 'ECDSA', hash: ECDSA_HASHES[id] }, key, signature, cert.tbs);
    }
    if (PKCS1_HASHES[id] && caCert.key.kind === 'RSA') {
      const key = await crypto.subtle.importKey('spki', caCert.spki, { name: 'RSASSA-PKCS1-v1_5', hash: PKCS1_HASHES[id] }, false, ['verify']);
      return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, cert.signature, cert.tbs);
    }
    if (id === OID.rsassaPss && caCert.key.kind === 'RSA') {
      const pss = pssParameters(cert.signatureAlgorithm.children[1]);
      const key = await importRsaPssVerify(caCert, pss.hash);
      return await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: pss.saltLength }, key, cert.signature, cert.tbs);
    }
  } catch (e) {
    if (e instanceof DerError || e instanceof CertificateError || e.name === 'DataError' || e.name === 'OperationError') return false;
    throw e;
  }
  return false;
}

/**
 * RSASSA-PSS-params (RFC 4055 section 3.1) as WebCrypto takes them: {hash, saltLength}. The message and
 * the mask must use the same SHA-2 digest (WebCrypto knows no other MGF1) and the trailer must be 1.
 * Absent fields take RFC 4055's defaults (SHA-1, salt 20), which the SHA-2 rule then refuses.
 */
export function pssParameters(params) {
  if (!params || !params.is(TAG.SEQUENCE)) throw new CertificateError('An RSA-PSS signature without its parameters');
  const hashNode = params.optional(0);
  const mgfNode = params.optional(1);
  const saltNode = params.optional(2);
  const trailerNode = params.optional(3);
  const hashId = hashNode ? oidOf(hashNode.child(0, TAG.SEQUENCE).child(0, TAG.OID)) : '1.3.14.3.2.26';
  let mgfHashId = '1.3.14.3.2.26';
  if (mgfNode) {
    const mgf = mgfNode.child(0, TAG.SEQUENCE);
    if (oidOf(mgf.child(0, TAG.OID)) !== OID.mgf1) throw new CertificateError('An RSA-PSS signature with a mask other than MGF1');
    mgfHashId = oidOf(mgf.child(1, TAG.SEQUENCE).child(0, TAG.OID));
  }
  if (!HASHES[hashId] || hashId !== mgfHashId) {
    throw new CertificateError(`An RSA-PSS signature with digest ${hashId} and mask digest ${mgfHashId} (SHA-256 or stronger, the same for both, is required)`);
  }
  if (trailerNode && intOf(trailerNode.child(0, TAG.INTEGER)) !== 1n) throw new CertificateError('An RSA-PSS signature with a trailer other than 1');
  const saltLength = saltNode ? Number(intOf(saltNode.child(0, TAG.INTEGER))) : 20;
  if (!(saltLength >= 0 && saltLength <= 1024)) throw new CertificateError('An RSA-PSS signature with an impossible salt length');
  return { hash: HASHES[hashId], saltLength };
}

/**
 * An ECDSA signature as X.509 and CMS carry it, DER SEQUENCE {r, s} (RFC 5753 section 7.2, RFC 3279
 * section 2.2.3), in the form WebCrypto takes: r and s each left-padded to the curve's width, concatenated.
 */
export function ecdsaSignatureToRaw(der, curve) {
  const width = CURVE_BYTES[curve];
  const sig = parse(der, { maxDepth: 2 }).count(2);
  const out = new Uint8Array(2 * width);
  [0, 1].forEach((i) => {
    const v = unsignedOf(sig.child(i, TAG.INTEGER));
    if (v.length > width) throw new CertificateError('An ECDSA signature too long for its curve');
    out.set(v, (i + 1) * width - v.length);
  });
  return out;
}

/** WebCrypto's ECDSA signature (r || s, fixed width) as DER SEQUENCE {r, s} for CMS. */
export function ecdsaSignatureToDer(rawSignature) {
  const half = rawSignature.length / 2;
  return seq(int(rawSignature.subarray(0, half)), int(rawSignature.subarray(half)));
}

function requireKind(cert, kind) {
  if (cert.key.kind !== kind) throw new CertificateError(`${cert.subject} holds an ${cert.key.kind} key where an ${kind} key is needed`);
  if (kind === 'EC' && !cert.key.curve) throw new CertificateError(`${cert.subject} holds an EC key on a curve other than P-256 or P-384`);
}

/** The certificate's RSA key for RSA-OAEP encryption (key transport; RFC 8017 section 7.1) with SHA-256. */
export function importRsaOaepEncrypt(cert, hash = 'SHA-256') {
  requireKind(cert, 'RSA');
  return crypto.subtle.importKey('spki', cert.spki, { name: 'RSA-OAEP', hash }, false, ['encrypt']);
}

/** The certificate's RSA key for RSA-PSS verification (RFC 8017 section 8.1) with the digest named. */
export function importRsaPssVerify(cert, hash = 'SHA-256') {
  requireKind(cert, 'RSA');
  return crypto.subtle.importKey('spki', cert.spki, { name: 'RSA-PSS', hash }, false, ['verify']);
}

/** The certificate's EC key as the static key of an ECDH agreement (RFC 5753 section 3.1). */
export function importEcdhPublic(cert) {
  requireKind(cert, 'EC');
  return crypto.subtle.importKey('spki', cert.spki, { name: 'ECDH', namedCurve: cert.key.curve }, false, []);
}

/** The certificate's EC key for ECDSA verification. */
export function importEcdsaVerify(cert) {
  requireKind(cert, 'EC');
  return crypto.subtle.importKey('spki', cert.spki, { name: 'ECDSA', namedCurve: cert.key.curve }, false, ['verify']);
}

/** Whether two byte arrays are equal. */
export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
