import type { ExceptionInput } from "../../../core/exception.js";
import { decodeEntities } from "../html/entities.js";
import { hasCfbMagic } from "../office/cfb-directory.js";
import { passwordProtected } from "../office/encrypted-office-extractor.js";
import { officeEncryption } from "../office/encryption.js";
import { WORD_RULES, xmlToText } from "../office/xml-text.js";
import { readZipEntries } from "../office/zip-read.js";
import { limitText } from "../text/limit-text.js";
import type { ExtractChild, Extractor, ExtractResult } from "../types.js";
import { byNaturalName, coreProperties, isChildPart, mainDocumentPart, partKind } from "./docx-parts.js";

const WANTED = (name: string): boolean =>
  name === "[Content_Types].xml" ||
  name === "docProps/core.xml" ||
  /^word\/[^/]+\.xml$/.test(name) ||
  isChildPart(name);

/**
 * DOCX (and DOCM/DOTX): body, headers, footers, footnotes, endnotes and comments, with tables
 * as tab-separated rows and text boxes in place. Embedded files and raster images are
 * returned as children so that ingest extracts (or OCRs) them in turn.
 */
export const docxExtractor: Extractor = async (input): Promise<ExtractResult> => {
  if (hasCfbMagic(input.bytes)) {
    const enc = officeEncryption(input.bytes);
    const exception: ExceptionInput = enc
      ? passwordProtected("Word")
      : { reason: "corrupt", detail: "an OLE compound file where a DOCX package was expected" };
    return { text: "", exceptions: [exception], meta: enc ? { encrypted: true } : {} };
  }
  const zip = await readZipEntries(input.bytes, WANTED, input.limits);
  const exceptions: ExceptionInput[] = [...zip.exceptions];
  if (!zip.opened) return { text: "", exceptions };

  const read = (name: string) => zip.entries.get(name)?.toString("utf8");
  const main = mainDocumentPart(read("[Content_Types].xml"));
  const sections: string[] = [];
  const body = read(main);
  if (body === undefined) {
    exceptions.push({
      reason: "corrupt",
      detail: "package has no main document part",
      where: `part ${main}`,
    });
  } else {
    sections.push(xmlToText(body, WORD_RULES));
  }
  const counts: Record<string, number> = {};
  const others = [...zip.entries.keys()].filter((n) => partKind(n)).sort(byNaturalName);
  for (const kind of ["header", "footer", "footnotes", "endnotes", "comments"] as const) {
    for (const name of others.filter((n) => partKind(n) === kind)) {
      const text = xmlToText(read(name) ?? "", WORD_RULES);
      if (text) {
        sections.push(text);
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
    }
  }
  const core = read("docProps/core.xml");
  if (core) sections.push(...coreProperties(core).map(decodeEntities));

  const children: ExtractChild[] = [];
  for (const [name, data] of zip.entries) {
    if (isChildPart(name)) children.push({ type: "file", name, bytes: new Uint8Array(data) });
  }
  const text = limitText(sections.filter(Boolean).join("\n\n"), input.limits, exceptions);
  const meta: Record<string, string | number | boolean> = { parts: zip.names.length };
  for (const [k, v] of Object.entries(counts)) meta[k] = v;
  return children.length > 0
    ? { text, exceptions, children, declared: children.length, meta }
    : { text, exceptions, meta };
};
