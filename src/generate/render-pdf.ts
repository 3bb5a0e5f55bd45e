import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** Only WinAnsi characters can be drawn with the standard fonts; callers keep text to Latin-1. */
export function pdfSafe(line: string): boolean {
  return /^[\x20-\x7e\u00a0-\u00ff]*$/.test(line);
}

/** A letter-size PDF with a real text layer, one canonical line per drawn line. */
export async function renderTextPdf(lines: readonly string[], title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  fixMetadata(pdf, title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const size = 10;
  const leading = 13;
  let page = pdf.addPage([612, 792]);
  let y = 740;
  lines.forEach((line, i) => {
    if (y < 60) {
      page = pdf.addPage([612, 792]);
      y = 740;
    }
    page.drawText(line, {
      x: 54,
      y,
      size: i === 0 ? 13 : size,
      font: i === 0 ? bold : font,
      color: rgb(0.05, 0.05, 0.05),
    });
    y -= i === 0 ? leading + 6 : leading;
  });
  return pdf.save({ useObjectStreams: false });
}

/** A PDF whose pages are only images: what a scanner or fax server produces. */
export async function renderImagePdf(
  pages: readonly Uint8Array[],
  kind: "png" | "jpeg",
  title: string,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  fixMetadata(pdf, title);
  for (const bytes of pages) {
    const img = kind === "png" ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
    const page = pdf.addPage([612, 792]);
    page.drawImage(img, { x: 0, y: 0, width: 612, height: 792 });
  }
  return pdf.save({ useObjectStreams: false });
}

function fixMetadata(pdf: PDFDocument, title: string): void {
  pdf.setTitle(title);
  pdf.setProducer("breachscope synthetic generator");
  pdf.setCreator("breachscope");
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
}
