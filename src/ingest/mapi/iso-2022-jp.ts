import iconv from "iconv-lite";

/**
 * ISO-2022-JP (code pages 50220–50222), which iconv-lite does not support. The two-byte
 * JIS X 0208 runs map to EUC-JP by setting the high bit of each byte, so the decoding is
 * delegated to iconv-lite's EUC-JP table.
 */
export function decodeIso2022Jp(bytes: Uint8Array): string {
  const out: number[] = [];
  let mode: "ascii" | "jis" | "kana" = "ascii";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b === 0x1b && i + 2 < bytes.length) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (b1 === 0x24 && (b2 === 0x42 || b2 === 0x40)) {
        mode = "jis";
        i += 3;
        continue;
      }
      if (b1 === 0x28 && (b2 === 0x42 || b2 === 0x4a)) {
        mode = "ascii";
        i += 3;
        continue;
      }
      if (b1 === 0x28 && b2 === 0x49) {
        mode = "kana";
        i += 3;
        continue;
      }
    }
    if (b === 0x0a || b === 0x0d) {
      // Line ends reset to ASCII in well-formed text; be lenient with writers that forget.
      mode = "ascii";
      out.push(b);
      i++;
      continue;
    }
    if (mode === "jis" && b >= 0x21 && b <= 0x7e && i + 1 < bytes.length) {
      out.push(b | 0x80, (bytes[i + 1] as number) | 0x80);
      i += 2;
      continue;
    }
    if (mode === "kana" && b >= 0x21 && b <= 0x5f) {
      out.push(0x8e, b | 0x80); // EUC-JP single-shift for half-width katakana
      i++;
      continue;
    }
    out.push(b);
    i++;
  }
  return iconv.decode(Buffer.from(out), "euc-jp");
}
