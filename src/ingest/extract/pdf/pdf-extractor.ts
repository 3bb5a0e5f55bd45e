import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describeError, type ExceptionInput } from "../../../core/exception.js";
import { ocrImage } from "../ocr/ocr-engine.js";
import type { Extractor, ExtractResult } from "../types.js";
import { annotationText } from "./annotation-text.js";
import { layoutPageText, type PositionedText } from "./page-text.js";
import { PDF_OPTIONS, pdfjs } from "./pdfjs.js";
import { renderPageToPng } from "./render-page.js";

/** A page with fewer visible characters than this (and an image) is treated as scanned. */
export const MIN_TEXT_CHARS = 20;

/**
 * Letters and digits in a text layer. Fonts without a Unicode map yield private-use or
 * replacement characters: such a layer is as good as none, so the page is OCR'd instead.
 */
export function usableChars(text: string): number {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch) && !/\p{Co}/u.test(ch)) n++;
  return n;
}

async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  const items = content.items.filter((i): i is typeof i & PositionedText => "str" in i);
  return layoutPageText(items);
}

async function hasImages(page: PDFPageProxy, imageOps: ReadonlySet<number>): Promise<boolean> {
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => imageOps.has(fn));
}

function isPasswordError(err: unknown): boolean {
  return err instanceof Error && err.name === "PasswordException";
}

/** Describes a range of page numbers for an exception ("pages 4–9"). */
function pageRange(from: number, to: number): string {
  return from === to ? `page ${from}` : `pages ${from}–${to}`;
}

/**
 * PDF text layer in reading order, one block per page separated by blank lines. Pages that
 * are images with (almost) no text are rendered and OCR'd when `input.ocr` is on, up to
 * `limits.maxOcrPages`. Never throws: damage, passwords and OCR failures become exceptions.
 */
export const pdfExtractor: Extractor = async (input): Promise<ExtractResult> => {
  const exceptions: ExceptionInput[] = [];
  const meta: Record<string, string | number | boolean> = {};
  const lib = await pdfjs();
  const imageOps = new Set<number>([
    lib.OPS.paintImageXObject,
    lib.OPS.paintInlineImageXObject,
    lib.OPS.paintImageMaskXObject,
    lib.OPS.paintImageXObjectRepeat,
    lib.OPS.paintInlineImageXObjectGroup,
    lib.OPS.paintImageMaskXObjectGroup,
    lib.OPS.paintImageMaskXObjectRepeat,
  ]);
  // pdf.js takes ownership of (detaches) the buffer it is given, and refuses Node Buffers:
  // hand it a plain Uint8Array copy.
  let task: ReturnType<typeof lib.getDocument> | undefined;
  // Without a password callback pdf.js rejects with PasswordException, which is what we want.
  let doc: PDFDocumentProxy;
  try {
    task = lib.getDocument({ ...PDF_OPTIONS, data: new Uint8Array(input.bytes) });
    doc = await task.promise;
  } catch (err) {
    await task?.destroy().catch(() => {});
    if (isPasswordError(err)) {
      return {
        text: "",
        exceptions: [{ reason: "password-protected", detail: "PDF requires a password to open" }],
        meta: { encrypted: true },
      };
    }
    return {
      text: "",
      exceptions: [{ reason: "corrupt", detail: `PDF could not be opened: ${describeError(err)}` }],
    };
  }

  const pages: string[] = [];
  let chars = 0;
  let ocrPages = 0;
  let scannedPages = 0;
  let ocrSkippedFrom: number | undefined;
  let ocrSkippedTo = 0;
  try {
    meta["pages"] = doc.numPages;
    try {
      const info = (await doc.getMetadata()).info as Record<string, unknown> | undefined;
      if (info?.["EncryptFilterName"]) meta["encrypted"] = true;
    } catch {
      // Metadata is optional; a damaged Info dictionary does not stop text extraction.
    }
    for (let n = 1; n <= doc.numPages; n++) {
      if (chars >= input.limits.maxTextChars) {
        exceptions.push({
          reason: "size-limit",
          detail: `text limit of ${input.limits.maxTextChars} characters reached; ${pageRange(n, doc.numPages)} not read`,
        });
        break;
      }
      let page: PDFPageProxy;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        exceptions.push({
          reason: "corrupt",
          detail: `page unreadable: ${describeError(err)}`,
          where: `page ${n}`,
        });
        continue;
      }
      try {
        let text = "";
        try {
          text = await pageText(page);
        } catch (err) {
          exceptions.push({
            reason: "corrupt",
            detail: `text layer unreadable: ${describeError(err)}`,
            where: `page ${n}`,
          });
        }
        // Looking for images decodes them (costly); without OCR there is nothing to do with the
        // answer, so a page without text then counts as unread whether or not it has images.
        const textless = usableChars(text) < MIN_TEXT_CHARS;
        if (textless && (!input.ocr || (await hasImages(page, imageOps).catch(() => false)))) {
          scannedPages++;
          if (!input.ocr) {
            // OCR is switched off for this run; the count in meta says what was left unread.
          } else if (ocrPages >= input.limits.maxOcrPages) {
            ocrSkippedFrom ??= n;
            ocrSkippedTo = n;
          } else {
            ocrPages++;
            try {
              const ocr = await ocrImage(await renderPageToPng(doc, page));
              const recognised = ocr.text.trim();
              if (recognised) text = text ? `${text}\n${recognised}` : recognised;
            } catch (err) {
              exceptions.push({
                reason: "ocr-failed",
                detail: `scanned page not recognised: ${describeError(err)}`,
                where: `page ${n}`,
              });
            }
          }
        }
        try {
          const notes = annotationText(await page.getAnnotations());
          if (notes) text = text ? `${text}\n${notes}` : notes;
        } catch (err) {
          exceptions.push({
            reason: "corrupt",
            detail: `annotations unreadable: ${describeError(err)}`,
            where: `page ${n}`,
          });
        }
        pages.push(text);
        chars += text.length + 2;
      } finally {
        page.cleanup();
      }
    }
  } catch (err) {
    exceptions.push({
      reason: "corrupt",
      detail: `PDF reading stopped: ${describeError(err)}`,
      where: `page ${pages.length + 1}`,
    });
  } finally {
    await task.destroy().catch(() => {});
  }
  if (ocrSkippedFrom !== undefined) {
    exceptions.push({
      reason: "size-limit",
      detail: `OCR limit of ${input.limits.maxOcrPages} pages reached; scanned ${pageRange(ocrSkippedFrom, ocrSkippedTo)} not recognised`,
    });
  }
  if (scannedPages > 0) meta["scannedPages"] = scannedPages;
  if (ocrPages > 0) meta["ocrPages"] = ocrPages;
  if (scannedPages > 0 && !input.ocr) {
    meta["unreadScannedPages"] = scannedPages;
    exceptions.push({
      reason: "skipped",
      detail: `${scannedPages} scanned page(s) not recognised: OCR is off`,
    });
  }
  let text = pages.filter((p) => p.length > 0).join("\n\n");
  if (text.length > input.limits.maxTextChars) text = text.slice(0, input.limits.maxTextChars);
  return { text, exceptions, declared: typeof meta["pages"] === "number" ? meta["pages"] : undefined, meta };
};
