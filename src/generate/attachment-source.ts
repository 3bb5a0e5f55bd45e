import type { Attachment } from "./attachment.js";
import type { DocumentKind } from "./documents.js";
import type { Person } from "./people.js";

/** Where message builders get files from; the incident decides between new files and re-sends. */
export interface AttachmentSource {
  /** A patient list of these patients (CSV or XLSX). */
  sheet(patients: readonly Person[]): Promise<Attachment>;
  /** A letter or report about `p` (PDF, DOCX or a scan). */
  document(kind: DocumentKind, p: Person): Promise<Attachment>;
  /** A ZIP of a few lists and documents. */
  bundle(patients: readonly Person[]): Promise<Attachment>;
  /** A file sent before, sent again (or undefined when nothing was sent yet). */
  resend(): Attachment | undefined;
}
