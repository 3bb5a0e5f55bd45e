import type { Attachment, AttachmentSpan } from "./attachment.js";
import { withOrder } from "./attachment.js";
import { BOILERPLATE_PAGE_COUNT, boilerplatePage } from "./boilerplate-pages.js";
import type { GenContext } from "./context.js";
import { type DocumentKind, makeDocument } from "./documents.js";
import type { Person } from "./people.js";
import { renderDocx } from "./render-docx.js";
import { pdfSafe, renderImagePdf, renderTextPdf } from "./render-pdf.js";
import { renderScanImage, SCAN_LINES_PER_PAGE } from "./render-scan.js";
import { patientTable } from "./sheets.js";
import { renderCsv, renderXlsx } from "./table.js";
import { writeZip } from "./zip.js";

export type DocumentFormat = "pdf" | "docx" | "png" | "jpeg" | "pdf-scan";

/** A spreadsheet or CSV patient list, the way patients hide in bulk. */
export async function sheetAttachment(
  ctx: GenContext,
  patients: readonly Person[],
  format: "csv" | "xlsx",
): Promise<Attachment> {
  const table = patientTable(ctx, patients);
  const stem = ctx.rng.pick([
    "patient_list",
    "Appt_List",
    "census",
    "AR_export",
    "denials",
    "worklist",
    "Report",
    "outreach",
  ]);
  const suffix = ctx.rng.chance(0.5) ? `_${ctx.rng.int(1, 12)}-${ctx.rng.int(1, 28)}` : "";
  const name = `${stem}${suffix}.${format}`;
  return format === "csv" ? renderCsv(table, name) : renderXlsx(table, name);
}

/** A letter or report about one patient, as a text PDF, a DOCX or a scan (image or image-only PDF). */
export async function documentAttachment(
  ctx: GenContext,
  kind: DocumentKind,
  p: Person,
  format: DocumentFormat,
  /** Most boilerplate pages (no personal data) appended to a scanned PDF. */
  maxExtraPages = 2,
): Promise<Attachment> {
  const content = makeDocument(ctx, kind, p);
  const doc = content.doc.wrap(format === "pdf" || format === "docx" ? 95 : 70);
  const text = doc.toString();
  const lines = doc.lines();
  const spans: AttachmentSpan[] = withOrder(doc.spans);
  const base = { text, spans, decoys: [...doc.decoys], about: p.id };
  // Standard PDF fonts only cover Latin-1; other names go to DOCX instead.
  let fmt: DocumentFormat = format === "pdf" && !lines.every(pdfSafe) ? "docx" : format;
  if ((fmt === "png" || fmt === "jpeg") && lines.length > SCAN_LINES_PER_PAGE) fmt = "pdf-scan";
  switch (fmt) {
    case "pdf":
      return {
        ...base,
        name: `${content.stem}.pdf`,
        mediaType: "application/pdf",
        textKind: "pdf",
        bytes: await renderTextPdf(lines, content.title),
      };
    case "docx":
      return {
        ...base,
        name: `${content.stem}.docx`,
        mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        textKind: "docx",
        bytes: await renderDocx(lines, content.title),
      };
    case "png":
    case "jpeg":
      return {
        ...base,
        name: `${ctx.rng.pick(["scan", "IMG", "Scan", "fax"])}_${ctx.rng.digits(4)}.${fmt === "png" ? "png" : "jpg"}`,
        mediaType: fmt === "png" ? "image/png" : "image/jpeg",
        textKind: "image",
        bytes: renderScanImage(lines.slice(0, SCAN_LINES_PER_PAGE), ctx.rng, fmt),
      };
    default: {
      const extra = ctx.rng.int(0, maxExtraPages);
      const pages: Uint8Array[] = [];
      for (let i = 0; i < lines.length; i += SCAN_LINES_PER_PAGE) {
        pages.push(renderScanImage(lines.slice(i, i + SCAN_LINES_PER_PAGE), ctx.rng, "jpeg"));
      }
      for (let i = 0; i < extra; i++) pages.push(boilerplatePage(ctx.rng.int(0, BOILERPLATE_PAGE_COUNT - 1)));
      return {
        ...base,
        name: `${ctx.rng.pick(["Scanned", "SCAN", "fax", "doc"])}_${ctx.rng.digits(6)}.pdf`,
        mediaType: "application/pdf",
        textKind: "pdf-scan",
        boilerplatePages: extra,
        bytes: await renderImagePdf(pages, "jpeg", content.title),
      };
    }
  }
}

/** A ZIP of other attachments; each member keeps its own truth. */
export function zipAttachment(ctx: GenContext, files: readonly Attachment[]): Attachment {
  const names = new Set<string>();
  const members = files.map((f) => {
    let n = f.name;
    for (let i = 2; names.has(n); i++) n = f.name.replace(/(\.[^.]+)$/, `_${i}$1`);
    names.add(n);
    return { ...f, name: n };
  });
  const bytes = writeZip(members.map((m) => ({ name: m.name, bytes: m.bytes })));
  return {
    name: `${ctx.rng.pick(["records", "documents", "patient_files", "for_review", "Archive"])}.zip`,
    mediaType: "application/zip",
    bytes,
    textKind: "zip",
    text: "",
    spans: [],
    decoys: [],
    entries: members,
  };
}
