import CFB from "cfb";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { MEDIA } from "../media-types.js";
import { pptxExtractor } from "./pptx-extractor.js";

const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const slide = (...paras: string[]) =>
  `<p:sld ${A}><p:cSld><p:spTree><p:sp><p:txBody>${paras
    .map((p) => `<a:p><a:r><a:t>${p}</a:t></a:r></a:p>`)
    .join("")}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;

/** A minimal PPTX package written with the cfb package's ZIP writer. */
function pptx(parts: Record<string, string | Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  CFB.utils.cfb_add(c, "/[Content_Types].xml", Buffer.from("<Types/>"));
  for (const [name, data] of Object.entries(parts)) CFB.utils.cfb_add(c, `/${name}`, Buffer.from(data));
  return new Uint8Array(CFB.write(c, { fileType: "zip", type: "buffer" }) as Buffer);
}

const run = (bytes: Uint8Array) =>
  pptxExtractor({ bytes, mediaType: MEDIA.pptx, limits: DEFAULT_LIMITS, ocr: false });

describe("pptxExtractor", () => {
  it("reads slides in number order, then notes and comments, and returns media as children", async () => {
    const r = await run(
      pptx({
        "ppt/slides/slide10.xml": slide("Ten"),
        "ppt/slides/slide2.xml": slide("Case review: Jane Roe", "MRN 00123 &amp; DOB 1970-01-02"),
        "ppt/slides/slide1.xml": slide("Morbidity &amp; mortality"),
        "ppt/notesSlides/notesSlide1.xml": slide("Speaker note"),
        "ppt/comments/comment1.xml":
          "<p:cmLst><p:cm><p:text>Remove the name &lt;!&gt;</p:text></p:cm></p:cmLst>",
        "ppt/media/image1.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      }),
    );
    expect(r.exceptions).toEqual([]);
    expect(r.text).toBe(
      "Morbidity & mortality\n\nCase review: Jane Roe\nMRN 00123 & DOB 1970-01-02\n\nTen\n\nSpeaker note\n\nRemove the name <!>",
    );
    expect(r.children?.map((c) => c.name)).toEqual(["ppt/media/image1.png"]);
    expect(r.meta).toEqual({ slides: 3 });
  });

  it("reports random bytes as corrupt", async () => {
    const r = await run(new Uint8Array(2000).map((_, i) => (i * 7) % 256));
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });

  it("reports a package without slides as corrupt", async () => {
    const r = await run(pptx({ "ppt/presentation.xml": "<p:presentation/>" }));
    expect(r.exceptions).toEqual([
      { reason: "corrupt", detail: "package has no slides", where: "part ppt/slides" },
    ]);
  });
});
