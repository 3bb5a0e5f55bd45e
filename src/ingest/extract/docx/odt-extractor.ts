import type { ExceptionInput } from "../../../core/exception.js";
import { ODF_RULES, xmlToText } from "../office/xml-text.js";
import { readZipEntries } from "../office/zip-read.js";
import { limitText } from "../text/limit-text.js";
import type { ExtractChild, Extractor, ExtractResult } from "../types.js";

const isChild = (name: string) =>
  /^(?:Pictures\/[^/]+\.(?:png|jpe?g|gif|tiff?|bmp|webp)|Object \d+\/[^/]+\.(?:xlsx?|docx?|ods|odt))$/i.test(
    name,
  );

/** OpenDocument text (ODT): content.xml in document order, tables as tab-separated rows. */
export const odtExtractor: Extractor = async (input): Promise<ExtractResult> => {
  const zip = await readZipEntries(input.bytes, (n) => n === "content.xml" || isChild(n), input.limits);
  const exceptions: ExceptionInput[] = [...zip.exceptions];
  if (!zip.opened) return { text: "", exceptions };
  const content = zip.entries.get("content.xml");
  if (!content)
    exceptions.push({ reason: "corrupt", detail: "package has no content.xml", where: "part content.xml" });
  // Only the body: the styles and declarations before it hold no document text.
  const xml = content?.toString("utf8") ?? "";
  const start = xml.indexOf("<office:body");
  const text = limitText(xmlToText(start >= 0 ? xml.slice(start) : xml, ODF_RULES), input.limits, exceptions);
  const children: ExtractChild[] = [];
  for (const [name, data] of zip.entries) {
    if (isChild(name)) children.push({ type: "file", name, bytes: new Uint8Array(data) });
  }
  return children.length > 0
    ? { text, exceptions, children, declared: children.length }
    : { text, exceptions };
};
