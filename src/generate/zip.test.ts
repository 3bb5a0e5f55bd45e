import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { crc32, writeZip } from "./zip.js";

function entries(zip: Buffer): Promise<{ name: string; text: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const out: { name: string; text: string }[] = [];
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.push({ name: entry.fileName, text: Buffer.concat(chunks).toString("utf8") });
            file.readEntry();
          });
        });
      });
      file.on("end", () => resolve(out));
      file.readEntry();
    });
  });
}

describe("writeZip", () => {
  it("writes archives yauzl reads back (deflated and stored entries)", async () => {
    const big = "patient list ".repeat(500);
    const zip = writeZip([
      { name: "list.csv", bytes: Buffer.from(big) },
      { name: "tiny.txt", bytes: Buffer.from("x") },
      { name: "résumé.txt", bytes: Buffer.from("ok") },
    ]);
    expect(await entries(zip)).toEqual([
      { name: "list.csv", text: big },
      { name: "tiny.txt", text: "x" },
      { name: "résumé.txt", text: "ok" },
    ]);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});
