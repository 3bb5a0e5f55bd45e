import CFB from "cfb";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { loadCfb } from "./cfb-tree.js";
import { parseMsg } from "./parse-msg.js";

/** Writes property-stream entries: [tag, 8-byte value as a Buffer]. */
function propertyStream(headerSize: number, counts: [number, number], entries: [number, Buffer][]): Buffer {
  const head = Buffer.alloc(headerSize);
  if (headerSize >= 24) {
    head.writeUInt32LE(counts[0], 16);
    head.writeUInt32LE(counts[1], 20);
  }
  const body = entries.map(([tag, value]) => {
    const e = Buffer.alloc(16);
    e.writeUInt32LE(tag >>> 0, 0);
    e.writeUInt32LE(6, 4); // readable | writable
    value.copy(e, 8);
    return e;
  });
  return Buffer.concat([head, ...body]);
}

const u32 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(n, 0);
  return b;
};
const filetime = (iso: string) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(Date.parse(iso)) + 11644473600000n) * 10000n);
  return b;
};
const utf16 = (s: string) => Buffer.from(`${s}\0`, "utf16le");

function guidBytes(guid: string): Buffer {
  const h = guid.replace(/-/g, "");
  const b = Buffer.from(h, "hex");
  return Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8),
  ]);
}

function nameEntry(idOrOffset: number, guidIndex: number, isString: boolean, propIndex: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(idOrOffset, 0);
  b.writeUInt16LE((guidIndex << 1) | (isString ? 1 : 0), 4);
  b.writeUInt16LE(propIndex, 6);
  return b;
}

/** An ANSI (code page 1251) appointment with a named location, start time, keywords, a recipient and a file. */
function buildMsg(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  const add = (path: string, data: Buffer) => CFB.utils.cfb_add(cfb, path, data);
  add(
    "/__properties_version1.0",
    propertyStream(
      32,
      [1, 2],
      [
        [0x3ffd0003, u32(1251)],
        [0x0e060040, filetime("2024-05-06T07:08:09Z")],
        [0x80010040, filetime("2024-05-10T14:00:00Z")],
        [0x0037001e, u32(8)],
      ],
    ),
  );
  add("/__substg1.0_001A001E", Buffer.from("IPM.Appointment\0", "latin1"));
  add("/__substg1.0_0037001E", Buffer.concat([iconv.encode("Пациент", "cp1251"), Buffer.from([0])]));
  add("/__substg1.0_1000001E", Buffer.concat([iconv.encode("Приём в 14:00", "cp1251"), Buffer.from([0])]));
  add("/__substg1.0_8000001F", utf16("Room 5"));
  add("/__substg1.0_8002101F", Buffer.from([12, 0, 0, 0, 10, 0, 0, 0]));
  add("/__substg1.0_8002101F-00000000", utf16("alpha"));
  add("/__substg1.0_8002101F-00000001", utf16("beta"));
  add("/__substg1.0_80031003", Buffer.from([1, 0, 0, 0, 2, 0, 0, 0]));

  add("/__nameid_version1.0/__substg1.0_00020102", guidBytes("00062002-0000-0000-c000-000000000046"));
  add(
    "/__nameid_version1.0/__substg1.0_00030102",
    Buffer.concat([
      nameEntry(0x8208, 3, false, 0),
      nameEntry(0x820d, 3, false, 1),
      nameEntry(0, 2, true, 2),
      nameEntry(0x9999, 3, false, 3),
    ]),
  );
  const keywords = Buffer.from("Keywords", "utf16le");
  const len = Buffer.alloc(4);
  len.writeUInt32LE(keywords.length, 0);
  add("/__nameid_version1.0/__substg1.0_00040102", Buffer.concat([len, keywords]));

  const r = "/__recip_version1.0_#00000000";
  add(`${r}/__properties_version1.0`, propertyStream(8, [0, 0], [[0x0c150003, u32(2)]]));
  add(`${r}/__substg1.0_3001001E`, Buffer.concat([iconv.encode("Петров", "cp1251"), Buffer.from([0])]));
  add(`${r}/__substg1.0_39FE001F`, utf16("petrov@example.org"));

  const a = "/__attach_version1.0_#00000000";
  add(`${a}/__properties_version1.0`, propertyStream(8, [0, 0], [[0x37050003, u32(1)]]));
  add(`${a}/__substg1.0_3707001F`, utf16("lab.txt"));
  add(`${a}/__substg1.0_37010102`, Buffer.from("glucose 5.4"));

  const o = "/__attach_version1.0_#00000001";
  add(`${o}/__properties_version1.0`, propertyStream(8, [0, 0], [[0x37050003, u32(6)]]));
  add(`${o}/__substg1.0_3001001F`, utf16("Embedded document"));
  add(`${o}/__substg1.0_3701000D/WordDocument`, Buffer.from("word data"));
  const out: unknown = CFB.write(cfb, { type: "buffer" });
  return new Uint8Array(out as Buffer);
}

describe("parseMsg on a hand-built MSG", () => {
  it("reads ANSI strings in the message code page, named and multi-valued properties", () => {
    const m = parseMsg(buildMsg(), DEFAULT_LIMITS);
    expect(m.kind).toBe("appointment");
    expect(m.headers.subject).toBe("Пациент");
    expect(m.bodyText).toBe("Приём в 14:00");
    expect(m.headers.date).toBe("2024-05-06T07:08:09.000Z");
    expect(m.headers.cc).toEqual(["Петров <petrov@example.org>"]);
    expect(m.headers.to).toEqual([]);
    expect(m.fields).toEqual({
      Location: "Room 5",
      Start: "2024-05-10T14:00:00.000Z",
      Categories: "alpha; beta",
    });
    expect(m.attachments).toHaveLength(2);
    expect(m.attachments[0]?.name).toBe("lab.txt");
    expect(Buffer.from(m.attachments[0]?.bytes ?? []).toString()).toBe("glucose 5.4");
    expect(m.declaredAttachments).toBe(2);
    expect(m.exceptions).toEqual([]);
  });

  it("hands on an OLE object attachment as a standalone compound file", () => {
    const ole = parseMsg(buildMsg(), DEFAULT_LIMITS).attachments[1];
    expect(ole?.name).toBe("Embedded document");
    expect(ole?.exceptions).toEqual([]);
    const tree = loadCfb(ole?.bytes ?? new Uint8Array(0));
    expect(Buffer.from(tree.children.get("WORDDOCUMENT")?.stream ?? []).toString()).toBe("word data");
  });

  it("reads an embedded message with the top-level header size and the parent's code page", () => {
    const cfb = CFB.utils.cfb_new();
    const add = (path: string, data: Buffer) => CFB.utils.cfb_add(cfb, path, data);
    add("/__properties_version1.0", propertyStream(32, [0, 1], [[0x3ffd0003, u32(1251)]]));
    add("/__substg1.0_0037001F", utf16("Outer"));
    const a = "/__attach_version1.0_#00000000";
    add(`${a}/__properties_version1.0`, propertyStream(8, [0, 0], [[0x37050003, u32(5)]]));
    const e = `${a}/__substg1.0_3701000D`;
    add(
      `${e}/__properties_version1.0`,
      propertyStream(32, [0, 0], [[0x0e060040, filetime("2020-01-02T03:04:05Z")]]),
    );
    // No code page of its own: its ANSI strings are in the enclosing message's code page.
    add(`${e}/__substg1.0_0037001E`, iconv.encode("Анализ", "cp1251"));
    const m = parseMsg(new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer), DEFAULT_LIMITS);
    const inner = m.attachments[0]?.message;
    expect(inner?.headers.subject).toBe("Анализ");
    expect(inner?.headers.date).toBe("2020-01-02T03:04:05.000Z");
    expect(inner?.exceptions).toEqual([]);
  });

  it("reports declared recipients that are missing", () => {
    const bytes = buildMsg();
    const cfb = CFB.read(Buffer.from(bytes), { type: "buffer" });
    const props = CFB.find(cfb, "/__properties_version1.0");
    if (!props) throw new Error("property stream missing from the built file");
    (props.content as Buffer).writeUInt32LE(3, 16);
    const rewritten = new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
    const m = parseMsg(rewritten, DEFAULT_LIMITS);
    expect(m.exceptions).toEqual([{ reason: "declared-not-read", detail: "3 recipients declared, 1 found" }]);
  });
});
