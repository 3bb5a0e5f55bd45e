/** Which parts of a WordprocessingML package hold text, and in what order to read them. */

const MAIN_TYPE =
  /ContentType="application\/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.document|ms-word\.(?:document|template)\.macroEnabled)(?:\.main)?\+xml"/;

/** The main document part named in [Content_Types].xml, defaulting to word/document.xml. */
export function mainDocumentPart(contentTypes: string | undefined): string {
  if (contentTypes) {
    for (const m of contentTypes.matchAll(/<Override\b[^>]*>/g)) {
      const tag = m[0];
      if (!MAIN_TYPE.test(tag)) continue;
      const name = /PartName="\/?([^"]+)"/.exec(tag)?.[1];
      if (name) return name;
    }
  }
  return "word/document.xml";
}

export type PartKind = "header" | "footer" | "footnotes" | "endnotes" | "comments";

const KINDS: readonly [PartKind, RegExp][] = [
  ["header", /^word\/header\d*\.xml$/],
  ["footer", /^word\/footer\d*\.xml$/],
  ["footnotes", /^word\/footnotes\.xml$/],
  ["endnotes", /^word\/endnotes\.xml$/],
  ["comments", /^word\/comments\.xml$/],
];

export function partKind(name: string): PartKind | undefined {
  return KINDS.find(([, re]) => re.test(name))?.[0];
}

/** Sorts header2 after header1 and header10 after header9. */
export function byNaturalName(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** Embedded files and raster images worth passing on as children (for OCR or extraction). */
export function isChildPart(name: string): boolean {
  if (/^word\/embeddings\/[^/]+$/.test(name)) return true;
  return /^word\/media\/[^/]+\.(?:png|jpe?g|gif|tiff?|bmp|webp)$/i.test(name);
}

/** Document properties that can name a patient (title, subject, description, keywords). */
export function coreProperties(xml: string): string[] {
  const out: string[] = [];
  for (const [tag, label] of [
    ["dc:title", "Title"],
    ["dc:subject", "Subject"],
    ["dc:description", "Description"],
    ["cp:keywords", "Keywords"],
  ] as const) {
    const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
    const value = m?.[1]?.trim();
    if (value) out.push(`${label}: ${value}`);
  }
  return out;
}
