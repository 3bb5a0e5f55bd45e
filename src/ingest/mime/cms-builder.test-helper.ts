/** Builds CMS SignedData blobs for tests (DER, or chunked indefinite-length BER as Outlook writes). */

/** DER element with a definite length. */
function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

/** BER element with an indefinite length (constructed only). */
function ber(tag: number, ...content: Uint8Array[]): Uint8Array {
  return Buffer.concat([Buffer.from([tag, 0x80]), ...content, Buffer.from([0, 0])]);
}

const OID_SIGNED = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
const OID_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);
const version = der(0x02, Buffer.from([1]));
const emptySet = der(0x31);

/** A SignedData ContentInfo around `content`, in DER or in Outlook-style chunked BER. */
export function signedData(content: Uint8Array, style: "der" | "ber"): Uint8Array {
  if (style === "der") {
    const encap = der(0x30, OID_DATA, der(0xa0, der(0x04, content)));
    return der(0x30, OID_SIGNED, der(0xa0, der(0x30, version, emptySet, encap, emptySet)));
  }
  const half = Math.floor(content.length / 2);
  const chunks = ber(0x24, der(0x04, content.subarray(0, half)), der(0x04, content.subarray(half)));
  const encap = ber(0x30, OID_DATA, ber(0xa0, chunks));
  return ber(0x30, OID_SIGNED, ber(0xa0, ber(0x30, version, emptySet, encap, emptySet)));
}
