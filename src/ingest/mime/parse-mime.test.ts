import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type Limits } from "../../core/limits.js";
import { signedData } from "./cms-builder.test-helper.js";
import { parseMime } from "./parse-mime.js";

const enc = (s: string) => new TextEncoder().encode(s.replace(/\r?\n/g, "\r\n"));

function multipart(boundary: string, parts: string[], headers = "From: a@example.org\nSubject: t\n"): string {
  return `${headers}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="${boundary}"\n\npreamble\n${parts
    .map((p) => `--${boundary}\n${p}\n`)
    .join("")}--${boundary}--\n`;
}

const inner = "From: Inner <inner@example.org>\nSubject: inner subject\n\ninner body\n";

describe("parseMime", () => {
  it("formats addresses, flattens groups and keeps Message-ID and In-Reply-To", async () => {
    const m = await parseMime(
      enc(
        [
          'From: "Doe, Jane" <jane@example.org>',
          "To: Team: a@example.org, Bob <b@example.org>;, c@example.org",
          "Cc: =?utf-8?Q?Ren=C3=A9e?= <r@example.org>",
          "Bcc: hidden@example.org",
          "Subject: =?iso-8859-1?Q?Caf=E9?= results",
          "Date: garbage date",
          "Message-ID: <m1@example.org>",
          "In-Reply-To: <m0@example.org>",
          "",
          "hello",
        ].join("\n"),
      ),
      DEFAULT_LIMITS,
    );
    expect(m.headers.from).toBe("Doe, Jane <jane@example.org>");
    expect(m.headers.to).toEqual(["a@example.org", "Bob <b@example.org>", "c@example.org"]);
    expect(m.headers.cc).toEqual(["Renée <r@example.org>"]);
    expect(m.headers.bcc).toEqual(["hidden@example.org"]);
    expect(m.headers.subject).toBe("Café results");
    expect(m.headers.date).toBeUndefined();
    expect(m.headers.messageId).toBe("<m1@example.org>");
    expect(m.headers.inReplyTo).toBe("<m0@example.org>");
    expect(m.bodyText?.trim()).toBe("hello");
    expect(m.rawHeaders?.split("\r\n")).toHaveLength(8);
  });

  it("reads raw Latin-1 header bytes as windows-1252 and says so", async () => {
    const head = Buffer.from(
      "From: Jos\xe9 N\xfa\xf1ez <jn@example.org>\r\nSubject: Resultados de Jos\xe9\r\n\r\nhola\r\n",
      "latin1",
    );
    const m = await parseMime(head, DEFAULT_LIMITS);
    expect(m.headers.from).toBe("José Núñez <jn@example.org>");
    expect(m.headers.subject).toBe("Resultados de José");
    expect(m.exceptions.map((e) => e.reason)).toEqual(["charset-unknown"]);
    expect(m.exceptions[0]!.detail).not.toContain("Jos");
  });

  it("parses a base64-encoded message/rfc822 attachment recursively", async () => {
    const b64 = Buffer.from(inner.replace(/\n/g, "\r\n")).toString("base64");
    const m = await parseMime(
      enc(
        multipart("b1", [
          "Content-Type: text/plain\n\nouter body",
          `Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename="fwd.eml"\n\n${b64}`,
        ]),
      ),
      DEFAULT_LIMITS,
    );
    expect(m.bodyText).toContain("outer body");
    expect(m.attachments).toHaveLength(1);
    const att = m.attachments[0]!;
    expect(att.name).toBe("fwd.eml");
    expect(att.message?.headers.subject).toBe("inner subject");
    expect(att.message?.headers.from).toBe("Inner <inner@example.org>");
    expect(att.message?.bodyText).toContain("inner body");
    expect(m.declaredAttachments).toBe(1);
  });

  it("keeps a message nested deeper than maxDepth as bytes with a depth-limit exception", async () => {
    let msg = inner;
    for (let i = 0; i < 4; i++) {
      msg = `From: level${i}@example.org\nSubject: level ${i}\nContent-Type: message/rfc822\n\n${msg}`;
    }
    const limits: Limits = { ...DEFAULT_LIMITS, maxDepth: 2 };
    const m = await parseMime(enc(msg), limits);
    expect(m.headers.subject).toBe("level 3");
    const l2 = m.attachments[0]!.message!;
    expect(l2.headers.subject).toBe("level 2");
    const l1 = l2.attachments[0]!.message!;
    expect(l1.headers.subject).toBe("level 1");
    const tooDeep = l1.attachments[0]!;
    expect(tooDeep.message).toBeUndefined();
    expect(tooDeep.bytes && new TextDecoder().decode(tooDeep.bytes)).toContain("Subject: level 0");
    expect(tooDeep.exceptions.map((e) => e.reason)).toEqual(["depth-limit"]);
  });

  it("flags S/MIME enveloped data and PGP/MIME as encrypted, but reads signed messages", async () => {
    const smime = await parseMime(
      enc(
        'From: a@example.org\nSubject: s\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n',
      ),
      DEFAULT_LIMITS,
    );
    expect(smime.attachments).toHaveLength(1);
    expect(smime.attachments[0]!.exceptions.map((e) => e.reason)).toEqual(["encrypted"]);
    expect(smime.attachments[0]!.exceptions[0]!.where).toBe("part 1");

    const pgp = await parseMime(
      enc(
        'From: a@example.org\nSubject: p\nContent-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="pp"\n\n--pp\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--pp\nContent-Type: application/octet-stream; name="encrypted.asc"\n\n-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--pp--\n',
      ),
      DEFAULT_LIMITS,
    );
    expect(pgp.attachments).toHaveLength(2);
    expect(pgp.attachments.map((a) => a.exceptions.map((e) => e.reason))).toEqual([
      ["encrypted"],
      ["encrypted"],
    ]);

    const inline = await parseMime(
      enc(
        "From: a@example.org\nSubject: i\n\n-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n",
      ),
      DEFAULT_LIMITS,
    );
    expect(inline.exceptions.map((e) => e.reason)).toEqual(["encrypted"]);

    const signed = await parseMime(
      enc(
        'From: a@example.org\nSubject: signed\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="ss"\n\n--ss\nContent-Type: text/plain\n\nthe signed words\n--ss\nContent-Type: application/pkcs7-signature; name="smime.p7s"\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n--ss--\n',
      ),
      DEFAULT_LIMITS,
    );
    expect(signed.bodyText).toContain("the signed words");
    expect(signed.attachments.map((a) => a.name)).toEqual(["smime.p7s"]);
    expect(signed.exceptions).toEqual([]);
    expect(signed.attachments[0]!.exceptions).toEqual([]);
  });

  it("reads the content of opaque S/MIME signed messages (DER and Outlook BER)", async () => {
    const entity = enc(
      'Content-Type: multipart/mixed; boundary="in"\n\n--in\nContent-Type: text/plain\n\nsigned body text\n--in\nContent-Type: application/pdf; name="labs.pdf"\n\n%PDF-1.4\n--in--\n',
    );
    for (const style of ["der", "ber"] as const) {
      const p7m = Buffer.from(signedData(entity, style)).toString("base64");
      const m = await parseMime(
        enc(
          `From: a@example.org\nSubject: opaque\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"\nContent-Transfer-Encoding: base64\n\n${p7m}\n`,
        ),
        DEFAULT_LIMITS,
      );
      expect(m.headers.subject).toBe("opaque");
      expect(m.bodyText).toContain("signed body text");
      expect(m.attachments.map((a) => a.name)).toEqual(["labs.pdf"]);
      expect(m.declaredAttachments).toBe(1);
      expect(m.exceptions).toEqual([]);
    }
  });

  it("records unknown charsets in parts and encoded words", async () => {
    const m = await parseMime(
      enc(
        multipart(
          "cs",
          ["Content-Type: text/plain; charset=x-made-up-charset\n\nabc"],
          "From: a@example.org\nSubject: =?utf-7?Q?hi?=\n",
        ),
      ),
      DEFAULT_LIMITS,
    );
    const details = m.exceptions.filter((e) => e.reason === "charset-unknown").map((e) => e.detail);
    expect(details).toHaveLength(2);
    expect(details.join(" ")).toContain("x-made-up-charset");
    expect(details.join(" ")).toContain("utf-7");
    expect(m.bodyText).toContain("abc");

    const known = await parseMime(
      enc(
        multipart("k", [
          "Content-Type: text/plain; charset=windows-1252\n\nabc",
          "Content-Type: text/plain; charset=x-cp1251\n\nd",
        ]),
      ),
      DEFAULT_LIMITS,
    );
    expect(known.exceptions).toEqual([]);
  });

  it("handles 10 000 tiny parts quickly and counts them all", async () => {
    const parts: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      parts.push(
        `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="f${i}.bin"\n\n${i}`,
      );
    }
    const bytes = enc(multipart("many", parts));
    const started = Date.now();
    const m = await parseMime(bytes, DEFAULT_LIMITS);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(m.declaredAttachments).toBe(10_000);
    // The root multipart plus 10 000 parts is one over the default cap of 10 000.
    expect(m.exceptions.map((e) => e.reason)).toEqual(["parts-limit", "declared-not-read"]);
    expect(m.attachments).toHaveLength(9_999);
    expect(m.attachments[9_998]!.name).toBe("f9998.bin");
    expect(new TextDecoder().decode(m.attachments[42]!.bytes).trim()).toBe("42");
  });

  it("reads what fits when a message has more parts than maxParts", async () => {
    const parts = Array.from({ length: 30 }, (_, i) => `Content-Type: image/png; name="p${i}.png"\n\nx`);
    const m = await parseMime(enc(multipart("pl", parts)), { ...DEFAULT_LIMITS, maxParts: 11 });
    expect(m.declaredAttachments).toBe(30);
    expect(m.attachments.map((a) => a.name)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}.png`));
    expect(m.exceptions.map((e) => e.reason)).toEqual(["parts-limit", "declared-not-read"]);
    expect(m.exceptions[1]!.detail).toBe("30 attachment parts declared, 10 read");
  });

  it("stops at multipart nesting deeper than maxDepth and keeps what came before", async () => {
    let body = 'Content-Type: application/pdf; name="deep.pdf"\n\nx';
    for (let i = 0; i < 300; i++) {
      body = `Content-Type: multipart/mixed; boundary="d${i}"\n\n--d${i}\n${body}\n--d${i}--`;
    }
    const msg = multipart("top", ['Content-Type: image/gif; name="first.gif"\n\nGIF', body]);
    const m = await parseMime(enc(msg), DEFAULT_LIMITS);
    expect(m.headers.subject).toBe("t");
    expect(m.attachments.map((a) => a.name)).toEqual(["first.gif"]);
    expect(m.exceptions.map((e) => e.reason)).toContain("depth-limit");
  });

  it("does not throw on garbage, empty or truncated input", async () => {
    for (const input of [
      new Uint8Array(0),
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      enc("Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n"),
      enc("From: a@example.org\nContent-Type: message/rfc822\n\n"),
    ]) {
      const m = await parseMime(input, DEFAULT_LIMITS);
      expect(m.kind).toBe("message");
      expect(m.attachments.length).toBe(m.declaredAttachments);
    }
  });

  it("truncates bodies longer than maxTextChars with a size-limit exception", async () => {
    const m = await parseMime(enc(`Subject: long\n\n${"a".repeat(500)}`), {
      ...DEFAULT_LIMITS,
      maxTextChars: 100,
    });
    expect(m.bodyText).toHaveLength(100);
    expect(m.exceptions.map((e) => e.reason)).toEqual(["size-limit"]);
  });
});
