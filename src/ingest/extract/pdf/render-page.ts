import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

type RenderParams = Parameters<PDFPageProxy["render"]>[0];

/** Resolution for OCR: 200 dpi reads 10-point text well and needs under half the memory of 300. */
export const RENDER_DPI = 200;
/** Upper bound on rendered pixels per page (a Letter page at 200 dpi is 3.7 M). */
export const MAX_RENDER_PIXELS = 6_000_000;

/** The slice of pdf.js's Node canvas factory (backed by its own @napi-rs/canvas) used here. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas; context: NodeContext };
  destroy(pair: { canvas: NodeCanvas; context: NodeContext }): void;
}
interface NodeCanvas {
  encode(format: "png"): Promise<Buffer>;
}
interface NodeContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/**
 * Renders one page to a PNG at up to 300 dpi, scaled down to stay within `maxPixels`.
 * The canvas comes from the document's own factory: pdf.js bundles its own @napi-rs/canvas,
 * and mixing objects from two copies of that library fails (Path2D is not recognised).
 */
export async function renderPageToPng(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  maxPixels = MAX_RENDER_PIXELS,
): Promise<Buffer> {
  const base = page.getViewport({ scale: 1 });
  let scale = RENDER_DPI / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const factory = doc.canvasFactory as unknown as CanvasFactory;
  const pair = factory.create(width, height);
  try {
    pair.context.fillStyle = "#ffffff";
    pair.context.fillRect(0, 0, width, height);
    await page.render({
      canvas: pair.canvas as unknown as RenderParams["canvas"],
      canvasContext: pair.context as unknown as RenderParams["canvasContext"],
      viewport,
    }).promise;
    return await pair.canvas.encode("png");
  } finally {
    factory.destroy(pair);
  }
}
