import WordExtractor, { type WordDocument } from "word-extractor";
import { describeError, type ExceptionInput } from "../../../core/exception.js";
import { passwordProtected } from "../office/encrypted-office-extractor.js";
import { officeEncryption } from "../office/encryption.js";
import { tidyLines } from "../office/xml-text.js";
import { limitText } from "../text/limit-text.js";
import type { Extractor, ExtractResult } from "../types.js";

/** Word 97–2003 stores paragraph ends as CR and cells/rows with control marks; make them lines. */
function clean(text: string): string {
  return tidyLines(
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0007]/g, "\t")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""),
  );
}

function sections(doc: WordDocument): [string, string][] {
  const opts = { filterUnicode: false };
  return [
    ["body", doc.getBody(opts)],
    ["textboxes", doc.getTextboxes({ ...opts, includeBody: true, includeHeadersAndFooters: true })],
    ["headers", doc.getHeaders({ ...opts, includeFooters: false })],
    ["footers", doc.getFooters(opts)],
    ["footnotes", doc.getFootnotes(opts)],
    ["endnotes", doc.getEndnotes(opts)],
    ["comments", doc.getAnnotations(opts)],
  ];
}

/** Word 97–2003 (.doc): body, text boxes, headers, footers, foot/endnotes and comments. */
export const docExtractor: Extractor = async (input): Promise<ExtractResult> => {
  const exceptions: ExceptionInput[] = [];
  const enc = officeEncryption(input.bytes);
  if (enc) return { text: "", exceptions: [passwordProtected("Word")], meta: { encrypted: true } };
  let doc: WordDocument;
  try {
    const buf = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    doc = await new WordExtractor().extract(buf);
  } catch (err) {
    return {
      text: "",
      exceptions: [{ reason: "corrupt", detail: `Word document unreadable: ${describeError(err)}` }],
    };
  }
  const parts: string[] = [];
  const meta: Record<string, string | number | boolean> = {};
  for (const [name, raw] of sections(doc)) {
    try {
      const text = clean(raw ?? "");
      if (!text) continue;
      parts.push(text);
      if (name !== "body") meta[name] = true;
    } catch (err) {
      exceptions.push({
        reason: "corrupt",
        detail: `${name} unreadable: ${describeError(err)}`,
        where: name,
      });
    }
  }
  const text = limitText(parts.join("\n\n"), input.limits, exceptions);
  return { text, exceptions, meta };
};
