import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { decodeEntities } from "./entities.js";
import { htmlExtractor } from "./html-extractor.js";
import { htmlToText, nestingDepth } from "./html-to-text.js";
import { stripTags } from "./strip-tags.js";

const SAMPLE = `<html><head><style>p{color:red}</style><title>T</title></head><body>
<h1>Lab results</h1><script>var secret = 1;</script><p>Dear <b>Jane</b>,</p>
<table><tr><th>Name</th><th>MRN</th></tr><tr><td>Jane Roe</td><td>00123</td></tr>
<tr><td>John&nbsp;Doe</td><td>00456</td></tr></table>
<p>See <a href="https://x.org/r">the portal</a> or <a href="mailto:a@b.org">a@b.org</a>
<a href="https://x.org">https://x.org</a></p><img src="data:image/png;base64,AAAA" alt="logo">
<ul><li>one</li><li>two</li></ul></body></html>`;

describe("htmlToText", () => {
  const text = htmlToText(SAMPLE);

  it("keeps table rows on lines with tab-separated cells", () => {
    expect(text).toContain("Name\tMRN\nJane Roe\t00123\nJohn Doe\t00456");
  });

  it("drops scripts, styles and the head, and does not uppercase headings", () => {
    expect(text).not.toContain("secret");
    expect(text).not.toContain("color");
    expect(text.startsWith("Lab results")).toBe(true);
  });

  it("shows a link target only when it differs from the text, and no image data", () => {
    expect(text).toContain("the portal <https://x.org/r>");
    expect(text).not.toContain("mailto:");
    expect(text).toContain("a@b.org https://x.org");
    expect(text).not.toContain("base64");
    expect(text).toContain("logo");
  });

  it("does not wrap long lines", () => {
    const long = "word ".repeat(100).trim();
    expect(htmlToText(`<p>${long}</p>`)).toBe(long);
  });

  it("stays linear on unclosed tags", () => {
    const start = Date.now();
    const text = htmlToText(`<p>Jane</p>${"<a".repeat(200_000)}`);
    expect(text.startsWith("Jane")).toBe(true);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it("survives 100k-deep nesting through the linear fallback", () => {
    const deep = `${"<div>".repeat(100_000)}Jane Roe${"</div>".repeat(100_000)}`;
    expect(nestingDepth(deep, 1000)).toBe(1000);
    expect(htmlToText(deep)).toBe("Jane Roe");
  });
});

describe("stripTags", () => {
  it("turns cells into tabs and blocks into lines, skipping script and comments", () => {
    const html = "<p>A&amp;B</p><!-- x --><script>no</script><table><tr><td>1</td><td>2</td></tr></table>";
    expect(stripTags(html)).toBe("A&B\n\n1\t2");
  });

  it("decodes numeric and named entities", () => {
    expect(decodeEntities("&#233;&#xE9;&eacute;&Uuml;&bogus;&#0;")).toBe("éééÜ&bogus;&#0;");
  });
});

describe("htmlExtractor", () => {
  it("honours a meta charset for non-UTF-8 bytes", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="iso-8859-2"><p>'),
      0xa3, // Ł in ISO-8859-2
      ...new TextEncoder().encode("ukasz</p>"),
    ]);
    const r = await htmlExtractor({ bytes, mediaType: "text/html", limits: DEFAULT_LIMITS, ocr: false });
    expect(r.text).toBe("Łukasz");
    expect(r.exceptions).toEqual([]);
  });
});

describe.skipIf(!hasFixtures)(`htmlToText on mailparser's call-stack test (${NO_FIXTURES})`, () => {
  it("converts the hostile HTML body without throwing", () => {
    const raw = readFileSync(fixture("eml/mailparser-htmllargecallstack.eml"), "latin1");
    const body = raw.slice(raw.indexOf("\n\n") + 2);
    expect(body.length).toBeGreaterThan(500_000);
    const text = htmlToText(body);
    expect(text.length).toBeGreaterThan(500_000);
    expect(text).toContain("||APEC||");
    expect(text).not.toContain("</title>");
  });
});
