import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { rtfExtractor } from "./rtf-extractor.js";

const input = (bytes: Uint8Array) => ({
  bytes,
  mediaType: "application/rtf",
  limits: DEFAULT_LIMITS,
  ocr: false,
});

describe.skipIf(!hasFixtures)(`rtfExtractor on a Word RTF file ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("extracts the document text without the title or styles", async () => {
    const r = await rtfExtractor(input(new Uint8Array(readFileSync(fixture("docs/tika-testRTF.rtf")))));
    expect(r.text).toBe("Test d\u2019indexation Word");
    expect(r.exceptions).toEqual([]);
    expect(r.meta).toEqual({ pictures: 0, objects: 0, fromHtml: false });
  });
});

describe("rtfExtractor", () => {
  it("reports embedded objects and non-RTF input", async () => {
    const bytes = new TextEncoder().encode("{\\rtf1 a{\\object{\\*\\objdata 0105}{\\result b}}}");
    const r = await rtfExtractor(input(bytes));
    expect(r.text).toBe("ab");
    expect(r.exceptions).toEqual([
      { reason: "unsupported-type", detail: "1 embedded OLE object was not extracted" },
    ]);
    const junk = await rtfExtractor(input(new TextEncoder().encode("plain words")));
    expect(junk.text).toBe("plain words");
    expect(junk.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });
});
