// CMS envelopes in the browser, the same ones the Java envelope module (Sealer, Opener, Granter,
// ReceiptSignature) and openssl cms make and open: the author's SignedData (RFC 5652 section 5; RSA-PSS,
// RFC 4055, or ECDSA; SHA-256) carried as id-data inside AuthEnvelopedData (RFC 5083) with AES-256-GCM
// (RFC 5084), each recipient reached by RSA-OAEP-SHA-256 key transport (RFC 8017, RFC 4055 section 4) or
// ephemeral-static ECDH with the X9.63 KDF and AES key wrap (RFC 5753, RFC 3394/3565). WebCrypto does every
// primitive; this module only lays out and reads the structures. Documents are held whole in memory:
// WebCrypto's AES-GCM is one-shot.

import {
  CLASS, DerError, TAG, bitsOf, bytesOf, concat, explicit, generalizedTime, implicit, int, intOf, nul, octets,
  oid, oidOf, parse, seq, set, timeOf, utcTime,
} from './der.js';
import {
  CertificateError, HASHES, OID, checkKeyRules, ecdsaSignatureToDer, ecdsaSignatureToRaw, equalBytes, fingerprint,
  importEcdhPublic, importEcdsaVerify, importRsaOaepEncrypt, importRsaPssVerify, issuedBy, parseCertificate,
  pssParameters, validAt,
} from './x509.js';

/**
 * Why an envelope could not be sealed, opened or granted: {@code code} for the page
 * ('malformed', 'unsupported', 'not-recipient', 'tampered', 'signature', 'signer', 'untrusted', 'expired',
 * 'revoked', 'revocation-unknown', 'input', 'failed'), {@code message} a sentence for the person; for
 * 'failed', the browser's own error is the {@code cause}, for the console.
 */
export class EnvelopeError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'EnvelopeError';
    this.code = code;
  }
}

/** CMS object identifiers (RFC 5652 sections 4-11, RFC 5083, RFC 5084, RFC 3565, RFC 5753, RFC 6211). */
const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  algorithmProtection: '1.2.840.113549.1.9.52',
  aes128Gcm: '2.16.840.1.101.3.4.1.6',
  aes256Gcm: '2.16.840.1.101.3.4.1.46',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  aes256Wrap: '2.16.840.1.101.3.4.1.45',
  rsaesOaep: '1.2.840.113549.1.1.7',
  pSpecified: '1.2.840.113549.1.1.9',
  sha1: '1.3.14.3.2.26',
};

/** The key agreement schemes of RFC 5753 section 7.1.4 the profile allows, with their KDF digests. */
const ECDH_KDF = { '1.3.132.1.11.1': 'SHA-256', '1.3.132.1.11.2': 'SHA-384', '1.3.132.1.11.3': 'SHA-512' };
const ECDH_SHA256_KDF = '1.3.132.1.11.1';
const ECDSA = { '1.2.840.10045.4.3.2': 'SHA-256', '1.2.840.10045.4.3.3': 'SHA-384', '1.2.840.10045.4.3.4': 'SHA-512' };
const CURVE_BITS = { 'P-256': 256, 'P-384': 384 };

/** At most this many recipients in one grant, as the server's RecipientSplice takes. */
const MAX_GRANTED = 50;

// ---- algorithm identifiers as Bouncy Castle writes them ----

const sha256Algorithm = () => seq(oid(OID.sha256));
/** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 4055 section 3.1), hash parameters NULL as BC writes. */
const pssSha256Algorithm = () => seq(oid(OID.rsassaPss), seq(
  explicit(0, seq(oid(OID.sha256), nul())),
  explicit(1, seq(oid(OID.mgf1), seq(oid(OID.sha256), nul()))),
  explicit(2, int(32))));
/** RSAES-OAEP with SHA-256 and MGF1-SHA-256, the empty label left as default (RFC 4055 section 4.1). */
const oaepSha256Algorithm = () => seq(oid(CMS.rsaesOaep), seq(
  explicit(0, seq(oid(OID.sha256), nul())),
  explicit(1, seq(oid(OID.mgf1), seq(oid(OID.sha256), nul())))));
/** id-aes256-wrap, parameters absent (RFC 3565 section 2.3.2). */
const aes256WrapAlgorithm = () => seq(oid(CMS.aes256Wrap));

// ---- framing large content without copying it at every level ----

/** The DER identifier and length octets of an element with {@code length} content bytes (X.690 section 8.1.3). */
function header(identifier, length) {
  const octetsOfLength = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) octetsOfLength.unshift(v % 256);
  return length < 0x80 ? Uint8Array.of(identifier, length) : Uint8Array.of(identifier, 0x80 | octetsOfLength.length, ...octetsOfLength);
}

/** An element as a list of pieces (its header, then {@code parts}), joined once by the caller with concat. */
function framed(identifier, parts) {
  return [header(identifier, parts.reduce((n, p) => n + p.length, 0)), ...parts];
}

// ---- sealing ----

/**
 * Signs {@code plaintext} as its author and encrypts it to {@code recipients}, as the Java Sealer does
 * (default profile): a SignedData (RFC 5652 section 5) with signed attributes contentType, signingTime,
 * messageDigest and cmsAlgorithmProtection (RFC 6211), RSA-PSS-SHA-256 (salt 32) or ECDSA-SHA-256, the
 * author's certificate included; carried as id-data in AuthEnvelopedData (RFC 5083 section 2.1) under a
 * fresh AES-256-GCM key with a 12-byte nonce and a 16-byte tag (RFC 5084 section 3.2). RSA recipients get
 * a KeyTransRecipientInfo (RFC 5652 section 6.2.1), EC recipients a KeyAgreeRecipientInfo with an
 * ephemeral key (RFC 5753 section 3.1.1), both naming the certificate by issuer and serial number.
 *
 * @param {{plaintext: Uint8Array, signer: {signingKey: CryptoKey, certificate: Uint8Array},
 *          recipients: Uint8Array[]}} args the signing key is an RSA-PSS (SHA-256) or ECDSA private key
 * @returns {Promise<Uint8Array>} the DER envelope
 */
export async function seal({ plaintext, signer, recipients }) {
  return concat(...await sealParts({ plaintext, signer, recipients }));
}

/**
 * {@link seal}'s envelope as the pieces that follow each other in it, the encrypted content a view of
 * WebCrypto's output rather than a copy: a page sends them as one Blob, so the largest buffer (the whole
 * envelope) is never made, which saves the browser a copy of the document in time and in memory.
 *
 * @returns {Promise<Uint8Array[]>} the DER envelope in order
 */
export async function sealParts({ plaintext, signer, recipients }) {
  return guarded('The document cannot be sealed', async () => {
    requireBytes(plaintext, 'the document');
    if (!Array.isArray(recipients) || recipients.length === 0) throw new EnvelopeError('input', 'An envelope needs at least one recipient');
    const addressed = recipients.map(readRecipient);
    const signed = concat(...await signedData({ content: plaintext, detached: false, ...(signer || {}) }));
    const contentKey = crypto.getRandomValues(new Uint8Array(32));
    const nonce = crypto.getRandomValues(new Uint8Array(12));
    try {
      const key = await crypto.subtle.importKey('raw', contentKey, 'AES-GCM', false, ['encrypt']);
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, tagLength: 128 }, key, signed));
      const infos = await Promise.all(addressed.map((c) => recipientInfo(contentKey, c)));
      const encryptedContentInfo = framed(0x30, [
        oid(CMS.data),
        seq(oid(CMS.aes256Gcm), seq(octets(nonce), int(16))),
        ...framed(0x80, [sealed.subarray(0, sealed.length - 16)]), // [0] IMPLICIT OCTET STRING
      ]);
      const authEnvelopedData = framed(0x30, [int(0), set(...infos), ...encryptedContentInfo, octets(sealed.subarray(sealed.length - 16))]);
      return framed(0x30, [oid(CMS.authEnvelopedData), ...framed(0xa0, authEnvelopedData)]);
    } finally {
      contentKey.fill(0);
      signed.fill(0); // the document in clear, inside its SignedData
    }
  }, 'a certificate is malformed');
}

/**
 * A detached SignedData over a document's SHA-256 written as 64 lower-case hex characters in ASCII: the
 * receipt the server's ReceiptSignature verifies, and openssl cms -verify -binary -content accepts.
 *
 * @param {{sha256Hex: string, signingKey: CryptoKey, certificate: Uint8Array}} args
 * @returns {Promise<Uint8Array>} the DER SignedData, without encapsulated content
 */
export async function signReceipt({ sha256Hex, signingKey, certificate }) {
  return guarded('The receipt cannot be signed', async () => {
    if (typeof sha256Hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sha256Hex)) {
      throw new EnvelopeError('input', 'A receipt signs a SHA-256 of 64 hexadecimal characters');
    }
    const content = new TextEncoder().encode(sha256Hex.toLowerCase());
    return concat(...await signedData({ content, detached: true, signingKey, certificate }));
  }, 'the certificate is malformed');
}

/**
 * A ContentInfo holding SignedData (RFC 5652 section 5.1) by one signer over {@code content}, with the
 * signed attributes (section 5.3, 11; RFC 6211) that Bouncy Castle's default generator writes; the
 * content encapsulated unless {@code detached}. Returned as pieces to join once.
 */
async function signedData({ content, detached, signingKey, certificate }) {
  requireBytes(certificate, "the signer's certificate");
  const cert = readCertificate(certificate, "The signer's certificate");
  const scheme = signatureScheme(signingKey, cert);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', content));
  const now = new Date();
  const signedAttributes = set(
    attribute(CMS.contentType, oid(CMS.data)),
    // RFC 5652 section 11.3: UTCTime through 2049, GeneralizedTime after
    attribute(CMS.signingTime, now.getUTCFullYear() < 2050 ? utcTime(now) : generalizedTime(now)),
    attribute(CMS.messageDigest, octets(digest)),
    attribute(CMS.algorithmProtection, seq(sha256Algorithm(), implicit(1, scheme.algorithm))));
  const signature = await scheme.sign(signedAttributes);
  if (!await scheme.verify(signature, signedAttributes)) {
    throw new EnvelopeError('input', `The signing key is not the key of the certificate ${cert.subject}`);
  }
  const signerInfo = seq(int(1), issuerAndSerialNumber(cert), sha256Algorithm(), implicit(0, signedAttributes),
    scheme.algorithm, octets(signature));
  const encapsulated = detached
    ? [seq(oid(CMS.data))]
    : framed(0x30, [oid(CMS.data), ...framed(0xa0, framed(0x04, [content]))]);
  const body = framed(0x30, [int(1), set(sha256Algorithm()), ...encapsulated, implicit(0, set(cert.der)), set(signerInfo)]);
  return framed(0x30, [oid(CMS.signedData), ...framed(0xa0, body)]);
}

function attribute(type, value) {
  return seq(oid(type), set(value));
}

function issuerAndSerialNumber(cert) {
  return seq(cert.issuerName, cert.serialNode.encoded);
}

/** How {@code signingKey} signs for {@code cert}: RSA-PSS-SHA-256 with a 32-byte salt, or ECDSA-SHA-256. */
function signatureScheme(signingKey, cert) {
  const name = signingKey && signingKey.algorithm && signingKey.algorithm.name;
  if (name === 'RSA-PSS' && cert.key.kind === 'RSA') {
    if (signingKey.algorithm.hash.name !== 'SHA-256') throw new EnvelopeError('input', 'The RSA-PSS signing key must be set up for SHA-256');
    return {
      algorithm: pssSha256Algorithm(),
      sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, signingKey, data)),
      verify: async (sig, data) => crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, await importRsaPssVerify(cert), sig, data),
    };
  }
  if (name === 'ECDSA' && cert.key.kind === 'EC') {
    return {
      algorithm: seq(oid('1.2.840.10045.4.3.2')),
      sign: async (data) => ecdsaSignatureToDer(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signingKey, data))),
      verify: async (sig, data) => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await importEcdsaVerify(cert),
        ecdsaSignatureToRaw(sig, cert.key.curve), data),
    };
  }
  throw new EnvelopeError('input', `The signing key must be an RSA-PSS key for an RSA certificate or an ECDSA key for an EC certificate, not ${name || 'none'} for ${cert.key.kind}`);
}

/** A recipient's certificate, read and checked against the profile's key rules. */
function readRecipient(der) {
  requireBytes(der, "a recipient's certificate");
  const cert = readCertificate(der, "A recipient's certificate");
  try {
    checkKeyRules(cert);
  } catch (e) {
    if (e instanceof CertificateError) throw new EnvelopeError('input', e.message);
    throw e;
  }
  return cert;
}

/**
 * The RecipientInfo that gives {@code contentKey} (32 bytes) to {@code cert}'s holder: RSA-OAEP-SHA-256
 * (RFC 5652 section 6.2.1, RFC 4055 section 4) or ECDH with dhSinglePass-stdDH-sha256kdf-scheme and
 * id-aes256-wrap (RFC 5753 section 3.1.1), the ephemeral public key as originatorKey.
 */
async function recipientInfo(contentKey, cert) {
  if (cert.key.kind === 'RSA') {
    const encrypted = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, await importRsaOaepEncrypt(cert), contentKey);
    return seq(int(0), issuerAndSerialNumber(cert), oaepSha256Algorithm(), octets(new Uint8Array(encrypted)));
  }
  const ephemeral = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: cert.key.curve }, false, ['deriveBits']);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: await importEcdhPublic(cert) }, ephemeral.privateKey,
    CURVE_BITS[cert.key.curve]);
  const wrapAlgorithm = aes256WrapAlgorithm();
  const kek = await x963Kdf('SHA-256', new Uint8Array(shared), eccCmsSharedInfo(wrapAlgorithm, undefined));
  const wrapped = await aesKeyWrap(kek, contentKey);
  const originatorKey = new Uint8Array(await crypto.subtle.exportKey('spki', ephemeral.publicKey));
  return implicit(1, seq( // kari [1] KeyAgreeRecipientInfo
    int(3),
    explicit(0, implicit(1, originatorKey)), // originator [0] { originatorKey [1] OriginatorPublicKey }
    seq(oid(ECDH_SHA256_KDF), wrapAlgorithm),
    seq(seq(issuerAndSerialNumber(cert), octets(wrapped)))));
}

/** ECC-CMS-SharedInfo (RFC 5753 section 7.2): the wrap algorithm, the ukm if any, and the KEK's length in bits (256). */
function eccCmsSharedInfo(wrapAlgorithm, ukm) {
  const bits = Uint8Array.of(0, 0, 1, 0);
  return seq(wrapAlgorithm, ...(ukm ? [explicit(0, octets(ukm))] : []), explicit(2, octets(bits)));
}

/**
 * The ANSI X9.63 key derivation function (SEC 1 section 3.6.1) as RFC 5753 section 7.2 uses it:
 * Hash(Z || counter || SharedInfo) for counter 1, 2, ... (32 bits, big-endian), 32 bytes of output.
 */
async function x963Kdf(hash, z, sharedInfo) {
  const out = new Uint8Array(32);
  for (let counter = 1, filled = 0; filled < out.length; counter++) {
    const block = new Uint8Array(await crypto.subtle.digest(hash,
      concat(z, Uint8Array.of(counter >>> 24, (counter >>> 16) & 255, (counter >>> 8) & 255, counter & 255), sharedInfo)));
    out.set(block.subarray(0, out.length - filled), filled);
    filled += Math.min(block.length, out.length - filled);
  }
  z.fill(0);
  return out;
}

/** AES key wrap (RFC 3394) of {@code keyBytes} under {@code kek}, by WebCrypto's AES-KW. */
async function aesKeyWrap(kek, keyBytes) {
  const wrapping = await crypto.subtle.importKey('raw', kek, 'AES-KW', false, ['wrapKey']);
  kek.fill(0);
  const key = await crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', true, ['encrypt']);
  return new Uint8Array(await crypto.subtle.wrapKey('raw', key, wrapping, 'AES-KW'));
}

// ---- opening ----

/**
 * Opens an envelope addressed to {@code me}, as the Java Opener with an issuer does: finds my
 * RecipientInfo, checks every algorithm against the profile (the Java Algorithms), unwraps the content
 * key, decrypts (AES-256-GCM, the tag checked by WebCrypto; or AES-256-CBC in EnvelopedData), then
 * requires a SignedData with exactly one signer whose certificate it carries, a messageDigest equal to
 * the content's digest, a signature over the DER signed attributes (RFC 5652 section 5.4) that verifies,
 * a signer certificate issued by {@code ca} and valid now, and {@code isRevoked} saying no. Only then does
 * it answer the plaintext. Reads BER as Bouncy Castle streams it.
 *
 * @param {{envelope: Uint8Array, me: {decryptionKey: CryptoKey, certificate: Uint8Array}, ca: Uint8Array,
 *          isRevoked?: (certificate: Uint8Array) => Promise<boolean>}} args the decryption key is an RSA-OAEP or ECDH
 *          private key (usage decrypt or unwrapKey; deriveBits or deriveKey); isRevoked gets the signer's DER
 *          certificate and must answer true or false (anything else, or a throw, refuses the document)
 * @returns {Promise<{plaintext: Uint8Array, signer: {certificate: Uint8Array, subject: string, serial: string,
 *          fingerprint: string}, signedAt: Date|undefined, profile: string}>}
 * @throws EnvelopeError with a sentence saying why
 */
export async function open({ envelope, me, ca, isRevoked }) {
  return guarded('This document cannot be opened', async () => {
    requireBytes(ca, "the exchange's CA certificate");
    const caCert = readCertificate(ca, "The exchange's CA certificate");
    const parsed = readEnvelope(envelope);
    const { contentKey } = await unwrapFor(parsed, me, false);
    const inner = await decrypt(parsed, contentKey);
    let verified;
    try {
      verified = await verifySignedData(inner);
      await checkSigner(verified.signerCert, caCert, isRevoked);
    } catch (e) {
      inner.fill(0); // a document that is refused is not kept in clear either
      throw e;
    }
    const { content, signerCert, signedAt } = verified;
    return {
      plaintext: content,
      signer: { certificate: signerCert.der, subject: signerCert.subject, serial: signerCert.serial, fingerprint: await fingerprint(signerCert) },
      signedAt,
      profile: parsed.authenticated ? 'AES-256-GCM' : 'AES-256-CBC',
    };
  });
}

/**
 * The content key of an envelope {@code me} can open, as an extractable AES CryptoKey, for
 * {@link recipientInfosFor}: what the Java Granter recovers. Reads only the header; the content is not
 * decrypted. The same algorithm checks as opening apply.
 *
 * @param {Uint8Array} envelope
 * @param {{decryptionKey: CryptoKey, certificate: Uint8Array}} me
 * @returns {Promise<CryptoKey>}
 */
export async function unwrapContentKey(envelope, me) {
  return guarded('The document key cannot be recovered', async () => (await unwrapFor(readEnvelope(envelope), me, true)).contentKey);
}

/**
 * The DER SET OF RecipientInfo that gives {@code contentKey} to each certificate's holder, as the Java
 * Granter writes it and POST /api/v1/documents/{id}/recipients takes (the server splices it into the stored
 * envelope with RecipientSplice, which refuses entries for present recipients).
 *
 * @param {CryptoKey} contentKey from {@link unwrapContentKey}
 * @param {Uint8Array[]} certificates the new recipients' DER certificates (1 to 50)
 * @returns {Promise<Uint8Array>}
 */
export async function recipientInfosFor(contentKey, certificates) {
  return guarded('The grant cannot be made', async () => {
    if (!Array.isArray(certificates) || certificates.length === 0) throw new EnvelopeError('input', 'Name at least one new recipient');
    if (certificates.length > MAX_GRANTED) throw new EnvelopeError('input', `A grant adds at most ${MAX_GRANTED} recipients at once`);
    const addressed = certificates.map(readRecipient);
    const keyBytes = new Uint8Array(await crypto.subtle.exportKey('raw', contentKey));
    try {
      if (keyBytes.length !== 32) throw unsupported(`an AES-256 content key of ${keyBytes.length * 8} bits`);
      return set(...await Promise.all(addressed.map((c) => recipientInfo(keyBytes, c))));
    } finally {
      keyBytes.fill(0);
    }
  }, 'a certificate is malformed');
}

/**
 * The parts of an AuthEnvelopedData (RFC 5083 section 2.1) or EnvelopedData (RFC 5652 section 6.1) that
 * opening needs, with the content encryption checked against the profile.
 */
function readEnvelope(envelope) {
  requireBytes(envelope, 'the document');
  const top = parse(envelope).count(2);
  if (!top.is(TAG.SEQUENCE)) throw new DerError('the file does not start with a CMS ContentInfo');
  const type = oidOf(top.child(0, TAG.OID));
  if (type === CMS.signedData) throw new EnvelopeError('unsupported', 'This file is signed but not sealed: its content is not encrypted');
  if (type !== CMS.authEnvelopedData && type !== CMS.envelopedData) {
    throw new EnvelopeError('unsupported', `This file is a CMS ${type} object, not a sealed document`);
  }
  const authenticated = type === CMS.authEnvelopedData;
  const body = top.child(1, 0, CLASS.CONTEXT).count(1).child(0, TAG.SEQUENCE);
  let i = 0;
  intOf(body.child(i++, TAG.INTEGER)); // version
  if (body.child(i).is(0, CLASS.CONTEXT)) i++; // originatorInfo
  const recipientInfos = body.child(i++, TAG.SET);
  const eci = body.child(i++, TAG.SEQUENCE).count(2, 3);
  let mac;
  if (authenticated) {
    if (body.children[i] && body.children[i].is(1, CLASS.CONTEXT)) throw unsupported('authenticated attributes (authAttrs)');
    mac = bytesOf(body.child(i++, TAG.OCTET_STRING));
    if (mac.length !== 16) throw unsupported(`a mac field of ${mac.length} bytes (the AES-GCM tag has 16)`);
  }
  if (body.children[i] && body.children[i].is(authenticated ? 2 : 1, CLASS.CONTEXT)) i++; // unauthAttrs, unprotectedAttrs
  if (i !== body.children.length) throw new DerError(`the envelope has ${body.children.length - i} unexpected elements at its end`);
  const encrypted = eci.optional(0, CLASS.CONTEXT);
  if (!encrypted) throw new EnvelopeError('unsupported', 'This envelope carries no content (detached content is not supported)');
  return {
    authenticated,
    recipientInfos,
    cipher: contentEncryption(authenticated, eci.child(1, TAG.SEQUENCE)),
    encryptedContent: encrypted,
    mac,
  };
}

/**
 * AES-256-GCM with a 12-byte nonce and a 16-byte tag inside AuthEnvelopedData (GCMParameters, RFC 5084
 * section 3.2); AES-256-CBC with a 16-byte IV inside EnvelopedData (RFC 3565 section 4.1); nothing else.
 * Answers the WebCrypto parameters.
 */
function contentEncryption(authenticated, algorithm) {
  const id = oidOf(algorithm.child(0, TAG.OID));
  if (authenticated) {
    if (id !== CMS.aes256Gcm) throw unsupported(`AuthEnvelopedData with content encryption ${id}`);
    const params = algorithm.child(1, TAG.SEQUENCE).count(1, 2);
    const nonce = bytesOf(params.child(0, TAG.OCTET_STRING));
    const icvLength = params.children[1] ? intOf(params.child(1, TAG.INTEGER)) : 12n; // aes-ICVlen DEFAULT 12
    if (icvLength !== 16n) throw unsupported(`an AES-GCM tag of ${Number(icvLength) * 8} bits`);
    if (nonce.length !== 12) throw unsupported(`an AES-GCM nonce of ${nonce.length} bytes`);
    return { name: 'AES-GCM', iv: nonce, tagLength: 128 };
  }
  if (id === CMS.aes256Gcm || id === CMS.aes128Gcm) throw unsupported('AES-GCM inside EnvelopedData (it must be AuthEnvelopedData)');
  if (id !== CMS.aes256Cbc) throw unsupported(`EnvelopedData with content encryption ${id}`);
  const iv = bytesOf(algorithm.child(1, TAG.OCTET_STRING));
  if (iv.length !== 16) throw unsupported(`an AES-CBC IV of ${iv.length} bytes`);
  return { name: 'AES-CBC', iv };
}

/** My RecipientInfo, its algorithms checked, and the content key unwrapped from it (32 bytes, else refused). */
async function unwrapFor(parsed, me, extractable) {
  if (!me || !(me.certificate instanceof Uint8Array) || !me.decryptionKey) {
    throw new EnvelopeError('input', 'Opening needs your decryption key and your certificate');
  }
  const mine = readCertificate(me.certificate, 'Your certificate');
  const entry = findRecipient(parsed.recipientInfos, mine);
  const keyBytes = entry.kind === 'ktri'
    ? await keyTransport(entry, me.decryptionKey, mine)
    : await keyAgreement(entry, me.decryptionKey, mine);
  try {
    if (keyBytes.length !== 32) throw unsupported(`an AES-256 content key of ${keyBytes.length * 8} bits`);
    const usages = parsed.cipher.name === 'AES-GCM' ? ['decrypt', 'encrypt'] : ['decrypt'];
    return { contentKey: await crypto.subtle.importKey('raw', keyBytes, parsed.cipher.name, extractable, usages) };
  } finally {
    keyBytes.fill(0);
  }
}

/**
 * The first RecipientInfo naming {@code cert} (RFC 5652 section 6.2): a KeyTransRecipientInfo for an RSA key,
 * a RecipientEncryptedKey of a KeyAgreeRecipientInfo for an EC key, by issuer and serial number or by
 * subject key identifier.
 */
function findRecipient(recipientInfos, cert) {
  for (const ri of recipientInfos.children) {
    if (cert.key.kind === 'RSA' && ri.is(TAG.SEQUENCE) && namesCertificate(ri.child(1), cert)) {
      return { kind: 'ktri', algorithm: ri.child(2, TAG.SEQUENCE), encryptedKey: bytesOf(ri.child(3, TAG.OCTET_STRING)) };
    }
    if (cert.key.kind === 'EC' && ri.is(1, CLASS.CONTEXT)) {
      let i = 1;
      const originator = ri.child(i++, 0, CLASS.CONTEXT);
      const ukm = ri.child(i).is(1, CLASS.CONTEXT) ? bytesOf(ri.child(i++).child(0, TAG.OCTET_STRING)) : undefined;
      const algorithm = ri.child(i++, TAG.SEQUENCE);
      for (const rek of ri.child(i, TAG.SEQUENCE).children) {
        if (namesCertificate(rek.child(0), cert)) {
          return { kind: 'kari', originator, ukm, algorithm, encryptedKey: bytesOf(rek.child(1, TAG.OCTET_STRING)) };
        }
      }
    }
  }
  throw new EnvelopeError('not-recipient', `You are not a recipient of this document: it was not sealed for your certificate (${cert.subject}, serial ${cert.serial})`);
}

/** Whether a recipient identifier names {@code cert}: IssuerAndSerialNumber, or [0] subject key identifier (bare, or in an rKeyId). */
function namesCertificate(rid, cert) {
  if (rid.is(TAG.SEQUENCE)) {
    return equalBytes(rid.child(0).encoded, cert.issuerName) && equalBytes(rid.child(1, TAG.INTEGER).value, cert.serialNode.value);
  }
  if (rid.is(0, CLASS.CONTEXT) && cert.subjectKeyIdentifier) {
    const ski = rid.constructed ? bytesOf(rid.child(0, TAG.OCTET_STRING)) : rid.value;
    return equalBytes(ski, cert.subjectKeyIdentifier);
  }
  return false;
}

/**
 * RSA-OAEP key transport (RFC 8017 section 7.1.2, parameters RFC 4055 section 4.1): OAEP with a SHA-2
 * digest and MGF1 with the same one, which must be the digest the browser key was made for. PKCS#1 v1.5
 * is refused, as the Java Algorithms.checkKeyTransport does.
 */
async function keyTransport(entry, decryptionKey, mine) {
  const id = oidOf(entry.algorithm.child(0, TAG.OID));
  if (id === OID.rsaEncryption) throw unsupported('RSA PKCS#1 v1.5 key transport');
  if (id !== CMS.rsaesOaep) throw unsupported(`key transport ${id}`);
  const params = entry.algorithm.children[1];
  const field = (n) => (params && params.is(TAG.SEQUENCE) ? params.optional(n) : undefined);
  const hashId = field(0) ? oidOf(field(0).child(0, TAG.SEQUENCE).child(0, TAG.OID)) : CMS.sha1;
  let mgfHashId = CMS.sha1;
  if (field(1)) {
    const mgf = field(1).child(0, TAG.SEQUENCE);
    mgfHashId = oidOf(mgf.child(0, TAG.OID)) === OID.mgf1 ? oidOf(mgf.child(1, TAG.SEQUENCE).child(0, TAG.OID)) : 'none';
  }
  if (!HASHES[hashId] || !HASHES[mgfHashId]) throw unsupported(`RSA-OAEP with hash ${hashId} and mask ${mgfHashId}`);
  let label;
  if (field(2)) {
    const source = field(2).child(0, TAG.SEQUENCE);
    if (oidOf(source.child(0, TAG.OID)) !== CMS.pSpecified) throw unsupported('RSA-OAEP with a label source other than pSpecified');
    label = bytesOf(source.child(1, TAG.OCTET_STRING));
  }
  const keyHash = decryptionKey.algorithm && decryptionKey.algorithm.hash && decryptionKey.algorithm.hash.name;
  if (decryptionKey.algorithm.name !== 'RSA-OAEP') throw new EnvelopeError('input', `Your decryption key is ${decryptionKey.algorithm.name}, not RSA-OAEP for your RSA certificate`);
  if (HASHES[hashId] !== keyHash || mgfHashId !== hashId) {
    throw unsupported(`RSA-OAEP with ${HASHES[hashId]} and MGF1-${HASHES[mgfHashId]}, which your ${keyHash} key cannot undo`);
  }
  const algorithm = label && label.length ? { name: 'RSA-OAEP', label } : { name: 'RSA-OAEP' };
  try {
    if (decryptionKey.usages.includes('decrypt')) {
      return new Uint8Array(await crypto.subtle.decrypt(algorithm, decryptionKey, entry.encryptedKey));
    }
    const key = await crypto.subtle.unwrapKey('raw', entry.encryptedKey, decryptionKey, algorithm, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    return new Uint8Array(await crypto.subtle.exportKey('raw', key));
  } catch (e) {
    if (e.name === 'OperationError' || e.name === 'DataError') throw keyNotRecovered(mine);
    throw e;
  }
}

/**
 * ECDH key agreement (RFC 5753 section 3.1.2): an ephemeral originatorKey on my curve, a SHA-2 KDF scheme
 * and id-aes256-wrap (as Algorithms.checkKeyAgreement), the shared secret by WebCrypto, the KEK by the
 * X9.63 KDF over ECC-CMS-SharedInfo, the content key by AES key unwrap (RFC 3394).
 */
async function keyAgreement(entry, decryptionKey, mine) {
  const id = oidOf(entry.algorithm.child(0, TAG.OID));
  if (!ECDH_KDF[id]) throw unsupported(`key agreement ${id}`);
  const wrapAlgorithm = entry.algorithm.child(1, TAG.SEQUENCE);
  const wrapId = oidOf(wrapAlgorithm.child(0, TAG.OID));
  if (wrapId !== CMS.aes256Wrap) throw unsupported(`key wrap ${wrapId}`);
  const originatorKey = entry.originator.child(0);
  if (!originatorKey.is(1, CLASS.CONTEXT)) {
    throw unsupported('key agreement without an ephemeral sender key (RFC 5753 section 3.1.1 asks for originatorKey)');
  }
  const keyAlgorithm = originatorKey.child(0, TAG.SEQUENCE);
  if (oidOf(keyAlgorithm.child(0, TAG.OID)) !== OID.ecPublicKey) throw unsupported('a sender key that is not an EC key');
  const curveParam = keyAlgorithm.children[1];
  if (curveParam && curveParam.is(TAG.OID) && oidOf(curveParam) !== { 'P-256': OID.p256, 'P-384': OID.p384 }[mine.key.curve]) {
    throw new EnvelopeError('malformed', `The sender's key in this document is not on your key's curve (${mine.key.curve})`);
  }
  if (decryptionKey.algorithm.name !== 'ECDH') throw new EnvelopeError('input', `Your decryption key is ${decryptionKey.algorithm.name}, not ECDH for your EC certificate`);
  let senderKey;
  try {
    // explicit curve parameters (as Bouncy Castle writes them) are not compared: the point must lie on my curve
    senderKey = await crypto.subtle.importKey('raw', bitsOf(originatorKey.child(1, TAG.BIT_STRING)),
      { name: 'ECDH', namedCurve: mine.key.curve }, false, []);
  } catch (e) {
    if (e instanceof DerError) throw e;
    throw new EnvelopeError('malformed', `The sender's key in this document is not a point on your key's curve (${mine.key.curve})`);
  }
  if (entry.encryptedKey.length !== 40) throw unsupported(`an AES-256 content key of ${Math.max(0, entry.encryptedKey.length - 8) * 8} bits`);
  let shared;
  try {
    const agreement = { name: 'ECDH', public: senderKey };
    const bits = CURVE_BITS[mine.key.curve];
    shared = new Uint8Array(decryptionKey.usages.includes('deriveBits')
      ? await crypto.subtle.deriveBits(agreement, decryptionKey, bits)
      : await crypto.subtle.exportKey('raw', await crypto.subtle.deriveKey(agreement, decryptionKey,
        { name: 'HMAC', hash: 'SHA-256', length: bits }, true, ['sign'])));
  } catch (e) {
    throw new EnvelopeError('input', `Your decryption key cannot agree a key with this document's sender key: ${e.message}`);
  }
  const kek = await x963Kdf(ECDH_KDF[id], shared, eccCmsSharedInfo(wrapAlgorithm.encoded, entry.ukm));
  const unwrapping = await crypto.subtle.importKey('raw', kek, 'AES-KW', false, ['unwrapKey']);
  kek.fill(0);
  try {
    const key = await crypto.subtle.unwrapKey('raw', entry.encryptedKey, unwrapping, 'AES-KW', 'AES-GCM', true, ['encrypt']);
    return new Uint8Array(await crypto.subtle.exportKey('raw', key));
  } catch (e) {
    if (e.name === 'OperationError' || e.name === 'DataError') throw keyNotRecovered(mine);
    throw e;
  }
}

function keyNotRecovered(mine) {
  return new EnvelopeError('tampered', `This document's key could not be unwrapped with your key: the document was changed after it was sealed, or your key is not the one of your certificate (${mine.subject})`);
}

/** The content decrypted, the GCM tag (RFC 5084 section 3.2) verified by WebCrypto. */
async function decrypt(parsed, contentKey) {
  const input = parsed.authenticated ? joined(parsed.encryptedContent, parsed.mac) : joined(parsed.encryptedContent);
  try {
    return new Uint8Array(await crypto.subtle.decrypt(parsed.cipher, contentKey, input));
  } catch (e) {
    if (e.name !== 'OperationError') throw e;
    throw new EnvelopeError('tampered', parsed.authenticated
      ? 'This document was changed after it was sealed: its authentication tag does not match'
      : 'This document was changed after it was sealed: it does not decrypt');
  }
}

/**
 * The value of an OCTET STRING, primitive or constructed (BER, X.690 section 8.7.3), with {@code tail}
 * after it: for AES-GCM, WebCrypto takes the ciphertext and the tag as one buffer, and joining the segments
 * straight into it copies a large document once rather than twice.
 */
function joined(node, tail = new Uint8Array(0)) {
  if (!node.constructed) return tail.length ? concat(node.value, tail) : node.value;
  const segments = [];
  const collect = (n) => {
    if (!n.is(TAG.OCTET_STRING)) throw new DerError('a segment of the encrypted content is not an OCTET STRING');
    if (n.constructed) n.children.forEach(collect);
    else segments.push(n.value);
  };
  node.children.forEach(collect);
  let total = tail.length;
  for (const segment of segments) total += segment.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const segment of segments) {
    out.set(segment, at);
    at += segment.length;
  }
  out.set(tail, at);
  return out;
}

/**
 * The author's SignedData (RFC 5652 section 5), checked as the Java SingleSigner.overOurDigests does:
 * exactly one SignerInfo with allowed algorithms, its digest among the listed digestAlgorithms, exactly one
 * messageDigest (and a contentType equal to the eContentType, section 11.1) in the signed attributes,
 * equal to our digest of the content, exactly one carried certificate matching the signer identifier, and
 * a signature over the DER SET OF the signed attributes (section 5.4) that verifies with its key.
 */
async function verifySignedData(inner) {
  let top;
  try {
    top = parse(inner);
  } catch (e) {
    throw new EnvelopeError('malformed', `The sealed content is not a readable signed document: ${e.message}`);
  }
  if (!top.is(TAG.SEQUENCE) || top.children.length !== 2 || !top.child(0).is(TAG.OID) || oidOf(top.child(0)) !== CMS.signedData) {
    throw new EnvelopeError('signature', "The sealed content is not a signed document: it carries no author's signature");
  }
  const sd = top.child(1, 0, CLASS.CONTEXT).count(1).child(0, TAG.SEQUENCE);
  let i = 0;
  intOf(sd.child(i++, TAG.INTEGER)); // version
  const digestAlgorithms = sd.child(i++, TAG.SET);
  const encapsulated = sd.child(i++, TAG.SEQUENCE).count(1, 2);
  const certificates = sd.child(i).is(0, CLASS.CONTEXT) ? sd.child(i++) : undefined;
  if (sd.child(i).is(1, CLASS.CONTEXT)) i++; // crls
  const signerInfos = sd.child(i++, TAG.SET);
  if (i !== sd.children.length) throw new DerError('the SignedData has unexpected elements at its end');
  const eContentType = oidOf(encapsulated.child(0, TAG.OID));
  const eContent = encapsulated.optional(0, CLASS.CONTEXT);
  if (!eContent) throw new EnvelopeError('signature', 'The signed document carries no content (its signature is detached)');
  const content = bytesOf(eContent.count(1).child(0, TAG.OCTET_STRING));

  if (signerInfos.children.length !== 1) {
    throw new EnvelopeError('signature', `This document carries ${signerInfos.children.length} signatures; exactly one, its author's, is required`);
  }
  const si = signerInfos.child(0, TAG.SEQUENCE);
  let j = 1;
  const sid = si.child(j++);
  const digestId = oidOf(si.child(j++, TAG.SEQUENCE).child(0, TAG.OID));
  const signedAttrs = si.child(j).is(0, CLASS.CONTEXT) ? si.child(j++) : undefined;
  const signatureAlgorithm = si.child(j++, TAG.SEQUENCE);
  const signature = bytesOf(si.child(j++, TAG.OCTET_STRING));
  const scheme = signatureCheck(digestId, signatureAlgorithm);
  if (!digestAlgorithms.children.some((a) => a.is(TAG.SEQUENCE) && oidOf(a.child(0, TAG.OID)) === digestId)) {
    throw new EnvelopeError('signature', `The signer's digest ${digestId} is not among the SignedData's digestAlgorithms`);
  }
  if (!signedAttrs) throw new EnvelopeError('signature', 'The signature does not sign exactly one messageDigest (it has no signed attributes)');
  const messageDigest = singleAttribute(signedAttrs, CMS.messageDigest);
  const contentType = singleAttribute(signedAttrs, CMS.contentType);
  if (!messageDigest || !messageDigest.is(TAG.OCTET_STRING)) throw new EnvelopeError('signature', 'The signature does not sign exactly one messageDigest');
  if (!contentType || !contentType.is(TAG.OID) || oidOf(contentType) !== eContentType) {
    throw new EnvelopeError('signature', 'The signature does not sign exactly one contentType equal to the content\'s type (RFC 5652 section 11.1)');
  }
  const ours = new Uint8Array(await crypto.subtle.digest(HASHES[digestId], content));
  if (!equalBytes(ours, bytesOf(messageDigest))) {
    throw new EnvelopeError('tampered', 'This document was changed after it was signed: its content does not match the digest its author signed');
  }

  const matching = (certificates ? certificates.children : [])
    .filter((c) => c.is(TAG.SEQUENCE))
    .map((c) => readCertificate(c.encoded, 'A certificate in the signed document'))
    .filter((c) => namesCertificate(sid, c));
  if (matching.length !== 1) {
    throw new EnvelopeError('signer', matching.length === 0
      ? "The signer's certificate is not in the document"
      : "The document carries more than one certificate for its signer");
  }
  const signerCert = matching[0];
  // RFC 5652 section 5.4: the signature covers the DER SET OF, not the [0] IMPLICIT tag it travels under
  const signed = signedAttrs.header[1] !== 0x80
    ? concat(Uint8Array.of(0x31), signedAttrs.encoded.subarray(1))
    : set(...signedAttrs.children.map((c) => c.encoded));
  if (!await scheme.verify(signerCert, signature, signed)) {
    throw new EnvelopeError('signature', `The signature on this document does not verify: it was changed after it was signed, or ${signerCert.subject} did not sign it`);
  }
  const time = singleAttribute(signedAttrs, CMS.signingTime);
  let signedAt;
  try {
    signedAt = time ? timeOf(time) : undefined;
  } catch {
    signedAt = undefined; // an odd signingTime is shown as none, it is not what the signature is checked by
  }
  return { content, signerCert, signedAt };
}

/** The one value of the one signed attribute of {@code type}; undefined unless there is exactly one of each. */
function singleAttribute(signedAttrs, type) {
  const found = signedAttrs.children.filter((a) => a.is(TAG.SEQUENCE) && oidOf(a.child(0, TAG.OID)) === type);
  if (found.length !== 1) return undefined;
  const values = found[0].child(1, TAG.SET);
  return values.children.length === 1 ? values.children[0] : undefined;
}

/**
 * The signature algorithms the profile allows (Algorithms.checkSignature): a SHA-2 digest, and ECDSA with
 * SHA-2 (RFC 5753 section 2.1.1) or RSASSA-PSS with SHA-2 and MGF1 with the same SHA-2, trailer 1 (RFC 4055
 * section 3.1). Answers how to verify with a certificate's key.
 */
function signatureCheck(digestId, signatureAlgorithm) {
  if (!HASHES[digestId]) throw unsupported(`a signature digest ${digestId}`);
  const id = oidOf(signatureAlgorithm.child(0, TAG.OID));
  if (ECDSA[id]) {
    return {
      verify: async (cert, signature, data) => {
        if (cert.key.kind !== 'EC') return false;
        let raw;
        try {
          raw = ecdsaSignatureToRaw(signature, cert.key.curve);
        } catch {
          return false;
        }
        return crypto.subtle.verify({ name: 'ECDSA', hash: ECDSA[id] }, await importEcdsaVerify(cert), raw, data);
      },
    };
  }
  if (id === OID.rsassaPss) {
    let pss;
    try {
      pss = pssParameters(signatureAlgorithm.children[1]);
    } catch (e) {
      if (e instanceof CertificateError) throw unsupported(`a signature algorithm ${id} (${e.message})`);
      throw e;
    }
    return {
      verify: async (cert, signature, data) => cert.key.kind === 'RSA'
        && crypto.subtle.verify({ name: 'RSA-PSS', saltLength: pss.saltLength }, await importRsaPssVerify(cert, pss.hash), signature, data),
    };
  }
  throw unsupported(`a signature algorithm ${id}`);
}

/** The signer's certificate issued by the exchange's CA, valid now, and not revoked (as far as {@code isRevoked} says). */
async function checkSigner(signerCert, caCert, isRevoked) {
  if (!await issuedBy(signerCert, caCert)) {
    throw new EnvelopeError('untrusted', `The signer's certificate (${signerCert.subject}) was not issued by this exchange's certificate authority`);
  }
  const now = new Date();
  if (!validAt(signerCert, now)) {
    throw new EnvelopeError('expired', now < signerCert.notBefore
      ? `The signer's certificate (${signerCert.subject}) is not valid until ${signerCert.notBefore.toISOString()}`
      : `The signer's certificate (${signerCert.subject}) expired on ${signerCert.notAfter.toISOString()}`);
  }
  if (isRevoked) {
    let revoked;
    try {
      revoked = await isRevoked(signerCert.der);
    } catch (e) {
      throw new EnvelopeError('revocation-unknown', `Whether the signer's certificate (${signerCert.subject}) was revoked could not be checked: ${e.message || e}`);
    }
    if (revoked === true) throw new EnvelopeError('revoked', `The signer's certificate (${signerCert.subject}) was revoked`);
    if (revoked !== false) {
      throw new EnvelopeError('revocation-unknown', `Whether the signer's certificate (${signerCert.subject}) was revoked is not known`);
    }
  }
}

// ---- small helpers ----

function unsupported(what) {
  return new EnvelopeError('unsupported', `This document uses ${what}, which the exchange's profile does not allow`);
}

function requireBytes(value, what) {
  if (!(value instanceof Uint8Array)) throw new EnvelopeError('input', `Expected ${what} as bytes`);
}

function readCertificate(der, what) {
  try {
    return parseCertificate(der);
  } catch (e) {
    if (e instanceof CertificateError) throw new EnvelopeError('malformed', `${what} cannot be read: ${e.message}`);
    throw e;
  }
}

/**
 * Runs {@code body}, turning anything but an EnvelopeError into one that starts with {@code failure}; a
 * malformed input (DerError, CertificateError) is 'malformed' and said to be {@code damaged}.
 */
async function guarded(failure, body, damaged = 'it is damaged or not a sealed document') {
  try {
    return await body();
  } catch (e) {
    if (e instanceof EnvelopeError) throw e;
    if (e instanceof DerError || e instanceof CertificateError) {
      throw new EnvelopeError('malformed', `${failure}: ${damaged} (${e.message})`);
    }
    throw new EnvelopeError('failed', `${failure}: this browser could not do the cryptography it needs. `
      + 'Try again; if it happens again, use the lscb client.', { cause: e });
  }
}
