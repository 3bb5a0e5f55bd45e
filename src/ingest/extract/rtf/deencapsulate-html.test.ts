import { readdirSync, readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { deEncapsulateSync } from "rtf-stream-parser";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { parseMsg } from "../../sources/msg/parse-msg.js";
import { deEncapsulateHtml } from "./deencapsulate-html.js";

// Shaped like the example in [MS-OXRTFEX] section 3.
const ENCAPSULATED = [
  "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\fmodern Courier New;}}",
  "{\\colortbl\\red0\\green0\\blue0;}",
  "{\\*\\htmltag64 <html>}{\\*\\htmltag64 <body>}\\htmlrtf {\\htmlrtf0 ",
  "{\\*\\htmltag84 <p>}\\htmlrtf \\pard\\htmlrtf0 Patient: Jos\\'e9 {\\*\\htmltag84 &nbsp;}\\htmlrtf  \\htmlrtf0 \\par",
  "{\\*\\htmltag92 </p>}\\htmlrtf }\\htmlrtf0 ",
  '{\\*\\mhtmltag84 <img src="cid:x">}{\\*\\htmltag84 <img src="x.png">}',
  "{\\*\\htmltag72 </body>}{\\*\\htmltag64 </html>}}",
].join("\r\n");

describe("deEncapsulateHtml", () => {
  it("rebuilds the HTML from htmltag groups and the text outside \\htmlrtf", () => {
    expect(deEncapsulateHtml(ENCAPSULATED)).toBe(
      '<html><body><p>Patient: José &nbsp;\r\n</p><img src="x.png"></body></html>',
    );
  });

  it("returns undefined for RTF that does not encapsulate HTML", () => {
    expect(deEncapsulateHtml("{\\rtf1\\ansi Plain}")).toBeUndefined();
    expect(deEncapsulateHtml("{\\rtf1\\ansi\\fromtext Plain}")).toBeUndefined();
  });
});

describe.skipIf(!hasFixtures)(`deEncapsulateHtml on MSG bodies ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("matches rtf-stream-parser on every MSG fixture whose RTF body encapsulates HTML", () => {
    let compared = 0;
    for (const file of readdirSync(fixture("msg")).sort()) {
      const rtf = parseMsg(new Uint8Array(readFileSync(fixture(`msg/${file}`))), DEFAULT_LIMITS).bodyRtf;
      const mine = rtf ? deEncapsulateHtml(rtf) : undefined;
      if (!rtf || mine === undefined) continue;
      const ref = deEncapsulateSync(Buffer.from(rtf, "latin1"), { decode: iconv.decode, mode: "html" });
      expect(mine).toBe(String(ref.text));
      compared++;
    }
    expect(compared).toBe(28);
  });

  it("keeps the body text of a CJK message", () => {
    const rtf = parseMsg(
      new Uint8Array(readFileSync(fixture("msg/msgreader-Hello_+CJK.msg"))),
      DEFAULT_LIMITS,
    ).bodyRtf;
    const html = deEncapsulateHtml(rtf ?? "");
    expect(html).toContain("你好");
    expect(html).toContain("こんにちは");
    expect(html).toContain("안녕하세요");
  });
});
