import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../core/limits.js";
import { emptyMessage, type MailMessage } from "../core/mail.js";
import { type BuildContext, buildFileNode, buildMessageNode } from "./build-node.js";
import type { Extractor } from "./extract/types.js";
import type { Toolkit } from "./toolkit-types.js";

const enc = (s: string) => new TextEncoder().encode(s);

/** A stand-in toolkit: "ZIP:a,b" is an archive of a and b; "BOOM" makes the extractor throw; text is text. */
const zipLike: Extractor = async ({ bytes }) => {
  const names = Buffer.from(bytes).toString().slice(4).split(",");
  return {
    text: "",
    declared: names.length + 1,
    children: names.map((n) => ({
      type: "file" as const,
      name: n,
      bytes: enc(n === "inner" ? "ZIP:deeper" : `text of ${n}`),
    })),
    exceptions: [],
  };
};
const toolkit: Toolkit = {
  detectType: (bytes) => {
    const s = Buffer.from(bytes).toString();
    if (s.startsWith("ZIP:")) return "application/zip";
    if (s === "BOOM") return "application/pdf";
    if (s.startsWith("BIN")) return "application/octet-stream";
    return "text/plain";
  },
  extractorFor: (t) =>
    t === "application/zip"
      ? zipLike
      : t === "application/pdf"
        ? async () => {
            throw new Error("parser exploded");
          }
        : t === "text/plain"
          ? async ({ bytes }) => ({ text: Buffer.from(bytes).toString(), exceptions: [] })
          : undefined,
  parseMessage: async () => emptyMessage(),
  isMessageType: () => false,
  htmlToText: (h) => h.replace(/<[^>]+>/g, ""),
  rtfToText: (r) => r,
  deEncapsulateHtml: () => undefined,
};
const ctx: BuildContext = { toolkit, limits: DEFAULT_LIMITS, ocr: false };

function message(): MailMessage {
  const m = emptyMessage();
  m.headers = {
    subject: "Labs",
    from: "Dr A <a@x.org>",
    to: ["b@x.org"],
    cc: [],
    bcc: [],
    messageId: "<1@x>",
  };
  m.bodyHtml = "<p>See <b>attached</b></p>";
  m.attachments = [
    { name: "notes.txt", bytes: enc("plain notes"), exceptions: [] },
    { name: "bundle.zip", bytes: enc("ZIP:a.txt,b.txt"), exceptions: [] },
    { name: "broken.pdf", bytes: enc("BOOM"), exceptions: [] },
    { name: "blob.bin", bytes: enc("BIN123"), exceptions: [] },
    { name: "lost.doc", exceptions: [{ reason: "corrupt", detail: "attachment node missing" }] },
  ];
  m.declaredAttachments = 6;
  return m;
}

describe("buildMessageNode", () => {
  it("builds the message text from envelope and HTML body", async () => {
    const n = await buildMessageNode(message(), "s/msg:1", "message", 0, ctx);
    expect(n.text).toContain("Subject: Labs");
    expect(n.text).toContain("From: Dr A <a@x.org>");
    expect(n.text).toContain("See attached");
    expect(n.kind).toBe("message");
  });

  it("accounts for every attachment: read, failed, unsupported, missing, undeclared", async () => {
    const n = await buildMessageNode(message(), "s/msg:1", "message", 0, ctx);
    expect(n.children.map((c) => c.provenance)).toEqual([
      "s/msg:1/att:1:notes.txt",
      "s/msg:1/att:2:bundle.zip",
      "s/msg:1/att:3:broken.pdf",
      "s/msg:1/att:4:blob.bin",
    ]);
    expect(n.children[0]?.text).toBe("plain notes");
    expect(n.children[2]?.exceptions.map((x) => x.reason)).toEqual(["extract-failed"]);
    expect(n.children[3]?.exceptions.map((x) => x.reason)).toEqual(["unsupported-type"]);
    expect(n.unreadable).toEqual([
      {
        provenance: "s/msg:1/att:5:lost.doc",
        exception: { reason: "corrupt", detail: "attachment node missing" },
      },
    ]);
    // Six declared, five accounted for.
    expect(n.exceptions.map((x) => x.reason)).toEqual(["declared-not-read"]);
    const zip = n.children[1]!;
    expect(zip.children.map((c) => [c.provenance, c.kind, c.text])).toEqual([
      ["s/msg:1/att:2:bundle.zip/entry:a.txt", "member", "text of a.txt"],
      ["s/msg:1/att:2:bundle.zip/entry:b.txt", "member", "text of b.txt"],
    ]);
    expect(zip.exceptions.map((x) => x.reason)).toEqual(["declared-not-read"]);
  });

  it("stops at the depth limit and records it", async () => {
    const shallow: BuildContext = { ...ctx, limits: { ...DEFAULT_LIMITS, maxDepth: 1 } };
    const n = await buildFileNode(enc("ZIP:inner"), "s/file", "file", 0, shallow, "outer.zip");
    const inner = n.children[0]!;
    expect(inner.kind).toBe("member");
    expect(inner.children).toEqual([]);
    expect(inner.unreadable.map((u) => [u.provenance, u.exception.reason])).toEqual([
      ["s/file/entry:inner/entry:deeper", "depth-limit"],
    ]);
  });

  it("refuses items over the size limit without reading them", async () => {
    const small: BuildContext = { ...ctx, limits: { ...DEFAULT_LIMITS, maxItemBytes: 3 } };
    const n = await buildFileNode(enc("plain notes"), "s/file", "file", 0, small, "a.txt");
    expect(n.text).toBe("");
    expect(n.exceptions.map((x) => x.reason)).toEqual(["size-limit"]);
  });

  it("hashes identical messages identically whatever their transport headers", async () => {
    const a = message();
    const b = message();
    b.rawHeaders = "Received: from elsewhere";
    const [na, nb] = await Promise.all([
      buildMessageNode(a, "s/msg:1", "message", 0, ctx),
      buildMessageNode(b, "s/msg:2", "message", 0, ctx),
    ]);
    expect(na.sha256).toBe(nb.sha256);
    b.attachments[0]!.bytes = enc("changed");
    expect((await buildMessageNode(b, "s/msg:2", "message", 0, ctx)).sha256).not.toBe(na.sha256);
  });
});
