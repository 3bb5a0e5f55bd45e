import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import type { ExtractChild } from "../types.js";
import { tnefExtractor } from "./tnef-extractor.js";

const run = (bytes: Uint8Array, limits = DEFAULT_LIMITS) =>
  tnefExtractor({ bytes, mediaType: "application/ms-tnef", limits, ocr: false });

const summary = (c: ExtractChild) =>
  c.type === "file" ? `${c.name}:${c.bytes.length}` : `${c.type}:${c.name}`;

// --- a small TNEF writer for hand-built streams ---
function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}
function attr(level: number, id: number, data: number[], badChecksum = false): number[] {
  const sum = data.reduce((a, b) => (a + b) & 0xffff, 0);
  return [level, ...u32(id), ...u32(data.length), ...data, ...u16(badChecksum ? sum ^ 1 : sum)];
}
const ascii = (s: string) => [...Buffer.from(`${s}\0`, "latin1")];
const pad4 = (b: number[]) => [...b, ...new Array((4 - (b.length % 4)) % 4).fill(0)];
function unicodeProp(id: number, s: string): number[] {
  const data = [...Buffer.from(`${s}\0`, "utf16le")];
  return [...u16(0x001f), ...u16(id), ...u32(1), ...u32(data.length), ...pad4(data)];
}
function tnef(...attrs: number[][]): Uint8Array {
  return new Uint8Array([...u32(0x223e9f78), ...u16(1), ...attrs.flat()]);
}
const IID_IMESSAGE = [0x07, 0x03, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];

describe.skipIf(!hasFixtures)(`tnefExtractor on winmail.dat ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("reads the body and all five attachments with their names and sizes", async () => {
    const r = await run(new Uint8Array(readFileSync(fixture("tnef/tika-testWINMAIL.dat"))));
    expect(r.text).toBe("These are five files.\n\nFive files from Hell!  (Well Outlook actually)");
    expect(r.children?.map(summary)).toEqual([
      "quick.doc:19968",
      "quick.html:428",
      "quick.pdf:18638",
      "quick.txt:235",
      "quick.xml:143",
    ]);
    expect(r.declared).toBe(5);
    expect(r.exceptions).toEqual([]);
    const pdf = r.children?.[2];
    expect(pdf?.type === "file" && Buffer.from(pdf.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(r.meta).toEqual({ messageClass: "IPM.Note", attachments: 5 });
  });

  it("reports a truncated stream and keeps what came before the cut", async () => {
    const whole = new Uint8Array(readFileSync(fixture("tnef/tika-testWINMAIL.dat")));
    const r = await run(whole.subarray(0, 40000));
    // The cut falls inside the third attachment's data (the PDF), before its name.
    expect(r.children?.map(summary)).toEqual([
      "quick.doc:19968",
      "quick.html:428",
      "unreadable:attachment-3",
    ]);
    expect(r.children?.[2]).toMatchObject({
      exception: { reason: "truncated", detail: "attachment 3 is cut off" },
    });
    expect(r.declared).toBe(3);
    expect(r.exceptions.map((e) => e.reason)).toEqual(["truncated"]);
  });
});

describe("tnefExtractor on hand-built streams", () => {
  it("uses legacy attributes and flags checksum mismatches", async () => {
    const r = await run(
      tnef(
        attr(1, 0x00078008, ascii("IPM.Microsoft Mail.Note")),
        attr(1, 0x00018004, ascii("Visit summary")),
        attr(1, 0x0002800c, ascii("Patient seen today."), true),
        attr(2, 0x00069002, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        attr(2, 0x00018010, ascii("notes.txt")),
        attr(2, 0x0006800f, [...Buffer.from("hello")]),
      ),
    );
    expect(r.text).toBe("Patient seen today.");
    expect(r.children?.map(summary)).toEqual(["notes.txt:5"]);
    expect(r.exceptions).toEqual([
      { reason: "corrupt", detail: "checksum mismatch in attribute 0x800c at offset 66" },
    ]);
  });

  it("reads MAPI properties and an embedded message stored as nested TNEF", async () => {
    const inner = tnef(
      attr(1, 0x00069003, [...u32(2), ...unicodeProp(0x0037, "Inner"), ...unicodeProp(0x1000, "Inner body")]),
    );
    const objectValue = [...IID_IMESSAGE, ...inner];
    const attachProps = [
      ...u32(3),
      ...u16(0x0003),
      ...u16(0x3705),
      ...u32(5), // PidTagAttachMethod = embedded message
      ...unicodeProp(0x3001, "Forwarded note"),
      ...u16(0x000d),
      ...u16(0x3701),
      ...u32(1),
      ...u32(objectValue.length),
      ...pad4(objectValue),
    ];
    const r = await run(
      tnef(
        attr(1, 0x00069003, [
          ...u32(2),
          ...unicodeProp(0x0037, "Outer"),
          ...unicodeProp(0x1000, "Outer body"),
        ]),
        attr(2, 0x00069002, new Array(14).fill(0)),
        attr(2, 0x00069005, attachProps),
      ),
    );
    expect(r.text).toBe("Outer body");
    expect(r.children).toHaveLength(1);
    const child = r.children?.[0];
    expect(child?.type).toBe("message");
    if (child?.type === "message") {
      expect(child.name).toBe("Forwarded note");
      expect(child.message.headers.subject).toBe("Inner");
      expect(child.message.bodyText).toBe("Inner body");
    }
    expect(r.exceptions).toEqual([]);
  });

  it("reads the recipient table and named properties (meeting request)", async () => {
    const guid = [0x02, 0x20, 0x06, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]; // PSETID_Appointment
    const location = [...Buffer.from("Clinic B\0", "utf16le")];
    const named = [
      ...u16(0x001f),
      ...u16(0x8000),
      ...guid,
      ...u32(0),
      ...u32(0x8208),
      ...u32(1),
      ...u32(location.length),
      ...pad4(location),
    ];
    const row = (type: number, name: string) => [
      ...u32(2),
      ...u16(0x0003),
      ...u16(0x0c15),
      ...u32(type),
      ...unicodeProp(0x3001, name),
    ];
    const r = await run(
      tnef(
        attr(1, 0x00078008, ascii("IPM.Microsoft Schedule.MtgReq")),
        attr(1, 0x00069003, [...u32(2), ...named, ...unicodeProp(0x1000, "Follow-up visit")]),
        attr(1, 0x00069004, [...u32(2), ...row(1, "Ann"), ...row(2, "Bob")]),
      ),
    );
    expect(r.text).toBe("Follow-up visit\n\nLocation: Clinic B\n\nTo: Ann\nCc: Bob");
    expect(r.meta?.messageClass).toBe("IPM.Schedule.Meeting.Request");
    expect(r.children).toEqual([]);
    expect(r.declared).toBe(0);
    expect(r.exceptions).toEqual([]);
  });

  it("never throws on hostile input", async () => {
    expect((await run(new Uint8Array([1, 2, 3]))).exceptions[0]?.reason).toBe("corrupt");
    // A property list that claims four billion properties.
    const r = await run(tnef(attr(1, 0x00069003, [...u32(0xffffffff), 0, 0, 0, 0])));
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    // An attribute whose length runs past the end.
    const cut = await run(tnef([1, ...u32(0x00018004), ...u32(1_000_000), 65, 66]));
    expect(cut.exceptions).toEqual([{ reason: "truncated", detail: "attribute at offset 6 is cut off" }]);
  });

  it("stops reading attachments at the parts limit", async () => {
    const rend = attr(2, 0x00069002, new Array(14).fill(0));
    const data = attr(2, 0x0006800f, [1, 2, 3]);
    const r = await run(tnef(rend, data, rend, data, rend, data), { ...DEFAULT_LIMITS, maxParts: 2 });
    expect(r.children).toHaveLength(2);
    expect(r.declared).toBe(3);
    expect(r.exceptions.map((e) => e.reason)).toEqual(["parts-limit"]);
  });
});
