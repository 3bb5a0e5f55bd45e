import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES, packageFile } from "../../../../test/fixtures.js";
import type { PstFolder } from "./messaging/folders.js";
import type { PstMessage } from "./messaging/pst-message.js";
import type { OpenOptions, PstFile } from "./pst-file.js";
import { openPst } from "./pst-file.js";

const ENRON = packageFile("pst-extractor", "example/testdata/enron.pst");
const OST = packageFile("pst-extractor", "example/testdata/pstextractortest@outlook.com.ost");
const hasPackageFiles = existsSync(ENRON) && existsSync(OST);
const NO_PACKAGE_FILES = "skipped: pst-extractor's example/testdata is not installed";

interface Scan {
  folders: PstFolder[];
  messages: { folder: PstFolder; msg: PstMessage }[];
}

function scan(path: string, options: OpenOptions = {}): Scan {
  const f: PstFile = openPst(path, options);
  try {
    const out: Scan = { folders: [], messages: [] };
    for (const folder of f.folders()) {
      out.folders.push(folder);
      for (const row of f.contentRows(folder)) {
        if ("exception" in row) throw new Error(`row ${row.index}: ${row.exception.detail}`);
        out.messages.push({ folder, msg: f.readMessage(row.nid) });
      }
    }
    return out;
  } finally {
    f.close();
  }
}

const byPath = (s: Scan, path: string) => s.folders.find((f) => f.path.join("/") === path);
const subject = (m: PstMessage) => m.props.tagged.get(0x0037);
const attachmentCount = (s: Scan) => s.messages.reduce((n, m) => n + m.msg.attachments.length, 0);

describe.skipIf(!hasFixtures)(`openPst on the shared fixtures (${NO_FIXTURES})`, () => {
  it("reads libyal-outlook.pst: 2 messages and 22 attachments with their bytes", () => {
    const f = openPst(fixture("pst/libyal-outlook.pst"));
    expect(f.format).toBe("pst-unicode");
    expect(f.ndb.header.cryptMethod).toBe(1); // permute ("compressible") encoding
    expect(f.storeName).toBe("Personal Folders");
    f.close();
    const s = scan(fixture("pst/libyal-outlook.pst"));
    expect(s.folders.length).toBe(22);
    expect(byPath(s, "Personal Folders/Top of Personal Folders/Inbox")?.declared).toBe(1);
    expect(byPath(s, "Personal Folders/Top of Personal Folders/Recovered_Group2")?.declared).toBe(1);
    expect(byPath(s, "Personal Folders/Top of Personal Folders/Deleted Items")?.declared).toBe(0);
    expect(byPath(s, "Personal Folders/Content.Filter")?.search).toBe(true);
    expect(s.messages.length).toBe(2);
    expect(attachmentCount(s)).toBe(22);
    for (const { msg } of s.messages) {
      expect(msg.declaredAttachments).toBe(11);
      expect(msg.exceptions).toEqual([]);
      for (const a of msg.attachments) {
        const data = a.props.tagged.get(0x3701);
        expect(data).toBeInstanceOf(Uint8Array);
        // JPEG start-of-image marker: the bytes were decoded, not left permuted.
        expect(Array.from((data as Uint8Array).subarray(0, 2))).toEqual([0xff, 0xd8]);
        expect(String(a.props.tagged.get(0x3707) ?? a.props.tagged.get(0x3704))).toMatch(/\.jpg$/i);
      }
    }
  });

  it("reads tika-testPST.pst including a message attached inside a message", () => {
    const s = scan(fixture("pst/tika-testPST.pst"));
    const top = s.folders.find((f) => f.name === "Début du fichier de données Outlook");
    expect(top?.declared).toBe(7);
    expect(top?.contentCount).toBe(7);
    expect(s.messages.length).toBe(7);
    expect(s.messages.map((m) => subject(m.msg))).toContain("Re: Feature Generators");
    const fw = s.messages.find((m) => subject(m.msg) === "FW: First email")?.msg;
    expect(fw?.declaredAttachments).toBe(1);
    const embedded = fw?.attachments[0]?.embedded;
    expect(embedded).toBeDefined();
    expect(String(embedded?.props.tagged.get(0x0037))).toContain("First email");
    expect(embedded?.recipients.length).toBe(1);
    expect(fw?.recipients.length).toBe(1);
    // Named properties are keyed "<set guid>:<lid or name>".
    const keys = [...(s.messages[0]?.msg.props.named.keys() ?? [])];
    expect(keys).toContain("00062008-0000-0000-c000-000000000046:0x8580");
    expect(keys.every((k) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:/.test(k))).toBe(
      true,
    );
  });

  it("builds the folder tree with declared counts from both the table and PidTagContentCount", () => {
    const f = openPst(fixture("pst/libyal-outlook.pst"));
    const root = f.tree();
    f.close();
    expect(root.folder.nid).toBe(0x122);
    expect(root.children.map((c) => c.folder.name)).toEqual([
      "Content.Filter",
      "Top of Personal Folders",
      "Search Root",
      "IPM_VIEWS",
      "IPM_COMMON_VIEWS",
    ]);
    const top = root.children[1]!;
    expect(top.children.length).toBe(15);
    const inbox = top.children.find((c) => c.folder.name === "Inbox")!.folder;
    expect([inbox.declared, inbox.contentCount, inbox.indexRows, inbox.matrixRows]).toEqual([1, 1, 1, 1]);
    const group = top.children.find((c) => c.folder.name === "Recovered_Group2")!;
    expect(group.children.map((c) => c.folder.name)).toEqual(["Inbox"]);
  });

  it("reads tika-testPST_variousBodyTypes.pst: 4 messages in Inbox/tmp", () => {
    const s = scan(fixture("pst/tika-testPST_variousBodyTypes.pst"));
    expect(byPath(s, "Outlook Data File/Top of Outlook data file/Inbox/tmp")?.declared).toBe(4);
    expect(s.messages.map((m) => subject(m.msg))).toEqual([
      "original email",
      "FW: original email",
      "FW: original email",
      "FW: original email",
    ]);
    for (const { msg } of s.messages) expect(typeof msg.props.tagged.get(0x1000)).toBe("string");
  });
});

describe.skipIf(!hasPackageFiles)(`openPst on pst-extractor's larger files (${NO_PACKAGE_FILES})`, () => {
  it("reads enron.pst: 71 messages and 70 attachments in 5 folders", () => {
    const s = scan(ENRON);
    const base = "Personal folders/Top of Personal Folders/lokay-m/MLOKAY (Non-Privileged)";
    expect(byPath(s, base)?.declared).toBe(1);
    expect(byPath(s, `${base}/Personal`)?.declared).toBe(47);
    expect(byPath(s, `${base}/TW-Commercial Group`)?.declared).toBe(14);
    expect(byPath(s, `${base}/Systems`)?.declared).toBe(7);
    expect(byPath(s, `${base}/Sent Items`)?.declared).toBe(2);
    expect(s.messages.length).toBe(71);
    expect(attachmentCount(s)).toBe(70);
    const names = s.messages.flatMap((m) => m.msg.attachments.map((a) => a.props.tagged.get(0x3707)));
    expect(names).toContain("Navigating eRequest.doc");
    expect(s.messages.every((m) => m.msg.exceptions.length === 0)).toBe(true);
  });

  it("reads a 2013-format OST with zlib-compressed blocks: 183 messages of several classes", () => {
    const f = openPst(OST);
    expect(f.format).toBe("ost-2013");
    expect(f.ndb.header.layout.pageSize).toBe(4096);
    f.close();
    const s = scan(OST);
    const ipm = "Root/Root - Mailbox/IPM_SUBTREE";
    expect(byPath(s, `${ipm}/Inbox`)?.declared).toBe(10);
    expect(byPath(s, `${ipm}/Inbox`)?.associated).toBe(13);
    expect(byPath(s, `${ipm}/Calendar/United States holidays`)?.declared).toBe(160);
    expect(byPath(s, `${ipm}/Deleted Items`)?.declared).toBe(1);
    const reminders = byPath(s, "Root/Root - Mailbox/Finder/Reminders");
    expect(reminders?.search).toBe(true);
    expect(reminders?.declared).toBe(0);
    expect(s.messages.length).toBe(183);
    const classes = new Set(s.messages.map((m) => m.msg.props.tagged.get(0x001a)));
    expect([...classes].sort()).toEqual([
      "IPM.Appointment",
      "IPM.Note",
      "IPM.Schedule.Meeting.Request",
      "IPM.Schedule.Meeting.Resp.Pos",
    ]);
    expect(attachmentCount(s)).toBe(34);
  });

  it("gives the same answer with caches far smaller than the file (memory stays bounded)", () => {
    const small = scan(OST, { pageCacheBytes: 16 * 1024, blockCacheBytes: 64 * 1024 });
    const normal = scan(OST);
    expect(small.messages.length).toBe(183);
    const key = (s: Scan) =>
      s.messages.map((m) => `${m.msg.nid}:${subject(m.msg)}:${m.msg.attachments.length}`);
    expect(key(small)).toEqual(key(normal));
  });
});
