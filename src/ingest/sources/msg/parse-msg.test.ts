import { readdirSync, readFileSync } from "node:fs";
import { decompressRTF } from "@kenjiuno/decompressrtf";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import type { MailMessage } from "../../../core/mail.js";
import { decompressRtf } from "../../mapi/compressed-rtf.js";
import { loadCfb } from "./cfb-tree.js";
import { parseMsg } from "./parse-msg.js";

const read = (name: string) => new Uint8Array(readFileSync(fixture(`msg/${name}`)));
const parse = (name: string) => parseMsg(read(name), DEFAULT_LIMITS);

/** file, kind, subject, number of recipients, attachments ("name:size" or "msg:name"). */
const EXPECTED: [string, string, string, number, string[]][] = [
  ["msgreader-200_recipients.msg", "message", "200 recipients", 200, []],
  ["msgreader-7_days__everyday.msg", "appointment", "7 days, everyday", 1, []],
  ["msgreader-A_black_friday_(w_tz).msg", "appointment", "A black friday", 0, []],
  ["msgreader-A_black_friday_(wo_tz).msg", "appointment", "A black friday", 0, []],
  ["msgreader-A_daily_1.msg", "appointment", "A daily 1", 0, []],
  ["msgreader-A_memo.msg", "note", "A memo.", 0, []],
  ["msgreader-A_monthly_1.msg", "appointment", "A monthly 1", 0, []],
  ["msgreader-A_schedule.msg", "appointment", "A schedule", 1, []],
  ["msgreader-A_weekly_1.msg", "appointment", "A weekly 1", 0, []],
  ["msgreader-A_yearly_1.msg", "appointment", "A yearly 1", 0, []],
  ["msgreader-Appointment_sample_EST.msg", "appointment", "Appointment sample EST", 0, []],
  [
    "msgreader-Attach_sample_eml_received.msg",
    "message",
    "Attach sample.eml",
    1,
    ["msg:sample.eml (555 バイト)"],
  ],
  ["msgreader-Attach_sample_eml_sent.msg", "message", "Attach sample.eml", 1, ["sample.eml:741"]],
  ["msgreader-Friday_Lunch.msg", "appointment", "Friday Lunch", 1, ["msg:無題", "msg:無題"]],
  ["msgreader-Hello_+CJK.msg", "message", "Hello +CJK", 0, []],
  [
    "msgreader-Lanch_time__every_friday__in_2023_chgs1.msg",
    "appointment",
    "Lanch time, every friday, in 2023",
    1,
    ["msg:無題"],
  ],
  [
    "msgreader-Lanch_time__every_friday__in_2023_chgs2.msg",
    "appointment",
    "Lanch time, every friday, in 2023",
    1,
    ["msg:無題"],
  ],
  [
    "msgreader-Lanch_time__every_friday__in_2023_org.msg",
    "appointment",
    "Lanch time, every friday, in 2023",
    0,
    [],
  ],
  [
    "msgreader-Many_entities.msg",
    "message",
    "Many entities",
    0,
    [
      "msg:ワークフロー通知 (最終承認済み)",
      "msg:ワークフロー通知 (最終承認済み)",
      "msg:ワークフロー通知 (最終承認済み)",
      "msg:ワークフロー通知 (承認依頼)",
      "msg:ワークフロー通知 (差戻し)",
      "msg:ワークフロー通知 (承認依頼)",
      "msg:ワークフロー通知 (却下)",
      "msg:ワークフロー通知 (最終承認済み)",
      "msg:ワークフロー通知 (承認依頼)",
      "msg:テストメール",
      "msg:ワークフロー通知 (差し戻し)",
      "msg:ワークフロー通知 (承認依頼)",
      "msg:ワークフロー通知 (承認依頼)",
      "msg:ワークフロー通知 (却下)",
      "msg:ワークフロー通知 (差し戻し)",
      "msg:ワークフロー通知 (却下)",
      "msg:ワークフロー通知 (最終承認済み)",
      "msg:ワークフロー通知 (承認依頼)",
      "msg:テストメール",
      "msg:テストメール",
      "msg:テストメール",
      "msg:テストメール",
    ],
  ],
  [
    "msgreader-Outer_mail.msg",
    "message",
    "Outer mail",
    0,
    ["OUTER 1.pdf:15832", "OUTER 2.pdf:16042", "msg:Inner mail"],
  ],
  ["msgreader-Simple.msg", "message", "Simple", 0, []],
  ["msgreader-Subject.msg", "message", "Subject", 3, []],
  [
    "msgreader-attachAndInline.msg",
    "message",
    "Attach and inline",
    1,
    ["attach.png:1558", "image001.png:809"],
  ],
  [
    "msgreader-attachmentFiles.msg",
    "message",
    "attachmentFiles",
    1,
    ["jpg.jpg:726", "png.png:134", "tif.tif:664"],
  ],
  [
    "msgreader-attachmentsOrder.msg",
    "message",
    "Attachments order",
    0,
    ["A.docx:11627", "B.docx:11631", "C.docx:11753", "D.docx:11762"],
  ],
  ["msgreader-contactAnsi.msg", "contact", "コム ドット イグザンプル 殿", 0, []],
  ["msgreader-contactUnicode.msg", "contact", "コム ドット イグザンプル 殿", 0, []],
  ["msgreader-htmlLink.msg", "message", "htmlLink", 0, []],
  ["msgreader-htmlLink2.msg", "message", "htmlLink2", 0, []],
  ["msgreader-longerFat.msg", "message", "Has Has 64KB bin.msg", 0, ["msg:Has 64KB.bin"]],
  [
    "msgreader-msgInMsg.msg",
    "message",
    "I have attachments!",
    0,
    ["msg:Microsoft Outlook テスト メッセージ", "green.png:134"],
  ],
  [
    "msgreader-msgInMsgInMsg.msg",
    "message",
    "I have sub attachments!",
    0,
    ["msg:I have attachments!", "blue.png:134"],
  ],
  [
    "msgreader-newOutlook_Microsoft_Outlook_test.msg",
    "message",
    "Microsoft Outlook テスト メッセージ",
    1,
    [],
  ],
  ["msgreader-nonUnicodeCP932.msg", "message", "日本語 Non Unicode タイトル", 1, []],
  ["msgreader-nonUnicodeMail.msg", "message", "Non Unicode mail subject", 1, []],
  ["msgreader-sent.msg", "message", "Sent time", 1, []],
  ["msgreader-sent2.msg", "message", "Sending test", 1, []],
  ["msgreader-test1.msg", "message", "title", 2, []],
  ["msgreader-test2.msg", "message", "", 0, ["A.txt:11"]],
  ["msgreader-unicode1.msg", "message", "畑㵲応ｲ瑤㵨㠱", 0, []],
  ["msgreader-voteItems.msg", "message", "3 vote items: はい;いいえ;たぶん", 1, []],
  ["msgreader-voteNo.msg", "message", "いいえ: 3 vote items: はい;いいえ;たぶん", 1, []],
  ["msgreader-voteYes.msg", "message", "はい: 3 vote items: はい;いいえ;たぶん", 1, []],
  [
    "tika-test-outlook2003.msg",
    "message",
    "Welcome to Microsoft Office Outlook 2003",
    1,
    [
      "1.jpg:1969",
      "2.jpg:1889",
      "3.jpg:2088",
      "4.jpg:1934",
      "5.jpg:2285",
      "6.jpg:2136",
      "7.jpg:1964",
      "8.jpg:1906",
      "9.jpg:1764",
      "10.jpg:1951",
      "12.jpg:1985",
    ],
  ],
  ["tika-testMSG.msg", "message", "MIME registry use cases", 1, []],
  ["tika-testMSG_Appointment.msg", "appointment", "Quick brown fox", 1, []],
  ["tika-testMSG_Contact.msg", "contact", "Quick Brown Fox Jr", 0, []],
  ["tika-testMSG_Post.msg", "message", "QuickBrownFox", 0, []],
  ["tika-testMSG_StickyNote.msg", "note", "This is a note about the quick brown fox", 0, []],
  ["tika-testMSG_Task.msg", "task", "Must jump over the lazy dog", 0, []],
  ["tika-testMSG_att_doc.msg", "message", "test pièce jointe 1", 1, ["test-unicode.doc:24064", "pj1.txt:89"]],
  [
    "tika-testMSG_att_msg.msg",
    "message",
    "test email",
    1,
    ["msg:Test Attachment", "smbprn.00009008.KdcPjl.pdf:13539"],
  ],
  ["tika-testMSG_chinese.msg", "message", "Alfresco MSG format testing ( MSG 格式測試 )", 1, []],
  ["tika-testMSG_forwarded.msg", "message", "FW: Testing", 1, []],
];

function describeAttachments(m: MailMessage): string[] {
  return m.attachments.map((a) => (a.message ? `msg:${a.name}` : `${a.name}:${a.bytes?.length}`));
}

describe.skipIf(!hasFixtures)(`parseMsg on every MSG fixture ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("covers every file in the fixture folder", () => {
    const files = readdirSync(fixture("msg")).filter((f) => f.endsWith(".msg"));
    expect(files.sort()).toEqual(EXPECTED.map((e) => e[0]).sort());
    expect(files).toHaveLength(54);
  });

  it.each(EXPECTED)("%s", (file, kind, subject, recipients, attachments) => {
    const m = parse(file);
    expect(m.kind).toBe(kind);
    expect(m.headers.subject ?? "").toBe(subject);
    expect(m.headers.to.length + m.headers.cc.length + m.headers.bcc.length).toBe(recipients);
    expect(describeAttachments(m)).toEqual(attachments);
    expect(m.declaredAttachments).toBe(attachments.length);
    expect(m.exceptions).toEqual([]);
    for (const a of m.attachments) expect(a.exceptions).toEqual([]);
  });
});

describe.skipIf(!hasFixtures)(`parseMsg details ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("reads a plain message's envelope and bodies", () => {
    const m = parse("tika-testMSG.msg");
    expect(m.messageClass).toBe("IPM.Note");
    expect(m.headers.from).toBe("Jukka Zitting <jukka.zitting@gmail.com>");
    expect(m.headers.to).toEqual(["tika-dev@lucene.apache.org"]);
    expect(m.headers.date).toBe("2009-01-29T19:17:10.000Z");
    expect(m.bodyText).toContain("MIME");
    expect(m.bodyRtf?.startsWith("{\\rtf1")).toBe(true);
  });

  it("lists all 200 recipients with their addresses", () => {
    const m = parse("msgreader-200_recipients.msg");
    expect(m.headers.to).toHaveLength(200);
    expect(m.headers.to[0]).toBe("xmailuser1@xmailserver.test");
    expect(m.headers.to[199]).toBe("xmailuser200@xmailserver.test");
  });

  it("decodes CP932 (ANSI) strings using the message locale", () => {
    const m = parse("msgreader-nonUnicodeCP932.msg");
    expect(m.headers.subject).toBe("日本語 Non Unicode タイトル");
    expect(m.bodyText).toBe("日本語 Non Unicode 本文");
    expect(m.headers.to).toEqual(["xmailuser2@xmailserver.test"]);
  });

  it("reads the same contact identically from its ANSI and Unicode forms", () => {
    const ansi = parse("msgreader-contactAnsi.msg");
    const unicode = parse("msgreader-contactUnicode.msg");
    expect(ansi.fields).toEqual(unicode.fields);
    expect(ansi.fields).toMatchObject({
      "Given name": "コム",
      Surname: "イグザンプル",
      Birthday: "1999-12-31T15:00:00.000Z",
      "Home phone": "06-0001-0001",
      "Mobile phone": "080-0001-0001",
      "Business address": "544-0001\r\nOsaka\r\nOsaka\r\nSomewhere",
      "Email 1": "コム ドット イグザンプル 殿 (test@example.com)",
    });
  });

  it("maps appointment, task and contact fields", () => {
    const appt = parse("tika-testMSG_Appointment.msg");
    expect(appt.fields).toMatchObject({
      Location: "under lazy dog",
      Start: "2017-02-28T18:30:00.000Z",
      End: "2017-02-28T19:00:00.000Z",
    });
    expect(appt.headers.from).toBe("Allison, Timothy B.");
    const task = parse("tika-testMSG_Task.msg");
    expect(task.fields).toMatchObject({
      Due: "2017-03-10T00:00:00.000Z",
      "Task owner": "Allison, Timothy B.",
    });
    const contact = parse("tika-testMSG_Contact.msg");
    expect(contact.fields["Given name"]).toBe("Quick");
    expect(Object.keys(contact.fields).length).toBeGreaterThanOrEqual(15);
    expect(parse("tika-testMSG_StickyNote.msg").bodyText).toBe("This is a note about the quick brown fox");
  });

  it("reads messages nested three deep", () => {
    const m = parse("msgreader-msgInMsgInMsg.msg");
    const mid = m.attachments[0]?.message;
    expect(mid?.headers.subject).toBe("I have attachments!");
    expect(mid?.attachments.map((a) => a.name)).toEqual(["Microsoft Outlook テスト メッセージ", "green.png"]);
    const inner = mid?.attachments[0]?.message;
    expect(inner?.headers.from).toBe("Microsoft Outlook <xmailuser@xmailserver.test>");
    expect(inner?.bodyText).toContain("Microsoft Outlook から自動送信されたものです");
    expect(inner?.rawHeaders).toContain("Subject:");
  });

  it("keeps embedded message attachments (PDFs inside an attached mail)", () => {
    const inner = parse("msgreader-Outer_mail.msg").attachments[2]?.message;
    expect(describeAttachments(inner as MailMessage)).toEqual(["INNER 1.pdf:15541", "INNER 2.pdf:15598"]);
    const pdf = parse("msgreader-Outer_mail.msg").attachments[0]?.bytes;
    expect(
      Buffer.from(pdf ?? [])
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  it("marks inline images and keeps their content ids", () => {
    const [attach, inline] = parse("msgreader-attachAndInline.msg").attachments;
    expect(attach?.inline).toBeUndefined();
    expect(inline?.inline).toBe(true);
    expect(inline?.contentId).toMatch(/^image001\.png@/);
  });

  it("decodes Chinese text and the binary HTML body", () => {
    const m = parse("tika-testMSG_chinese.msg");
    expect(m.headers.subject).toBe("Alfresco MSG format testing ( MSG 格式測試 )");
    expect(m.bodyText).toContain("恭喜 HQ 保全課");
    expect(m.bodyHtml).toContain("格式測試");
    expect(m.headers.messageId).toBe("<EBB9951D34EA4B41B70AB946CF3FB6EC1A297D98@ftm02.FT.FTG.COM>");
  });

  it("decompresses every fixture's RTF body exactly like the reference implementation", () => {
    let checked = 0;
    for (const file of EXPECTED.map((e) => e[0])) {
      const stream = loadCfb(read(file)).children.get("__SUBSTG1.0_10090102")?.stream;
      if (!stream) continue;
      const mine = decompressRtf(stream);
      expect(mine.exceptions).toEqual([]);
      expect(Buffer.from(mine.bytes).equals(Buffer.from(decompressRTF([...stream])))).toBe(true);
      checked++;
    }
    expect(checked).toBe(51);
  });
});

describe.skipIf(!hasFixtures)(`parseMsg on damaged input ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("throws on bytes that are not a compound file", () => {
    expect(() => parseMsg(new Uint8Array(1024), DEFAULT_LIMITS)).toThrow(/not a Compound File/);
    expect(() => parseMsg(new TextEncoder().encode("PK\u0003\u0004 zip"), DEFAULT_LIMITS)).toThrow();
  });

  it("survives truncation and overwritten sectors without hanging", () => {
    const whole = read("msgreader-msgInMsgInMsg.msg");
    let parsed = 0;
    let thrown = 0;
    for (const cut of [600, 4096, 20000, 40000, 60000, whole.length - 100]) {
      try {
        parseMsg(whole.slice(0, cut), DEFAULT_LIMITS);
        parsed++;
      } catch {
        thrown++;
      }
    }
    expect(parsed + thrown).toBe(6);
    const damaged = whole.slice();
    for (let i = 8192; i < 16384; i++) damaged[i] = (i * 31) & 0xff;
    try {
      const m = parseMsg(damaged, DEFAULT_LIMITS);
      expect(m.kind).toBe("message");
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
    }
  });

  it("flags a stream whose sector chain loops instead of following it forever", () => {
    const bytes = read("msgreader-longerFat.msg");
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The 64 KiB attachment stream starts at sector 75; make its second sector point back to it.
    const fatSector = view.getUint32(76 + 4 * Math.floor(76 / 128), true);
    view.setUint32(512 * (fatSector + 1) + (76 % 128) * 4, 75, true);
    const inner = parseMsg(bytes, DEFAULT_LIMITS).attachments[0]?.message;
    const att = inner?.attachments[0];
    expect(att?.name).toBe("64KB.bin");
    expect(att?.bytes?.length).toBe(1024);
    expect(att?.exceptions).toContainEqual({
      reason: "corrupt",
      detail: "stream __substg1.0_37010102: sector chain loops",
      where: "attachment 1",
    });
  });

  it("stops at the depth limit and records it on the attachment", () => {
    const m = parseMsg(read("msgreader-msgInMsgInMsg.msg"), { ...DEFAULT_LIMITS, maxDepth: 1 });
    const mid = m.attachments[0]?.message;
    expect(mid?.headers.subject).toBe("I have attachments!");
    expect(mid?.attachments[0]?.message).toBeUndefined();
    expect(mid?.attachments[0]?.exceptions.map((e) => e.reason)).toEqual(["depth-limit"]);
  });

  it("counts the depth at which the file itself sits", () => {
    const m = parseMsg(read("msgreader-msgInMsgInMsg.msg"), { ...DEFAULT_LIMITS, maxDepth: 3 }, 2);
    expect(m.attachments[0]?.message?.attachments[0]?.exceptions.map((e) => e.reason)).toEqual([
      "depth-limit",
    ]);
  });

  it("records a parts-limit when a message has more recipients than allowed", () => {
    const m = parseMsg(read("msgreader-200_recipients.msg"), { ...DEFAULT_LIMITS, maxParts: 50 });
    expect(m.headers.to).toHaveLength(50);
    expect(m.exceptions.map((e) => e.reason)).toEqual(["parts-limit"]);
  });
});
