import { readFileSync } from "node:fs";
import CFB from "cfb";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { buildCfb, encryptedOoxmlSample } from "./build-cfb.js";
import { findRootEntry, readCfbDirectory, readCfbStream, rootNames } from "./cfb-directory.js";
import { encryptedOfficeExtractor } from "./encrypted-office-extractor.js";
import { officeEncryption, ooxmlEncryptionKind } from "./encryption.js";

const cfbOf = buildCfb;
const encryptedOoxml = encryptedOoxmlSample;

function fib(flags: number, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0xec, 0xa5, 0xc1, 0x00], 0);
  b[0x0a] = flags & 0xff;
  b[0x0b] = flags >> 8;
  return b;
}

/** BOF, optionally FILEPASS, then BOUNDSHEET: the start of an Excel globals substream. */
function biff(encrypted: boolean): Uint8Array {
  const rec = (type: number, len: number) => [
    type & 0xff,
    type >> 8,
    len & 0xff,
    len >> 8,
    ...new Array(len).fill(0),
  ];
  return new Uint8Array([...rec(0x0809, 16), ...(encrypted ? rec(0x002f, 54) : []), ...rec(0x0085, 10)]);
}

describe("officeEncryption", () => {
  const cases: [string, Uint8Array, string | undefined][] = [
    ["encrypted OOXML", encryptedOoxml(), "ooxml"],
    ["encrypted DOC (mini stream FIB)", cfbOf({ WordDocument: fib(0x0100, 200) }), "doc"],
    ["obfuscated DOC (big stream FIB)", cfbOf({ WordDocument: fib(0x8000, 6000) }), "doc"],
    ["plain DOC", cfbOf({ WordDocument: fib(0x0000, 6000) }), undefined],
    ["encrypted XLS", cfbOf({ Workbook: biff(true) }), "xls"],
    ["plain XLS", cfbOf({ Workbook: biff(false) }), undefined],
    [
      "encrypted PPT",
      cfbOf({ "PowerPoint Document": new Uint8Array(10), EncryptedSummary: new Uint8Array(10) }),
      "ppt",
    ],
    ["not a CFB", new TextEncoder().encode("hello"), undefined],
    ["truncated CFB", encryptedOoxml().subarray(0, 700), undefined],
  ];
  it.each(cases)("%s", (_label, bytes, expected) => {
    expect(officeEncryption(bytes)).toBe(expected);
  });

  it("reads the EncryptionInfo version", () => {
    expect(ooxmlEncryptionKind(encryptedOoxml())).toBe("agile");
  });
});

describe("encryptedOfficeExtractor", () => {
  it("records password-protected", async () => {
    const r = await encryptedOfficeExtractor({
      bytes: encryptedOoxml(),
      mediaType: "application/x-ooxml-encrypted",
      limits: DEFAULT_LIMITS,
      ocr: false,
    });
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["password-protected"]);
    expect(r.meta).toEqual({ encrypted: true, encryption: "agile" });
  });
});

describe.skipIf(!hasFixtures)(`CFB directory on real files (${NO_FIXTURES})`, () => {
  it.each(["docs/tika-testWORD.doc", "docs/tika-testEXCEL.xls", "msg/tika-testMSG.msg"])(
    "reads the same streams as the cfb package: %s",
    (rel) => {
      const bytes = new Uint8Array(readFileSync(fixture(rel)));
      const ours = readCfbDirectory(bytes);
      expect(ours).toBeDefined();
      const theirs = CFB.read(Buffer.from(bytes), { type: "buffer" });
      const rootLevel = theirs.FullPaths.filter((p) => /^Root Entry\/[^/]+\/?$/.test(p)).map((p) =>
        p.replace(/^Root Entry\//, "").replace(/\/$/, ""),
      );
      expect([...rootNames(ours!)].sort()).toEqual(rootLevel.sort());
      for (const name of rootLevel) {
        const entry = findRootEntry(ours!, name);
        if (entry?.type !== 2) continue;
        const index = theirs.FullPaths.indexOf(`Root Entry/${name}`);
        const expected = (theirs.FileIndex[index]?.content as Uint8Array | undefined) ?? new Uint8Array(0);
        expect(Buffer.from(readCfbStream(ours!, entry, 1 << 20) ?? [])).toEqual(Buffer.from(expected));
      }
    },
  );

  it("finds no encryption in Tika's DOC and XLS", () => {
    expect(officeEncryption(readFileSync(fixture("docs/tika-testWORD.doc")))).toBeUndefined();
    expect(officeEncryption(readFileSync(fixture("docs/tika-testEXCEL.xls")))).toBeUndefined();
  });
});
