import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { parseMime } from "../../mime/parse-mime.js";
import type { ExtractChild } from "../types.js";
import { buildZip, deflatedZeros } from "./zip-builder.test-helper.js";
import { zipExtractor } from "./zip-extractor.js";

const extract = (bytes: Uint8Array) =>
  zipExtractor({ bytes, name: "a.zip", mediaType: "application/zip", limits: DEFAULT_LIMITS, ocr: false });

const summary = (c: ExtractChild) =>
  c.type === "unreadable"
    ? `${c.name}:${c.exception.reason}`
    : c.type === "file"
      ? `${c.name}:${c.bytes.length}`
      : c.name;

describe("zipExtractor", () => {
  it("returns members as children, bombs and encrypted members as unreadable ones", async () => {
    const r = await extract(
      buildZip([
        { name: "docs/", data: Buffer.alloc(0), method: 0 },
        { name: "docs/note.txt", data: Buffer.from("hello") },
        { name: "bomb.bin", data: deflatedZeros(300), compressed: true },
        {
          name: "locked.txt",
          data: Buffer.from("xxxxxxxxxxxxxxxx"),
          method: 0,
          flags: 0x0801,
          declaredSize: 4,
        },
      ]),
    );
    expect(r.text).toBe("");
    expect(r.declared).toBe(3);
    expect(r.children?.map(summary)).toEqual([
      "docs/note.txt:5",
      "bomb.bin:ratio-limit",
      "locked.txt:encrypted",
    ]);
    expect(r.exceptions).toEqual([]);
  });

  it("reports a non-archive as corrupt without throwing", async () => {
    const r = await extract(Buffer.from("this is not a zip file at all"));
    expect(r.children).toEqual([]);
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });
});

describe.skipIf(!hasFixtures)(`zipExtractor on fixtures ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("extracts the Tika encrypted sample: one readable, one encrypted", async () => {
    const r = await extract(readFileSync(fixture("zip/tika-testZipEncrypted.zip")));
    expect(r.declared).toBe(2);
    expect(r.children?.map(summary)).toEqual(["unencrypted.txt:13", "encrypted.txt:encrypted"]);
  });

  it("extracts the zips attached to the Tika EML samples", async () => {
    const normal = await parseMime(readFileSync(fixture("eml/tika-testRFC822_normal_zip")), DEFAULT_LIMITS);
    const r1 = await extract(normal.attachments[0]!.bytes!);
    expect(r1.children?.map(summary)).toEqual(["text.txt:120"]);
    const encrypted = await parseMime(
      readFileSync(fixture("eml/tika-testRFC822_encrypted_zip")),
      DEFAULT_LIMITS,
    );
    const r2 = await extract(encrypted.attachments[0]!.bytes!);
    expect(r2.children?.map(summary)).toEqual(["text.txt:encrypted"]);
  });
});
