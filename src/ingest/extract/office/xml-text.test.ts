import { describe, expect, it } from "vitest";
import { ODF_RULES, WORD_RULES, xmlToText } from "./xml-text.js";

const p = (...runs: string[]) => `<w:p>${runs.map((r) => `<w:r><w:t>${r}</w:t></w:r>`).join("")}</w:p>`;

describe("xmlToText with WordprocessingML rules", () => {
  it("keeps a table row on one line even when cells hold several paragraphs", () => {
    const xml = `<w:body>${p("Before")}<w:tbl><w:tr><w:tc>${p("Jane")}${p("Roe")}</w:tc><w:tc>${p("00123")}</w:tc></w:tr></w:tbl>${p("After")}</w:body>`;
    expect(xmlToText(xml, WORD_RULES)).toBe("Before\nJane Roe\t00123\nAfter");
  });

  it("reads text boxes once (skipping the VML fallback), deleted text, tabs and breaks", () => {
    const box = `<w:txbxContent>${p("Boxed MRN 555")}</w:txbxContent>`;
    const xml = `<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r><mc:AlternateContent><mc:Choice>${box}</mc:Choice><mc:Fallback>${box}</mc:Fallback></mc:AlternateContent></w:p><w:p><w:del><w:r><w:delText>Old name</w:delText></w:r></w:del><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p>`;
    expect(xmlToText(xml, WORD_RULES)).toBe("A\tB\nCBoxed MRN 555\n\nOld name");
  });

  it("decodes entities and CDATA, ignores text outside w:t", () => {
    expect(xmlToText(`<w:p>junk<w:r><w:t>R&amp;D &#233;</w:t></w:r></w:p>`, WORD_RULES)).toBe("R&D é");
  });

  it("stays linear on damaged markup", () => {
    const start = Date.now();
    expect(xmlToText(`${"<w:t".repeat(200_000)}`, WORD_RULES)).toBe("");
    expect(xmlToText(`<w:t>ok</w:t>${'<a b="'.repeat(100_000)}`, WORD_RULES)).toBe("ok");
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe("xmlToText with ODF rules", () => {
  it("expands text:s, text:tab and line breaks and lays out table rows", () => {
    const xml =
      '<office:body><text:p>A<text:s text:c="3"/>B<text:tab/>C<text:line-break/>D</text:p><table:table><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell><table:table-cell><text:p>y</text:p></table:table-cell></table:table-row></table:table></office:body>';
    expect(xmlToText(xml, ODF_RULES)).toBe("A B\tC\nD\nx\ty");
  });
});
