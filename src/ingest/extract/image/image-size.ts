/** Width and height read from an image header, without decoding pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

function u16be(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}
function u16le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32be(b: Uint8Array, o: number): number {
  return (
    ((b[o] ?? 0) * 0x1000000 + (((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0))) >>> 0
  );
}
function u32le(b: Uint8Array, o: number): number {
  return (
    ((b[o + 3] ?? 0) * 0x1000000 + (((b[o + 2] ?? 0) << 16) | ((b[o + 1] ?? 0) << 8) | (b[o] ?? 0))) >>> 0
  );
}

function jpegSize(b: Uint8Array): ImageSize | undefined {
  let o = 2;
  // Walk marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC).
  for (let guard = 0; o + 9 < b.length && guard < 10_000; guard++) {
    if (b[o] !== 0xff) return undefined;
    const marker = b[o + 1] ?? 0;
    if (marker === 0xff) {
      o++;
      continue;
    }
    const len = u16be(b, o + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    }
    if (len < 2) return undefined;
    o += 2 + len;
  }
  return undefined;
}

function tiffSize(b: Uint8Array): ImageSize | undefined {
  const le = b[0] === 0x49;
  const r16 = le ? u16le : u16be;
  const r32 = le ? u32le : u32be;
  const ifd = r32(b, 4);
  if (ifd + 2 > b.length) return undefined;
  const count = r16(b, ifd);
  let width = 0;
  let height = 0;
  for (let i = 0; i < count && ifd + 2 + i * 12 + 12 <= b.length; i++) {
    const e = ifd + 2 + i * 12;
    const tag = r16(b, e);
    const type = r16(b, e + 2);
    const value = type === 3 ? r16(b, e + 8) : r32(b, e + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width && height ? { width, height } : undefined;
}

function webpSize(b: Uint8Array): ImageSize | undefined {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === "VP8X")
    return { width: 1 + (u32le(b, 24) & 0xffffff), height: 1 + (u32le(b, 27) & 0xffffff) };
  if (chunk === "VP8 ") return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = u32le(b, 21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return undefined;
}

/** Reads the pixel size of a PNG, JPEG, GIF, BMP, TIFF or WEBP; undefined if unknown or damaged. */
export function imageSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 24) return undefined;
  if (b[0] === 0x89 && b[1] === 0x50) return { width: u32be(b, 16), height: u32be(b, 20) };
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b[0] === 0x47 && b[1] === 0x49) return { width: u16le(b, 6), height: u16le(b, 8) };
  if (b[0] === 0x42 && b[1] === 0x4d)
    return { width: Math.abs(u32le(b, 18) | 0), height: Math.abs(u32le(b, 22) | 0) };
  if ((b[0] === 0x49 && b[1] === 0x49) || (b[0] === 0x4d && b[1] === 0x4d)) return tiffSize(b);
  if (b[0] === 0x52 && b[8] === 0x57 && b.length >= 30) return webpSize(b);
  return undefined;
}
