/**
 * The two obfuscations [MS-PST] applies to external (data) blocks. Both are byte substitutions
 * over fixed tables from the specification (section 5.1); internal blocks are never encoded.
 */

/** mpbbI: decodes NDB_CRYPT_PERMUTE ("compressible encryption"). */
const TABLE_I = Buffer.from(
  "47f1b4e60b6a7248854e9eebe2f89453e0bba002e85a09abdbe3bac67cc310dd39059630f53760828cc9134a6b1df3fb" +
    "8f2697ca911701c4322d6e3195ffd923d1005e79dc443b1a28c5615720903d83b943be67d2464276c06d5b7eb20f1629" +
    "3ca903540dda5ddff6b7c762cd8d06d3695c86d614f7a56675acb1e94521700c879f74a4224c6fbf1f56aa2eb3783350" +
    "b0a392bccf191ca763cb1e4d3e4b1b9b4fe7f0eead3ab55904ea40552551e57a893868527bfc27aed7bdfa07f4cc8e5f" +
    "ef359c842b15d5773449b6120a7f7188fd9d18417d93d8582ccefe24afdeb836c8a180a69998a82f0e816573e4c2a28a" +
    "d4e111d0088b2af2ed9a643fc16cf9ec",
  "hex",
);

/** mpbbS: the middle substitution of NDB_CRYPT_CYCLIC (it is its own inverse). */
const TABLE_S = Buffer.from(
  "14530f56b3c87a9ceb65481716159f02cc547c83000d0c0ba262a876dbd9edc7c5a4dcac8574d6d0a79bae9a967166c3" +
    "6399b8dd73928e847da55ed15d93b1575150808952944f4e0a6bbc8d7f6e47464140440111cb033ff7f4e1a98f3c3af9" +
    "fbf0193082092ec99da08649ee6f4d6dc42d813425871b88aafc06a11238fd4c4272641337246a757743ffe6b44b365c" +
    "e4d8353d45b92cecb7312b290768a30e697b189e2139be281a5b78f523ca2ab0af3efe048ce7e5983295d3f64ae8a6ea" +
    "e9f3d52f7020f21f0567ad5510cecde3273bdabad7c226d4911dd21c2233f8faf15aefcf90b68bb5bdc0bf08971e6ce2" +
    "61e0c6c159abbb58de5fdf60797eb28a",
  "hex",
);

/** mpbbR: the encoding table of NDB_CRYPT_PERMUTE, i.e. the inverse of mpbbI. */
const TABLE_R = Buffer.alloc(256);
for (let i = 0; i < 256; i++) TABLE_R[TABLE_I[i]!] = i;

export const CRYPT_NONE = 0x00;
export const CRYPT_PERMUTE = 0x01;
export const CRYPT_CYCLIC = 0x02;

/** Decodes a permute-encoded buffer in place. */
export function decodePermute(data: Uint8Array): void {
  const t = TABLE_I;
  for (let i = 0; i < data.length; i++) data[i] = t[data[i]!]!;
}

/** Encodes in place (the inverse of decodePermute); used by tests to build encoded blocks. */
export function encodePermute(data: Uint8Array): void {
  const t = TABLE_R;
  for (let i = 0; i < data.length; i++) data[i] = t[data[i]!]!;
}

/**
 * NDB_CRYPT_CYCLIC, keyed by the low 32 bits of the block id. The transform is symmetric:
 * the same call encodes and decodes.
 */
export function cyclic(data: Uint8Array, key: number): void {
  let w = ((key ^ (key >>> 16)) & 0xffff) >>> 0;
  for (let i = 0; i < data.length; i++) {
    let b = data[i]!;
    b = (b + w) & 0xff;
    b = TABLE_R[b]!;
    b = (b + (w >>> 8)) & 0xff;
    b = TABLE_S[b]!;
    b = (b - (w >>> 8)) & 0xff;
    b = TABLE_I[b]!;
    b = (b - w) & 0xff;
    data[i] = b;
    w = (w + 1) & 0xffff;
  }
}
