import { createHash } from "node:crypto";
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, StandardFonts } from "pdf-lib";

// The padding string from the PDF standard security handler (ISO 32000-1, 7.6.3.3).
const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  let b = 0;
  for (let n = 0; n < data.length; n++) {
    a = (a + 1) & 255;
    b = (b + (s[a] as number)) & 255;
    [s[a], s[b]] = [s[b] as number, s[a] as number];
    out[n] = (data[n] as number) ^ (s[((s[a] as number) + (s[b] as number)) & 255] as number);
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => createHash("md5").update(Buffer.concat(parts)).digest();
const padded = (pw: string) => Buffer.concat([Buffer.from(pw, "latin1"), PAD]).subarray(0, 32);

/**
 * A one-page PDF with `lines` of text, encrypted with the 40-bit RC4 standard security
 * handler (revision 2). With an empty user password any reader opens it; with a non-empty
 * one a password is required. Built for tests: no PDF tool on the machine can encrypt.
 */
export async function encryptedPdfSample(lines: string[], userPassword: string): Promise<Uint8Array> {
  const draft = await PDFDocument.create({ updateMetadata: false });
  const font = await draft.embedFont(StandardFonts.Helvetica);
  const page = draft.addPage([612, 792]);
  lines.forEach((line, i) => {
    page.drawText(line, { x: 72, y: 700 - i * 20, size: 12, font });
  });
  const doc = await PDFDocument.load(
    await draft.save({ useObjectStreams: false, updateFieldAppearances: false }),
    {
      updateMetadata: false,
    },
  );
  const permissions = -44;
  const id = md5(Buffer.from("breachscope sample"));
  const owner = rc4(md5(padded("owner")).subarray(0, 5), padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const fileKey = md5(padded(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(fileKey, PAD);
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const objKey = md5(
      fileKey,
      Buffer.from([ref.objectNumber & 255, (ref.objectNumber >> 8) & 255, (ref.objectNumber >> 16) & 255]),
      Buffer.from([ref.generationNumber & 255, (ref.generationNumber >> 8) & 255]),
    ).subarray(0, 10);
    doc.context.assign(ref, PDFRawStream.of(obj.dict, rc4(objKey, obj.contents)));
  }
  const encrypt = doc.context.obj({
    Filter: PDFName.of("Standard"),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    O: PDFHexString.of(Buffer.from(owner).toString("hex")),
    U: PDFHexString.of(Buffer.from(user).toString("hex")),
    P: PDFNumber.of(permissions),
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  const idHex = PDFHexString.of(id.toString("hex"));
  doc.context.trailerInfo.ID = doc.context.obj([idHex, idHex]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
