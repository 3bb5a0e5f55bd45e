import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../core/limits.js";
import type { MailMessage } from "../../core/mail.js";
import { parseMime } from "./parse-mime.js";

const parse = (name: string) => parseMime(readFileSync(fixture(`eml/${name}`)), DEFAULT_LIMITS);
const names = (m: MailMessage) => m.attachments.map((a) => a.name ?? `(${a.mediaType})`);

describe.skipIf(!hasFixtures)(`parseMime on the EML fixtures ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("reads plain Tika messages: headers, date in UTC, body", async () => {
    const m = await parse("tika-testRFC822");
    expect(m.kind).toBe("message");
    expect(m.messageClass).toBe("rfc822");
    expect(m.headers.subject).toBe("[jira] Commented: (TIKA-461) RFC822 messages not parsed");
    expect(m.headers.from).toBe("Julien Nioche (JIRA) <jira@apache.org>");
    expect(m.headers.to).toEqual(["dev@tika.apache.org"]);
    expect(m.headers.date).toBe("2010-09-06T09:25:34.000Z");
    expect(m.rawHeaders).toMatch(/^[\s\S]*Subject: \[jira\] Commented/);
    expect(m.rawHeaders).not.toMatch(/\n$/);
    expect(m.bodyText?.length).toBe(1285);
    expect(m.attachments).toHaveLength(0);
    expect(m.declaredAttachments).toBe(0);
    expect(m.exceptions).toEqual([]);
  });

  it("reads To and Cc lists", async () => {
    const m = await parse("tika-testRFC822-CC-BCC");
    expect(m.headers.to).toHaveLength(10);
    expect(m.headers.cc).toHaveLength(7);
    expect(m.headers.to[0]).toBe("shona.wilson@enron.com");
    expect(m.headers.cc).toContain("sally.beck@enron.com");
  });

  it("decodes RFC 2047 subjects and names, and Apple-style dates", async () => {
    const arc = await parse("tika-testRFC822-ARC");
    expect(arc.headers.subject).toBe("Facture à regler pour le cabinet ABC Avocats - Stage RC des avocats");
    const i18n = await parse("tika-testRFC822_i18nheaders");
    expect(i18n.headers.from).toBe("Keld Jørn Simonsen <keld@dkuug.dk>");
    const utf8 = await parse("tika-testRFC822_date_utf8");
    expect(utf8.headers.from).toBe("Philipp Steinkrüger <philipp.steinkrueger@uni-koeln.de>");
    expect(utf8.headers.date).toBe("2016-05-16T08:30:32.000Z");
    const nodemailer = await parse("mailparser-nodemailer.eml");
    expect(nodemailer.headers.subject).toBe("Nodemailer is unicode friendly ✔ (1476358788189)");
  });

  it("reads attachments with names, types, content ids and inline flags", async () => {
    const m = await parse("mailparser-nodemailer.eml");
    expect(names(m)).toEqual(["(text/watch-html)", "image.png", "nyan cat ✔.gif", "notes.txt"]);
    expect(m.declaredAttachments).toBe(4);
    const nyan = m.attachments[2]!;
    expect(nyan.mediaType).toBe("image/gif");
    expect(nyan.contentId).toBe("nyan@example.com");
    expect(nyan.inline).toBe(true);
    expect(nyan.bytes?.byteLength).toBe(29361);
    expect(new TextDecoder().decode(m.attachments[3]!.bytes)).toContain("notes");

    const multi = await parse("tika-testRFC822_multipart_attachments.eml");
    expect(names(multi)).toEqual(["Test TxtA.txt", "Test TxtB.txt"]);
    const pdf = await parse("tika-testRFC822-mixed-with-pdf-inline");
    expect(names(pdf)).toEqual(["tzora-titan-4-hummer-xl-manual.pdf"]);
    expect(pdf.attachments[0]!.mediaType).toBe("application/pdf");
    const gif = await parse("tika-testRFC822-multipart");
    expect(names(gif)).toEqual(["logo.gif"]);
    expect(gif.attachments[0]!.bytes?.byteLength).toBe(2496);
  });

  it("reads a base64-encoded root part as an attachment", async () => {
    const m = await parse("mailparser-base64encodedroot.eml");
    expect(names(m)).toEqual(["screenshot.png"]);
    const png = m.attachments[0]!.bytes!;
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it("parses attached messages recursively (MIME torture test)", async () => {
    const m = await parse("postal-mime-mimetorture.eml");
    expect(m.headers.subject).toBe("Ryan Finnie's MIME Torture Test v1.0");
    expect(m.attachments).toHaveLength(10);
    expect(m.declaredAttachments).toBe(10);
    expect(m.attachments.every((a) => a.mediaType === "message/rfc822" && a.message)).toBe(true);
    const subjects = m.attachments.map((a) => a.message?.headers.subject);
    expect(subjects[0]).toBe("plain jane message");
    expect(subjects[1]).toBe("messages inside messages inside...");
    const inner = m.attachments[1]!.message!.attachments[0]!.message!;
    expect(inner.headers.subject).toBe("the original message");
    expect(names(inner)).toEqual(["foo.gz"]);
    const smiley = m.attachments[8]!.message!;
    expect(names(smiley)).toEqual(["smiley-3.png", "dot.gif", "signature.asc"]);
    expect(m.exceptions).toEqual([]);
  });

  it("keeps delivery reports, feedback reports and the returned message", async () => {
    const bounce = await parse("postal-mime-bounce.eml");
    expect(bounce.attachments.map((a) => a.mediaType)).toEqual(["message/delivery-status", "message/rfc822"]);
    expect(bounce.attachments[1]!.message?.headers.subject).toBe("Proovikiri");
    const ds = await parse("mailparser-delivery-status.eml");
    expect(ds.attachments[1]!.message?.headers.to).toEqual(["not@found.com"]);
    const arf = await parse("postal-mime-arf.eml");
    expect(arf.attachments.map((a) => a.mediaType)).toEqual(["message/feedback-report", "message/rfc822"]);
    expect(arf.attachments[1]!.message?.headers.from).toBe("somespammer@example.net");
  });

  it("keeps calendar parts as attachments", async () => {
    const m = await parse("postal-mime-calendar-event.eml");
    expect(m.attachments.map((a) => a.mediaType)).toEqual(["text/calendar", "application/ics"]);
    expect(m.attachments[1]!.name).toBe("invite.ics");
    expect(new TextDecoder().decode(m.attachments[0]!.bytes)).toContain("BEGIN:VCALENDAR");
    expect(m.bodyHtml?.length).toBeGreaterThan(1000);
  });

  it("reads the zip attachments of the Tika zip messages", async () => {
    for (const name of ["tika-testRFC822_normal_zip", "tika-testRFC822_encrypted_zip"]) {
      const m = await parse(name);
      expect(m.headers.subject).toBe("Test mail for Tika");
      expect(names(m)).toEqual(["test.zip"]);
      const zip = m.attachments[0]!.bytes!;
      expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
  });

  it("survives the hostile mailparser samples", async () => {
    const big = await parse("mailparser-htmllargecallstack.eml");
    expect(big.headers.subject).toBe("Kill the HTML parser");
    expect(big.bodyHtml?.length).toBeGreaterThan(500_000);
    const oom = await parse("mailparser-outofmemory.eml");
    expect(oom.headers.subject).toBe("Cause out of memory error in the mailparser");
    expect(oom.bodyHtml?.length).toBeGreaterThan(1_000_000);
    const text = await parse("mailparser-large_text.eml");
    expect(text.bodyText?.length).toBe(1164213);
    // An attached message part with no content at all still counts and parses to an empty message.
    const ended = await parse("mailparser-decoderended.eml");
    expect(ended.headers.date).toBe("2004-09-09T08:15:52.000Z");
    expect(ended.attachments.map((a) => a.mediaType)).toEqual(["message/rfc822"]);
  });

  it("parses every fixture without throwing and accounts for every declared part", async () => {
    const { readdirSync } = await import("node:fs");
    const files = readdirSync(fixture("eml"));
    expect(files.length).toBeGreaterThanOrEqual(36);
    for (const f of files) {
      const m = await parse(f);
      expect(
        m.exceptions.filter((e) => e.reason !== "charset-unknown"),
        f,
      ).toEqual([]);
      expect(m.attachments.length, f).toBe(m.declaredAttachments);
    }
  });
});
