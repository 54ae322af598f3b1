// ASN.1 for the browser's envelopes: a reader of BER and DER (X.690) and a writer of DER.
//
// Written here rather than taken from a library: no maintained JavaScript ASN.1 library comes as a Maven
// artifact, and the one that CMS code usually builds on (PKI.js's asn1js) cannot write AuthEnvelopedData.
// The reader is for hostile input: every length is checked against the bytes actually present before
// anything is sliced, nesting is bounded, and every malformation ends in a DerError with a sentence.
// Elements are views into the input (subarray), never copies, except the joined value of a constructed
// string, so reading a large envelope costs its size once more at most.

/** Any input that is not well-formed BER/DER, or not the structure a caller asked for. */
export class DerError extends Error {
  constructor(message) {
    super(message);
    this.name = 'DerError';
  }
}

/** The tag classes of X.690 section 8.1.2.2 that this project uses. */
export const CLASS = { UNIVERSAL: 0, APPLICATION: 1, CONTEXT: 2, PRIVATE: 3 };

/** Universal tag numbers (X.680 section 8.4). */
export const TAG = {
  BOOLEAN: 1, INTEGER: 2, BIT_STRING: 3, OCTET_STRING: 4, NULL: 5, OID: 6, UTF8_STRING: 12,
  SEQUENCE: 16, SET: 17, PRINTABLE_STRING: 19, T61_STRING: 20, IA5_STRING: 22, UTC_TIME: 23,
  GENERALIZED_TIME: 24, BMP_STRING: 30,
};

const STRING_TAGS = new Set([TAG.BIT_STRING, TAG.OCTET_STRING, TAG.UTF8_STRING, TAG.PRINTABLE_STRING,
  TAG.T61_STRING, TAG.IA5_STRING, TAG.UTC_TIME, TAG.GENERALIZED_TIME, TAG.BMP_STRING]);

/** One element read from BER or DER. */
export class Node {
  constructor(tagClass, constructed, tagNumber, header, encoded, children, value) {
    this.tagClass = tagClass;
    this.constructed = constructed;
    this.tagNumber = tagNumber;
    /** The identifier and length octets as read. */
    this.header = header;
    /** The whole element as read, header, content and any end-of-contents octets. */
    this.encoded = encoded;
    /** The elements inside a constructed element, in order; empty for a primitive one. */
    this.children = children;
    this._value = value;
  }

  /** The content of a primitive element; for a constructed string (BER), its segments joined. */
  get value() {
    if (this._value === undefined) {
      if (!(this.tagClass === CLASS.UNIVERSAL && STRING_TAGS.has(this.tagNumber)) && !this.isStringLike) {
        throw new DerError(`${describe(this)} is constructed and has no single value`);
      }
      this._value = joinSegments(this);
    }
    return this._value;
  }

  /** True for a context-tagged constructed element standing for an implicitly tagged string. */
  get isStringLike() {
    return this.constructed && this.tagClass !== CLASS.UNIVERSAL
      && this.children.every((c) => c.tagClass === CLASS.UNIVERSAL && c.tagNumber === TAG.OCTET_STRING);
  }

  /** Whether this element has the tag. */
  is(tagNumber, tagClass = CLASS.UNIVERSAL) {
    return this.tagNumber === tagNumber && this.tagClass === tagClass;
  }

  /** The i-th child, which must exist and, when a tag is given, have it. */
  child(i, tagNumber, tagClass = CLASS.UNIVERSAL) {
    const c = this.children[i];
    if (c === undefined) {
      throw new DerError(`${describe(this)} has no element ${i + 1}`);
    }
    if (tagNumber !== undefined && !c.is(tagNumber, tagClass)) {
      throw new DerError(`expected ${tagName(tagNumber, tagClass)} as element ${i + 1} of ${describe(this)}, found ${describe(c)}`);
    }
    return c;
  }

  /** The first child with the tag, if any. */
  optional(tagNumber, tagClass = CLASS.CONTEXT) {
    return this.children.find((c) => c.is(tagNumber, tagClass));
  }

  /** Requires exactly {@code min}..{@code max} children. */
  count(min, max = min) {
    if (this.children.length < min || this.children.length > max) {
      throw new DerError(`${describe(this)} has ${this.children.length} elements, expected ${min === max ? min : `${min} to ${max}`}`);
    }
    return this;
  }
}

/**
 * Reads the one element {@code bytes} holds. BER's indefinite lengths and constructed strings are read
 * (Bouncy Castle streams envelopes that way); {@code maxDepth} bounds the nesting, and bytes after the
 * element are refused unless {@code allowTrailing}.
 */
export function parse(bytes, { maxDepth = 40, allowTrailing = false } = {}) {
  if (!(bytes instanceof Uint8Array)) {
    throw new DerError('expected bytes');
  }
  const node = readElement(bytes, 0, bytes.length, 0, maxDepth);
  if (!allowTrailing && node.encoded.length !== bytes.length) {
    throw new DerError(`${bytes.length - node.encoded.length} bytes follow the element`);
  }
  return node;
}

function readElement(bytes, start, limit, depth, maxDepth) {
  if (depth > maxDepth) {
    throw new DerError(`nested more than ${maxDepth} deep`);
  }
  let p = start;
  if (p >= limit) {
    throw new DerError(`the input ends where an element should start (offset ${p})`);
  }
  const first = bytes[p++];
  const tagClass = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (p >= limit) throw new DerError('the input ends inside a tag');
      if (i >= 4) throw new DerError('a tag number is too large');
      const b = bytes[p++];
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) throw new DerError('the input ends before a length');
  const lengthByte = bytes[p++];
  let length = -1; // -1: indefinite
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else if (lengthByte === 0x80) {
    if (!constructed) throw new DerError('a primitive element has an indefinite length');
  } else {
    const n = lengthByte & 0x7f;
    if (n > 6) throw new DerError(`a length of ${n} octets is larger than any input`);
    if (p + n > limit) throw new DerError('the input ends inside a length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[p++];
  }
  const header = bytes.subarray(start, p);
  if (length >= 0) {
    if (length > limit - p) {
      throw new DerError(`an element claims ${length} bytes but ${limit - p} remain (offset ${start})`);
    }
    const end = p + length;
    if (!constructed) {
      const value = bytes.subarray(p, end);
      return new Node(tagClass, false, tagNumber, header, bytes.subarray(start, end), [], value);
    }
    const children = [];
    let q = p;
    while (q < end) {
      const c = readElement(bytes, q, end, depth + 1, maxDepth);
      children.push(c);
      q += c.encoded.length;
    }
    return new Node(tagClass, true, tagNumber, header, bytes.subarray(start, end), children, undefined);
  }
  const children = [];
  let q = p;
  for (;;) {
    if (q + 2 <= limit && bytes[q] === 0 && bytes[q + 1] === 0) {
      q += 2;
      break;
    }
    if (q >= limit) throw new DerError('the input ends before an indefinite length is closed');
    const c = readElement(bytes, q, limit, depth + 1, maxDepth);
    children.push(c);
    q += c.encoded.length;
  }
  return new Node(tagClass, true, tagNumber, header, bytes.subarray(start, q), children, undefined);
}

/** The segments of a constructed string (X.690 section 8.21.5), joined. */
function joinSegments(node) {
  const parts = [];
  let total = 0;
  const collect = (n) => {
    if (!n.constructed) {
      parts.push(n._value);
      total += n._value.length;
      return;
    }
    for (const c of n.children) {
      if (c.tagClass !== CLASS.UNIVERSAL || (c.tagNumber !== node.tagNumber && c.tagNumber !== TAG.OCTET_STRING)) {
        throw new DerError(`a segment of ${describe(node)} is ${describe(c)}`);
      }
      collect(c);
    }
  };
  collect(node);
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function tagName(tagNumber, tagClass) {
  if (tagClass === CLASS.CONTEXT) return `[${tagNumber}]`;
  if (tagClass === CLASS.UNIVERSAL) {
    const name = Object.keys(TAG).find((k) => TAG[k] === tagNumber);
    return name ? name.replace(/_/g, ' ') : `universal ${tagNumber}`;
  }
  return `tag ${tagClass}/${tagNumber}`;
}

function describe(node) {
  return `a ${tagName(node.tagNumber, node.tagClass)}`;
}

function expect(node, tagNumber) {
  if (!(node instanceof Node)) throw new DerError('expected an element');
  if (!node.is(tagNumber)) throw new DerError(`expected ${tagName(tagNumber, CLASS.UNIVERSAL)}, found ${describe(node)}`);
}

/** The dotted form of an OBJECT IDENTIFIER (X.690 section 8.19). */
export function oidOf(node) {
  expect(node, TAG.OID);
  const v = node.value;
  if (v.length === 0 || v.length > 64) throw new DerError('an object identifier has an impossible length');
  const arcs = [];
  let n = 0n;
  for (let i = 0; i < v.length; i++) {
    n = (n << 7n) | BigInt(v[i] & 0x7f);
    if ((v[i] & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = n < 80n ? n / 40n : 2n;
        arcs.push(first, n - first * 40n);
      } else {
        arcs.push(n);
      }
      n = 0n;
    } else if (i === v.length - 1) {
      throw new DerError('an object identifier ends inside an arc');
    }
  }
  return arcs.join('.');
}

/** A two's-complement INTEGER (X.690 section 8.3) as a bigint. */
export function intOf(node) {
  expect(node, TAG.INTEGER);
  const v = node.value;
  if (v.length === 0) throw new DerError('an integer has no content');
  let n = 0n;
  for (const b of v) n = (n << 8n) | BigInt(b);
  if (v[0] & 0x80) n -= 1n << BigInt(v.length * 8);
  return n;
}

/** The unsigned magnitude bytes of an INTEGER, without a leading zero octet. */
export function unsignedOf(node) {
  expect(node, TAG.INTEGER);
  const v = node.value;
  if (v.length === 0) throw new DerError('an integer has no content');
  if (v[0] & 0x80) throw new DerError('a negative integer where a positive one belongs');
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  return v.subarray(i);
}

/** The value of an OCTET STRING, segments joined. */
export function bytesOf(node) {
  expect(node, TAG.OCTET_STRING);
  return node.value;
}

/** The bits of a BIT STRING that has no unused bits (keys and signatures). */
export function bitsOf(node) {
  expect(node, TAG.BIT_STRING);
  const v = node.value;
  if (v.length === 0 || v[0] !== 0) throw new DerError('a bit string with unused bits where whole octets belong');
  return v.subarray(1);
}

/** The text of a string type: UTF-8 for UTF8String, one byte a character for the ASCII types, UTF-16 for BMPString. */
export function textOf(node) {
  const v = node.value;
  switch (node.tagClass === CLASS.UNIVERSAL ? node.tagNumber : -1) {
    case TAG.UTF8_STRING:
      return new TextDecoder('utf-8', { fatal: true }).decode(v);
    case TAG.BMP_STRING:
      if (v.length % 2 !== 0) throw new DerError('a BMPString of odd length');
      return new TextDecoder('utf-16be', { fatal: true }).decode(v);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.T61_STRING:
      return String.fromCharCode(...v);
    default:
      throw new DerError(`expected a string, found ${describe(node)}`);
  }
}

/** A UTCTime or GeneralizedTime in the forms RFC 5280 section 4.1.2.5 allows (seconds, Z). */
export function timeOf(node) {
  const s = String.fromCharCode(...node.value);
  let m;
  if (node.is(TAG.UTC_TIME) && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s))) {
    const yy = Number(m[1]);
    return utc(yy >= 50 ? 1900 + yy : 2000 + yy, m[2], m[3], m[4], m[5], m[6]);
  }
  if (node.is(TAG.GENERALIZED_TIME) && (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s))) {
    return utc(Number(m[1]), m[2], m[3], m[4], m[5], m[6]);
  }
  throw new DerError(`not a time in the form certificates use: ${s.slice(0, 40)}`);
}

function utc(year, month, day, hour, minute, second) {
  return new Date(Date.UTC(year, Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
}

// ---- writing (DER, X.690 section 10) ----

/** Joins byte arrays. */
export function concat(...parts) {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lengthOctets(n) {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** An element with a one-octet identifier (tag numbers under 31) and the given content. */
export function element(identifier, content) {
  return concat(Uint8Array.of(identifier), lengthOctets(content.length), content);
}

export function seq(...parts) {
  return element(0x30, concat(...parts));
}

/** A SET OF, its elements sorted by their encodings as DER requires (X.690 section 11.6). */
export function set(...parts) {
  const sorted = [...parts].sort(compareBytes);
  return element(0x31, concat(...sorted));
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

export function oid(dotted) {
  if (!/^[0-2](\.\d+)+$/.test(dotted)) throw new DerError(`not an object identifier: ${dotted}`);
  const arcs = dotted.split('.').map(BigInt);
  const out = [];
  const push = (n) => {
    const groups = [Number(n & 0x7fn)];
    for (let v = n >> 7n; v > 0n; v >>= 7n) groups.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...groups);
  };
  push(arcs[0] * 40n + arcs[1]);
  arcs.slice(2).forEach(push);
  return element(0x06, Uint8Array.from(out));
}

/** An INTEGER from a bigint, a number, or unsigned big-endian bytes. */
export function int(v) {
  let bytes;
  if (v instanceof Uint8Array) {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    bytes = v.subarray(i);
    if (bytes.length === 0) bytes = Uint8Array.of(0);
    if (bytes[0] & 0x80) bytes = concat(Uint8Array.of(0), bytes);
  } else {
    let n = BigInt(v);
    const out = [];
    for (;;) {
      out.unshift(Number(n & 0xffn));
      const rest = n >> 8n;
      if ((rest === 0n && (out[0] & 0x80) === 0) || (rest === -1n && (out[0] & 0x80) !== 0)) break;
      n = rest;
    }
    bytes = Uint8Array.from(out);
  }
  return element(0x02, bytes);
}

export function octets(bytes) {
  return element(0x04, bytes);
}

/** A BIT STRING of whole octets. */
export function bits(bytes) {
  return element(0x03, concat(Uint8Array.of(0), bytes));
}

export function nul() {
  return Uint8Array.of(0x05, 0x00);
}

export function bool(b) {
  return Uint8Array.of(0x01, 0x01, b ? 0xff : 0x00);
}

export function utf8(s) {
  return element(0x0c, new TextEncoder().encode(s));
}

function two(n) {
  return String(n).padStart(2, '0');
}

function timeText(date, fourDigitYear) {
  const y = date.getUTCFullYear();
  return `${fourDigitYear ? y : two(y % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`
    + `${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
}

export function utcTime(date) {
  return element(0x17, new TextEncoder().encode(timeText(date, false)));
}

export function generalizedTime(date) {
  return element(0x18, new TextEncoder().encode(timeText(date, true)));
}

/** [n] EXPLICIT around an encoded element. */
export function explicit(tagNumber, encoded) {
  if (tagNumber > 30) throw new DerError('tag numbers above 30 are not written');
  return element(0xa0 | tagNumber, encoded);
}

/** [n] IMPLICIT: the element's identifier replaced by a context tag, its constructed bit kept. */
export function implicit(tagNumber, encoded) {
  if (tagNumber > 30) throw new DerError('tag numbers above 30 are not written');
  const out = Uint8Array.from(encoded);
  out[0] = 0x80 | (encoded[0] & 0x20) | tagNumber;
  return out;
}

/** An element already encoded, written as it is. */
export function raw(bytes) {
  return bytes;
}

// ---- text forms ----

export function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

export function fromBase64(text) {
  let s;
  try {
    s = atob(text.replace(/\s+/g, ''));
  } catch {
    throw new DerError('not base64');
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** PEM (RFC 7468) with the label, lines of 64. */
export function pem(label, bytes) {
  const b64 = toBase64(bytes).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Every PEM block's bytes, in order; optionally only those with the label. */
export function fromPem(text, label) {
  const out = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (label === undefined || m[1] === label) out.push(fromBase64(m[2]));
  }
  return out;
}
