import type { ExceptionInput } from "../../../core/exception.js";
import { byNaturalName } from "../docx/docx-parts.js";
import { decodeEntities } from "../html/entities.js";
import { hasCfbMagic } from "../office/cfb-directory.js";
import { passwordProtected } from "../office/encrypted-office-extractor.js";
import { officeEncryption } from "../office/encryption.js";
import { DRAWING_RULES, xmlToText } from "../office/xml-text.js";
import { readZipEntries } from "../office/zip-read.js";
import { limitText } from "../text/limit-text.js";
import type { ExtractChild, Extractor, ExtractResult } from "../types.js";

const SLIDE = /^ppt\/slides\/slide\d+\.xml$/;
const NOTES = /^ppt\/notesSlides\/notesSlide\d+\.xml$/;
const COMMENTS = /^ppt\/comments\/[^/]+\.xml$/;
const CHILD = /^ppt\/(?:embeddings\/[^/]+|media\/[^/]+\.(?:png|jpe?g|gif|tiff?|bmp|webp))$/i;

/** Comment parts keep their text in <p:text> elements, not DrawingML runs. */
function commentText(xml: string): string {
  return [...xml.matchAll(/<p:text>([\s\S]*?)<\/p:text>/g)].map((m) => decodeEntities(m[1] ?? "")).join("\n");
}

/**
 * PPTX (and PPTM/PPSX): slide text in slide-number order, then speaker notes and comments.
 * Embedded files and raster images are returned as children for ingest to extract or OCR.
 */
export const pptxExtractor: Extractor = async (input): Promise<ExtractResult> => {
  if (hasCfbMagic(input.bytes)) {
    const enc = officeEncryption(input.bytes);
    const exception: ExceptionInput = enc
      ? passwordProtected("PowerPoint")
      : { reason: "corrupt", detail: "an OLE compound file where a PPTX package was expected" };
    return { text: "", exceptions: [exception], meta: enc ? { encrypted: true } : {} };
  }
  const wanted = (n: string) => SLIDE.test(n) || NOTES.test(n) || COMMENTS.test(n) || CHILD.test(n);
  const zip = await readZipEntries(input.bytes, wanted, input.limits);
  const exceptions: ExceptionInput[] = [...zip.exceptions];
  if (!zip.opened) return { text: "", exceptions };
  const names = [...zip.entries.keys()].sort(byNaturalName);
  const read = (n: string) => zip.entries.get(n)?.toString("utf8") ?? "";
  const slides = names.filter((n) => SLIDE.test(n));
  if (slides.length === 0) {
    exceptions.push({ reason: "corrupt", detail: "package has no slides", where: "part ppt/slides" });
  }
  const sections = [
    ...slides.map((n) => xmlToText(read(n), DRAWING_RULES)),
    ...names.filter((n) => NOTES.test(n)).map((n) => xmlToText(read(n), DRAWING_RULES)),
    ...names.filter((n) => COMMENTS.test(n)).map((n) => commentText(read(n))),
  ];
  const children: ExtractChild[] = names
    .filter((n) => CHILD.test(n))
    .map((n) => ({ type: "file", name: n, bytes: new Uint8Array(zip.entries.get(n) ?? []) }));
  const text = limitText(sections.filter(Boolean).join("\n\n"), input.limits, exceptions);
  const meta = { slides: slides.length };
  return children.length > 0
    ? { text, exceptions, children, declared: children.length, meta }
    : { text, exceptions, meta };
};
