/**
 * Pulls the signed MIME entity out of an opaque S/MIME signature (application/pkcs7-mime;
 * smime-type=signed-data, "smime.p7m"): CMS ContentInfo › SignedData › EncapsulatedContentInfo
 * › eContent. Outlook writes these in BER with indefinite lengths and chunked OCTET STRINGs,
 * so both forms are read. Every length is checked against the buffer; nothing is trusted.
 */

interface Tlv {
  tag: number;
  constructed: boolean;
  /** Offset of the content. */
  start: number;
  /** Offset just past the content (for indefinite lengths: before the 00 00 end marker). */
  end: number;
  /** Offset just past the whole element. */
  next: number;
}

const SIGNED_DATA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
const MAX_NESTING = 32;
const MAX_ELEMENTS = 100_000;

class BerError extends Error {}

function readTlv(b: Uint8Array, pos: number, limit: number, depth: number, budget: { left: number }): Tlv {
  if (depth > MAX_NESTING || --budget.left < 0) throw new BerError("too deep");
  if (pos + 2 > limit) throw new BerError("short");
  const first = b[pos]!;
  if ((first & 0x1f) === 0x1f) throw new BerError("high tag");
  const constructed = (first & 0x20) !== 0;
  let p = pos + 1;
  const lenByte = b[p++]!;
  if (lenByte === 0x80) {
    if (!constructed) throw new BerError("indefinite primitive");
    // Walk the children up to the end-of-contents marker to find where this element ends.
    const start = p;
    while (true) {
      if (p + 2 > limit) throw new BerError("no end marker");
      if (b[p] === 0 && b[p + 1] === 0) return { tag: first, constructed, start, end: p, next: p + 2 };
      p = readTlv(b, p, limit, depth + 1, budget).next;
    }
  }
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n > 4 || p + n > limit) throw new BerError("bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p++]!;
  }
  if (p + len > limit) throw new BerError("overrun");
  return { tag: first, constructed, start: p, end: p + len, next: p + len };
}

function children(b: Uint8Array, t: Tlv, depth: number, budget: { left: number }): Tlv[] {
  const out: Tlv[] = [];
  let p = t.start;
  while (p < t.end) {
    const c = readTlv(b, p, t.end, depth + 1, budget);
    out.push(c);
    p = c.next;
  }
  return out;
}

function octets(b: Uint8Array, t: Tlv, depth: number, budget: { left: number }, out: Uint8Array[]): void {
  if (!t.constructed) {
    out.push(b.subarray(t.start, t.end));
    return;
  }
  for (const c of children(b, t, depth, budget)) octets(b, c, depth + 1, budget, out);
}

/** The encapsulated content of a CMS SignedData, or undefined when the bytes are not one (or are damaged). */
export function extractSignedContent(bytes: Uint8Array): Uint8Array | undefined {
  try {
    const budget = { left: MAX_ELEMENTS };
    const root = readTlv(bytes, 0, bytes.length, 0, budget);
    // The n-th child of an element, when it has the expected tag.
    const child = (parent: Tlv | undefined, n: number, tag: number, depth: number): Tlv | undefined => {
      if (!parent) return undefined;
      const c = children(bytes, parent, depth, budget)[n];
      return c && c.tag === tag ? c : undefined;
    };
    const oid = child(root, 0, 0x06, 0);
    if (!oid) return undefined;
    const oidBytes = bytes.subarray(oid.start, oid.end);
    if (oidBytes.length !== SIGNED_DATA_OID.length || !SIGNED_DATA_OID.every((v, i) => oidBytes[i] === v)) {
      return undefined;
    }
    const signedData = child(child(root, 1, 0xa0, 0), 0, 0x30, 1);
    const eContent = child(child(signedData, 2, 0x30, 2), 1, 0xa0, 3);
    const octetString = eContent ? children(bytes, eContent, 4, budget)[0] : undefined;
    if (!octetString || (octetString.tag & 0x1f) !== 0x04) return undefined;
    const parts: Uint8Array[] = [];
    octets(bytes, octetString, 5, budget, parts);
    return Buffer.concat(parts);
  } catch (err) {
    if (err instanceof BerError) return undefined;
    throw err;
  }
}
