import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { parseDelimited, sniffDelimiter } from "./csv.js";
import { csvExtractor, makeCsvExtractor } from "./csv-extractor.js";

const run = (bytes: Uint8Array, extractor = csvExtractor) =>
  extractor({ bytes, mediaType: "text/csv", limits: DEFAULT_LIMITS, ocr: false });
const enc = (s: string) => new TextEncoder().encode(s);

describe("sniffDelimiter", () => {
  it.each([
    ["Name,DOB,MRN\nJane,1970-01-02,001\n", ","],
    ["Name;DOB;MRN\nRoe, Jane;02.01.1970;001\n", ";"],
    ["Name\tDOB\nJane, R.\t1970\n", "\t"],
    ["Name|DOB|City\nJane|1970|Paris, TX\n", "|"],
    ['"a,b";c;d\n"e,f";g;h\n', ";"],
  ])("%j → %j", (text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });
});

describe("parseDelimited", () => {
  it("handles quotes, doubled quotes, embedded line breaks and CRLF", () => {
    const rows: string[][] = [];
    parseDelimited('a,"b ""x"", c","line1\r\nline2"\r\n1,2,3\r\n', ",", (r) => {
      rows.push(r);
      return true;
    });
    expect(rows).toEqual([
      ["a", 'b "x", c', "line1\r\nline2"],
      ["1", "2", "3"],
    ]);
  });
});

describe("csvExtractor", () => {
  it("outputs tab-separated rows and keeps leading zeros", async () => {
    const r = await run(enc('\uFEFFName;DOB;MRN\r\n"Roe; Jane";1970-01-02;00123\r\n'));
    expect(r.text).toBe("Name\tDOB\tMRN\nRoe; Jane\t1970-01-02\t00123");
    expect(r.meta).toEqual({ delimiter: "semicolon", charset: "utf-8", rows: 2 });
  });

  it("decodes UTF-16LE with BOM and windows-1252", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."a,b\nZoë,1\n"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await run(utf16)).text).toBe("a\tb\nZoë\t1");
    const latin = new Uint8Array([...enc("name,city\nJos"), 0xe9, ...enc(",M"), 0xfc, ...enc("nchen\n")]);
    const r = await run(latin);
    expect(r.text).toBe("name\tcity\nJosé\tMünchen");
    expect(r.meta?.["charset"]).toBe("windows-1252");
  });

  it("stops at the cell limit with a size-limit exception", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `p${i},x,y`).join("\n");
    const r = await run(enc(rows), makeCsvExtractor(30));
    expect(r.text.split("\n")).toHaveLength(10);
    expect(r.exceptions).toEqual([
      { reason: "size-limit", detail: "cell limit of 30 reached after 10 records" },
    ]);
  });

  it("stays linear on a huge field full of stray quotes", async () => {
    const start = Date.now();
    const r = await run(enc(`x,${'a"'.repeat(300_000)}\n`));
    expect(r.text.length).toBe(600_002);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it("survives an unterminated quote", async () => {
    const r = await run(enc('a,"never closed\nb,c\n'));
    expect(r.text).toBe("a\tnever closed b,c");
  });
});
