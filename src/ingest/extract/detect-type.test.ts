import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES, packageFile } from "../../../test/fixtures.js";
import { detectType } from "./detect-type.js";
import { MEDIA } from "./media-types.js";
import { buildCfb } from "./office/build-cfb.js";

const enc = (s: string) => new TextEncoder().encode(s);

function cfbWith(names: string[]): Uint8Array {
  return buildCfb(Object.fromEntries(names.map((n) => [n, new Uint8Array(64).fill(1)])));
}

function localHeader(name: string, data: string): Uint8Array {
  const n = enc(name);
  const d = enc(data);
  const out = new Uint8Array(30 + n.length + d.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint32(18, d.length, true);
  dv.setUint32(22, d.length, true);
  dv.setUint16(26, n.length, true);
  out.set(n, 30);
  out.set(d, 30 + n.length);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe("detectType on synthetic bytes", () => {
  const cases: [string, Uint8Array, string | undefined, string | undefined, string][] = [
    ["pdf magic", enc("%PDF-1.7\n..."), undefined, undefined, MEDIA.pdf],
    ["pdf after junk", enc(`junk\n%PDF-1.4\n${"x".repeat(20)}`), undefined, undefined, MEDIA.pdf],
    ["tnef", new Uint8Array([0x78, 0x9f, 0x3e, 0x22, 1, 0]), "winmail.dat", undefined, MEDIA.tnef],
    ["rtf", enc("{\\rtf1\\ansi hello}"), undefined, undefined, MEDIA.rtf],
    [
      "png",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      undefined,
      undefined,
      MEDIA.png,
    ],
    ["jpeg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]), undefined, undefined, MEDIA.jpeg],
    ["gif", enc("GIF89a\x01\x00"), undefined, undefined, MEDIA.gif],
    ["tiff LE", new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), undefined, undefined, MEDIA.tiff],
    ["tiff BE", new Uint8Array([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), undefined, undefined, MEDIA.tiff],
    ["webp", enc("RIFF\x10\x00\x00\x00WEBPVP8 "), undefined, undefined, MEDIA.webp],
    ["gzip", new Uint8Array([0x1f, 0x8b, 0x08, 0, 0]), undefined, undefined, MEDIA.gzip],
    ["7z", new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), undefined, undefined, MEDIA.sevenZip],
    ["rar", enc("Rar!\x1a\x07\x01\x00"), undefined, undefined, MEDIA.rar],
    ["pst", enc("!BDN\x00\x00\x00\x00SM"), undefined, undefined, MEDIA.pst],
    [
      "mbox",
      enc(
        "From jdoe@example.org Mon Jun 01 04:28:28 2009\nReturn-Path: <a@b>\nFrom: a@b\nSubject: x\n\nhi\n",
      ),
      undefined,
      undefined,
      MEDIA.mbox,
    ],
    [
      "rfc822",
      enc("Received: from x by y;\n\tMon, 1 Jun 2009\nFrom: a@b\nMessage-ID: <1@b>\n\nbody"),
      undefined,
      undefined,
      MEDIA.eml,
    ],
    [
      "bare MIME entity",
      enc('Content-Type: multipart/mixed;\n\tboundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n--b--\n'),
      undefined,
      undefined,
      MEDIA.eml,
    ],
    [
      "saved .eml with an envelope line",
      enc("From - Wed Aug  3 17:55:19 2011\nFrom: a@b\nMessage-ID: <1@b>\n\nbody"),
      "saved.eml",
      undefined,
      MEDIA.eml,
    ],
    ["memo with a colon is text", enc("Note: call back\nabout results\n"), undefined, undefined, MEDIA.text],
    [
      "html doctype",
      enc("\uFEFF  <!DOCTYPE html><html><body>x</body></html>"),
      undefined,
      undefined,
      MEDIA.html,
    ],
    ["html fragment", enc("<div>Patient list</div>"), undefined, undefined, MEDIA.html],
    ["csv by extension", enc("a,b\n1,2\n"), "list.CSV", undefined, MEDIA.csv],
    ["declared csv", enc("a;b\n1;2\n"), undefined, "text/csv; charset=utf-8", MEDIA.csv],
    ["declared alias", enc("a;b\n1;2\n"), undefined, "text/comma-separated-values", MEDIA.csv],
    ["text heuristic", enc("plain words\r\n"), undefined, undefined, MEDIA.text],
    [
      "utf-16 text",
      new Uint8Array([0x68, 0, 0x69, 0, 0x20, 0, 0x74, 0, 0x68, 0, 0x65, 0, 0x72, 0, 0x65, 0]),
      undefined,
      undefined,
      MEDIA.text,
    ],
    ["binary heuristic", new Uint8Array([0, 1, 2, 3, 0xff, 0, 7, 9]), undefined, undefined, MEDIA.binary],
    ["binary named .txt", new Uint8Array([0, 1, 2, 3, 0xff, 0, 7, 9]), "a.txt", undefined, MEDIA.binary],
    ["binary named .pdf", new Uint8Array([0, 1, 2, 3, 0xff, 0, 7, 9]), "scan.pdf", undefined, MEDIA.pdf],
    ["declared octet-stream text", enc("hello"), undefined, "application/octet-stream", MEDIA.text],
    [
      "bmp",
      concat(enc("BM"), new Uint8Array(12), new Uint8Array([40, 0, 0, 0]), new Uint8Array(20)),
      undefined,
      undefined,
      MEDIA.bmp,
    ],
    ["BM text is not bmp", enc("BMI report follows for the clinic"), undefined, undefined, MEDIA.text],
    ["empty", new Uint8Array(0), undefined, undefined, MEDIA.text],
    [
      "odt by mimetype entry",
      localHeader("mimetype", "application/vnd.oasis.opendocument.text"),
      undefined,
      undefined,
      MEDIA.odt,
    ],
    [
      "ods by mimetype entry",
      localHeader("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
      undefined,
      undefined,
      MEDIA.ods,
    ],
    [
      "docx by local names",
      concat(localHeader("[Content_Types].xml", "<x/>"), localHeader("word/document.xml", "<y/>")),
      undefined,
      undefined,
      MEDIA.docx,
    ],
    [
      "xlsx by local names",
      concat(localHeader("[Content_Types].xml", "<x/>"), localHeader("xl/workbook.xml", "<y/>")),
      undefined,
      undefined,
      MEDIA.xlsx,
    ],
    [
      "pptx by local names",
      concat(localHeader("[Content_Types].xml", "<x/>"), localHeader("ppt/presentation.xml", "<y/>")),
      undefined,
      undefined,
      MEDIA.pptx,
    ],
    [
      "plain zip",
      concat(localHeader("a.txt", "hi"), localHeader("b.txt", "ho")),
      "x.docx",
      undefined,
      MEDIA.zip,
    ],
    [
      "msg cfb",
      cfbWith(["__properties_version1.0", "__substg1.0_0037001F"]),
      undefined,
      undefined,
      MEDIA.msg,
    ],
    ["doc cfb", cfbWith(["WordDocument", "1Table"]), undefined, undefined, MEDIA.doc],
    ["xls cfb", cfbWith(["Workbook"]), undefined, undefined, MEDIA.xls],
    ["xls5 cfb", cfbWith(["Book"]), undefined, undefined, MEDIA.xls],
    ["ppt cfb", cfbWith(["PowerPoint Document", "Current User"]), undefined, undefined, MEDIA.ppt],
    [
      "encrypted ooxml",
      cfbWith(["EncryptionInfo", "EncryptedPackage"]),
      "a.docx",
      undefined,
      MEDIA.ooxmlEncrypted,
    ],
    ["unknown cfb", cfbWith(["Contents"]), undefined, undefined, MEDIA.binary],
    ["unknown cfb named .doc", cfbWith(["Contents"]), "x.doc", undefined, MEDIA.doc],
  ];
  it.each(cases)("%s", (_label, bytes, name, declared, expected) => {
    expect(detectType(bytes, name, declared)).toBe(expected);
  });
});

describe.skipIf(!hasFixtures)(`detectType on real files (${NO_FIXTURES})`, () => {
  const cases: [string, string][] = [
    ["docs/tika-testPDF.pdf", MEDIA.pdf],
    ["docs/tika-testWORD.docx", MEDIA.docx],
    ["docs/tika-testWORD.doc", MEDIA.doc],
    ["docs/tika-testEXCEL.xls", MEDIA.xls],
    ["docs/tika-testEXCEL.xlsx", MEDIA.xlsx],
    ["docs/tika-testRTF.rtf", MEDIA.rtf],
    ["docs/tika-testOCR.jpg", MEDIA.jpeg],
    ["docs/tika-testOCR_spacing.png", MEDIA.png],
    ["msg/tika-testMSG.msg", MEDIA.msg],
    ["msg/msgreader-msgInMsg.msg", MEDIA.msg],
    ["pst/tika-testPST.pst", MEDIA.pst],
    ["tnef/tika-testWINMAIL.dat", MEDIA.tnef],
    ["zip/tika-test-documents.zip", MEDIA.zip],
    ["mbox/tika-complex.mbox", MEDIA.mbox],
    ["mbox/tika-testMBOX_complex.mbox", MEDIA.mbox],
    ["eml/tika-testRFC822", MEDIA.eml],
    ["eml/mailparser-htmllargecallstack.eml", MEDIA.eml],
    ["eml/postal-mime-mimetorture.eml", MEDIA.eml],
    ["eml/mailparser-mixed.eml", MEDIA.eml],
    // One message with its mbox "From " envelope line: an mbox of one.
    ["eml/mailparser-large_text.eml", MEDIA.mbox],
    ["logs/m365/t1114_Set-Mailbox-ForwardSMTPAddress.csv", MEDIA.text],
  ];
  it.each(cases)("%s", (rel, expected) => {
    // No name: the bytes alone must decide.
    expect(detectType(readFileSync(fixture(rel)))).toBe(expected);
  });

  it("recognises the OST files shipped with pst-extractor", () => {
    const bytes = readFileSync(
      packageFile("pst-extractor", "example/testdata/pstextractortest@outlook.com.ost"),
    );
    expect(detectType(bytes.subarray(0, 4096))).toBe(MEDIA.pst);
  });
});
