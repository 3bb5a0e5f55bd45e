import type { ExceptionInput } from "../../../core/exception.js";
import type { Extractor } from "../types.js";
import { convertRtf } from "./rtf-to-text.js";

/** Extracts the text of an .rtf file. Embedded OLE objects are counted and reported, not opened. */
export const rtfExtractor: Extractor = async (input) => {
  const rtf = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString(
    "latin1",
  );
  const exceptions: ExceptionInput[] = [];
  if (!/^\s*\{\\rtf/.test(rtf.slice(0, 64))) {
    exceptions.push({ reason: "corrupt", detail: "file does not start with an RTF header" });
  }
  const r = convertRtf(rtf);
  exceptions.push(...r.exceptions);
  if (r.objects > 0) {
    exceptions.push({
      reason: "unsupported-type",
      detail: `${r.objects} embedded OLE object${r.objects === 1 ? " was" : "s were"} not extracted`,
    });
  }
  return {
    text: r.text,
    exceptions,
    meta: { pictures: r.pictures, objects: r.objects, fromHtml: r.fromHtml },
  };
};
