import { describe, expect, it } from "vitest";
import { scanMimeStructure } from "./mime-structure.js";

const scan = (text: string, maxParts = 100, maxDepth = 12) =>
  scanMimeStructure(new TextEncoder().encode(text.replace(/\n/g, "\r\n")), { maxParts, maxDepth });

describe("scanMimeStructure", () => {
  it("numbers parts like IMAP and tells bodies from attachments", () => {
    const s = scan(
      [
        "Subject: x",
        'Content-Type: multipart/mixed; boundary="outer"',
        "",
        "--outer",
        "Content-Type: multipart/alternative; boundary=inner",
        "",
        "--inner",
        "Content-Type: text/plain; charset=ISO-8859-1",
        "",
        "plain",
        "--inner",
        "Content-Type: text/html",
        "",
        "<p>html</p>",
        "--inner--",
        "--outer  ",
        "Content-Type: text/plain",
        "Content-Disposition: attachment; filename=a.txt",
        "",
        "file",
        "--outer",
        "Content-Type: message/rfc822",
        "",
        "Subject: inner",
        "",
        "--outer--",
      ].join("\n"),
    );
    expect(s.leaves.map((l) => [l.id, l.contentType, l.isBody])).toEqual([
      ["1.1", "text/plain", true],
      ["1.2", "text/html", true],
      ["2", "text/plain", false],
      ["3", "message/rfc822", false],
    ]);
    expect(s.leafCount).toBe(4);
    expect(s.bodyLeafCount).toBe(2);
    expect(s.partCount).toBe(6);
    expect(s.maxDepthSeen).toBe(2);
    expect([...s.charsets]).toEqual(["iso-8859-1"]);
    expect(s.headerEnd).toBe('Subject: x\r\nContent-Type: multipart/mixed; boundary="outer"\r\n\r\n'.length);
  });

  it("defaults digest parts to message/rfc822 and a bare message to one text part", () => {
    const digest = scan(
      'Content-Type: multipart/digest; boundary="d"\n\n--d\n\nSubject: a\n\n--d\n\nSubject: b\n\n--d--\n',
    );
    expect(digest.leaves.map((l) => l.contentType)).toEqual(["message/rfc822", "message/rfc822"]);
    const bare = scan("Subject: plain\n\nhello\n");
    expect(bare.leaves.map((l) => [l.id, l.contentType, l.isBody])).toEqual([["1", "text/plain", true]]);
  });

  it("cuts at the parts limit but keeps counting", () => {
    const parts = Array.from({ length: 8 }, (_, i) => `--b\nContent-Type: image/png\n\n${i}\n`).join("");
    const text = `Content-Type: multipart/mixed; boundary=b\n\n${parts}--b--\n`;
    const s = scan(text, 4);
    expect(s.partsExceeded).toBe(true);
    expect(s.leafCount).toBe(8);
    expect(s.leaves).toHaveLength(3);
    const cut = new TextDecoder().decode(
      new TextEncoder().encode(text.replace(/\n/g, "\r\n")).subarray(0, s.truncateAt),
    );
    expect(cut.endsWith("2\r\n")).toBe(true);
  });
});
