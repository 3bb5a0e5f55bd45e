import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS, type Limits } from "../../../core/limits.js";
import { openZip } from "./open-zip.js";
import { buildZip, deflatedZeros } from "./zip-builder.test-helper.js";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (err) {
    return String((err as { reason?: string }).reason);
  }
}

describe("openZip on built archives", () => {
  it("lists file members, skips directories and reads stored and deflated data", async () => {
    const zip = await openZip(
      buildZip([
        { name: "dir/", data: Buffer.alloc(0), method: 0 },
        { name: "dir/a.txt", data: Buffer.from("alpha"), method: 0 },
        { name: "b.txt", data: Buffer.from("bravo ".repeat(100)) },
      ]),
      DEFAULT_LIMITS,
    );
    expect(zip.declared).toBe(2);
    expect(zip.exceptions).toEqual([]);
    expect(zip.entries.map((e) => e.name)).toEqual(["dir/a.txt", "b.txt"]);
    expect(text(await zip.readEntry(zip.entries[0]!))).toBe("alpha");
    expect(text(await zip.readEntry(zip.entries[1]!))).toBe("bravo ".repeat(100));
    const chunks: Buffer[] = [];
    for await (const c of await zip.streamEntry(zip.entries[1]!)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).length).toBe(600);
    await zip.close();
  });

  it("decodes CP437 names and keeps traversal names as plain names", async () => {
    const cp437 = Buffer.from([0x72, 0x82, 0x73, 0x75, 0x6d, 0x82, 0x2e, 0x74, 0x78, 0x74]); // "résumé.txt"
    const zip = await openZip(
      buildZip([
        { name: cp437, data: Buffer.from("x"), method: 0, flags: 0 },
        { name: "../../etc/passwd", data: Buffer.from("y"), method: 0 },
        { name: "/abs/path.txt", data: Buffer.from("z"), method: 0 },
      ]),
      DEFAULT_LIMITS,
    );
    expect(zip.entries.map((e) => e.name)).toEqual(["résumé.txt", "../../etc/passwd", "/abs/path.txt"]);
    expect(text(await zip.readEntry(zip.entries[1]!))).toBe("y");
  });

  it("stops a 1 GiB zero bomb quickly, with bounded memory, on the compression ratio", async () => {
    const bomb = deflatedZeros(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    // The header lies: it claims 1000 bytes.
    const zip = await openZip(
      buildZip([{ name: "zeros.bin", data: bomb, compressed: true, declaredSize: 1000 }]),
      DEFAULT_LIMITS,
    );
    const before = process.memoryUsage().rss;
    const started = Date.now();
    expect(await reasonOf(zip.readEntry(zip.entries[0]!))).toBe("ratio-limit");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("the bomb stream really is 1 GiB of zeros (sanity check of the generator, 8 MiB slice)", () => {
    const out = inflateRawSync(deflatedZeros(8));
    expect(out.length).toBe(8 * 1024 * 1024);
    expect(out.every((b) => b === 0)).toBe(true);
  });

  it("enforces maxItemBytes and the archive total while inflating, ratio aside", async () => {
    const limits: Limits = {
      ...DEFAULT_LIMITS,
      maxItemBytes: 3 * 1024 * 1024,
      maxCompressionRatio: 1e9,
      maxArchiveBytes: 5.5 * 1024 * 1024,
    };
    const zip = await openZip(
      buildZip([
        { name: "big.bin", data: deflatedZeros(16), compressed: true },
        { name: "two.bin", data: deflatedZeros(2), compressed: true },
        { name: "three.bin", data: deflatedZeros(2), compressed: true },
        { name: "four.bin", data: deflatedZeros(2), compressed: true },
      ]),
      limits,
    );
    expect(await reasonOf(zip.readEntry(zip.entries[0]!))).toBe("size-limit");
    // The first member already used up to ~3 MiB of the 5 MiB budget.
    expect((await zip.readEntry(zip.entries[1]!)).length).toBe(2 * 1024 * 1024);
    expect(await reasonOf(zip.readEntry(zip.entries[2]!))).toBe("size-limit");
    const declaredTooBig = await openZip(
      buildZip([{ name: "claims.bin", data: Buffer.from("x"), method: 0, declaredSize: 10 * 1024 * 1024 }]),
      limits,
    );
    expect(await reasonOf(declaredTooBig.readEntry(declaredTooBig.entries[0]!))).toBe("size-limit");
  });

  it("reads ZIP64 archives, and recovers ZIP64 members from local headers", async () => {
    const members = [
      { name: "a.txt", data: Buffer.from("zip64 alpha") },
      { name: "b.txt", data: Buffer.from("zip64 bravo"), method: 0 },
    ];
    const archive = buildZip(members, { zip64: true });
    const zip = await openZip(archive, DEFAULT_LIMITS);
    expect(zip.exceptions).toEqual([]);
    expect(zip.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ["a.txt", 11],
      ["b.txt", 11],
    ]);
    expect(text(await zip.readEntry(zip.entries[0]!))).toBe("zip64 alpha");
    expect(text(await zip.readEntry(zip.entries[1]!))).toBe("zip64 bravo");
    // Without its directory the members are still found through their local ZIP64 sizes.
    const headless = archive.subarray(0, archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const recovered = await openZip(headless, DEFAULT_LIMITS);
    expect(recovered.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    expect(text(await recovered.readEntry(recovered.entries[1]!))).toBe("zip64 bravo");
  });

  it("marks encrypted members and reports more entries than maxParts", async () => {
    const zip = await openZip(
      buildZip([
        {
          name: "secret.txt",
          data: Buffer.from("0123456789abcdef"),
          method: 0,
          flags: 0x0801,
          declaredSize: 4,
        },
        ...Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from(`${i}`), method: 0 })),
      ]),
      { ...DEFAULT_LIMITS, maxParts: 3 },
    );
    expect(zip.entries.map((e) => e.name)).toEqual(["secret.txt", "f0.txt", "f1.txt"]);
    expect(zip.entries[0]!.exception?.reason).toBe("encrypted");
    expect(await reasonOf(zip.readEntry(zip.entries[0]!))).toBe("encrypted");
    expect(zip.declared).toBe(6);
    expect(zip.exceptions.map((e) => e.reason)).toEqual(["parts-limit"]);
  });

  it("recovers members of a truncated archive from local headers", async () => {
    const whole = buildZip([
      { name: "one.txt", data: Buffer.from("first member") },
      { name: "two.txt", data: Buffer.from("second member"), method: 0 },
      { name: "three.txt", data: Buffer.from("third member ".repeat(50)) },
    ]);
    const cut = whole.subarray(0, whole.indexOf("three.txt") + 20);
    const zip = await openZip(cut, DEFAULT_LIMITS);
    expect(zip.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    expect(zip.entries.map((e) => e.name)).toEqual(["one.txt", "two.txt", "three.txt"]);
    expect(text(await zip.readEntry(zip.entries[0]!))).toBe("first member");
    expect(text(await zip.readEntry(zip.entries[1]!))).toBe("second member");
    expect(zip.entries[2]!.exception?.reason).toBe("truncated");
  });

  it("never throws on garbage", async () => {
    for (const junk of [
      new Uint8Array(0),
      new Uint8Array(100),
      Buffer.from("PK\x03\x04garbage"),
      Buffer.from("PK\x05\x06"),
    ]) {
      const zip = await openZip(junk, DEFAULT_LIMITS);
      expect(zip.exceptions.length).toBeGreaterThan(0);
      await zip.close();
    }
  });
});

describe.skipIf(!hasFixtures)(`openZip on fixtures ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("reads the Tika test documents archive from a path", async () => {
    const zip = await openZip(fixture("zip/tika-test-documents.zip"), DEFAULT_LIMITS);
    expect(zip.declared).toBe(9);
    expect(zip.exceptions).toEqual([]);
    expect(zip.entries.map((e) => e.name)).toEqual([
      "testEXCEL.xls",
      "testHTML.html",
      "testOpenOffice2.odt",
      "testPDF.pdf",
      "testPPT.ppt",
      "testRTF.rtf",
      "testTXT.txt",
      "testWORD.doc",
      "testXML.xml",
    ]);
    const sizes = [];
    for (const e of zip.entries) sizes.push((await zip.readEntry(e)).length);
    expect(sizes).toEqual([13824, 167, 26448, 34824, 16384, 3410, 49, 19456, 766]);
    expect(text(await zip.readEntry(zip.entries[6]!))).toContain("Test");
    await zip.close();
  });

  it("marks the encrypted member of the Tika encrypted archive", async () => {
    const zip = await openZip(readFileSync(fixture("zip/tika-testZipEncrypted.zip")), DEFAULT_LIMITS);
    expect(zip.entries.map((e) => [e.name, e.exception?.reason])).toEqual([
      ["unencrypted.txt", undefined],
      ["encrypted.txt", "encrypted"],
    ]);
    expect(text(await zip.readEntry(zip.entries[0]!)).length).toBe(13);
  });

  it("reads both data-descriptor archives (one has a wrong central directory offset)", async () => {
    const one = await openZip(fixture("zip/tika-testZip_with_DataDescriptor.zip"), DEFAULT_LIMITS);
    expect(one.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    expect(one.entries.map((e) => e.name)).toEqual(["en0", "en1", "en2", "en3", "en4"]);
    for (const e of one.entries) expect([...(await one.readEntry(e))]).toEqual([1, 2, 3, 4]);

    const two = await openZip(fixture("zip/tika-testZip_with_DataDescriptor2.zip"), DEFAULT_LIMITS);
    expect(two.exceptions).toEqual([]);
    expect(two.entries.map((e) => e.name)).toEqual([
      "mimetype",
      "source.xml",
      "code.bin",
      "META-INF/manifest.xml",
    ]);
    expect(two.declared).toBe(4);
    const sizes = [];
    for (const e of two.entries) sizes.push((await two.readEntry(e)).length);
    expect(sizes).toEqual([0, 502, 972, 827]);
  });

  it("does not allocate the 2 GiB the corrupted OOM sample declares", async () => {
    const before = process.memoryUsage().rss;
    const zip = await openZip(fixture("zip/tika-testZIP_corrupted_oom.zip"), DEFAULT_LIMITS);
    expect(zip.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    expect(zip.entries.map((e) => e.name)).toEqual(["hello.txt"]);
    const reason = await reasonOf(zip.readEntry(zip.entries[0]!));
    expect(["size-limit", "truncated", "corrupt"]).toContain(reason);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe("openZip on a missing file", () => {
  it("reports read-error only", async () => {
    const zip = await openZip("/nonexistent/dir/archive.zip", DEFAULT_LIMITS);
    expect(zip.exceptions.map((e) => e.reason)).toEqual(["read-error"]);
    expect(zip.entries).toEqual([]);
    expect(zip.declared).toBe(0);
  });
});
