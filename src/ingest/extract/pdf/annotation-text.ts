/** The fields of a pdf.js annotation that can carry text a person typed. */
interface AnnotationLike {
  subtype?: string;
  fieldType?: string;
  fieldName?: string;
  fieldValue?: unknown;
  alternativeText?: string;
  contentsObj?: { str?: string };
}

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(", ");
  return "";
}

/**
 * Text that lives in a page's annotations rather than its content stream, so the text
 * layer misses it: filled form fields (an intake form's patient name, DOB) as
 * "label: value", and comments, sticky notes and free-text boxes.
 */
export function annotationText(annotations: readonly unknown[]): string {
  const lines: string[] = [];
  for (const raw of annotations) {
    const a = raw as AnnotationLike;
    if (a.subtype === "Widget") {
      // Text fields and choice lists; check boxes and buttons hold only on/off states.
      if (a.fieldType !== "Tx" && a.fieldType !== "Ch") continue;
      const value = valueText(a.fieldValue).trim();
      if (!value) continue;
      const label = a.alternativeText?.trim() || a.fieldName?.split(".").pop() || "field";
      lines.push(`${label}: ${value.replace(/\r\n?/g, "\n")}`);
    } else if (a.subtype !== "Link" && a.subtype !== "Popup") {
      const note = a.contentsObj?.str?.trim();
      if (note) lines.push(note.replace(/\r\n?/g, "\n"));
    }
  }
  return lines.join("\n");
}
