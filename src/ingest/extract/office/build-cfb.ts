import CFB from "cfb";

/** Writes a compound file holding the given root-level streams (for tests and synthetic samples). */
export function buildCfb(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, name, Buffer.from(data));
  return new Uint8Array(CFB.write(c, { type: "buffer" }) as Buffer);
}

/** A minimal password-encrypted OOXML container: agile EncryptionInfo plus an opaque package. */
export function encryptedOoxmlSample(): Uint8Array {
  return buildCfb({
    EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(56).fill(0x20)]),
    EncryptedPackage: new Uint8Array(5000).fill(7),
  });
}
