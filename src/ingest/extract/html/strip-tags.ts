import { decodeEntities } from "./entities.js";

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "tr",
  "li",
  "ul",
  "ol",
  "table",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "hr",
  "section",
  "article",
  "header",
  "footer",
  "address",
  "dt",
  "dd",
  "title",
]);
const CELL = new Set(["td", "th"]);
const SKIP_CONTENT = new Set(["script", "style", "head", "noscript", "template"]);

/**
 * A linear, non-recursive HTML-to-text fallback for markup that defeats the tree-based
 * converter (pathologically deep nesting). It drops tags, comments, scripts and styles,
 * turns block ends into line breaks and table cells into tabs, and decodes entities.
 */
export function stripTags(html: string): string {
  const out: string[] = [];
  const re =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>?|([^<]+|<)/g;
  let skipping: string | undefined;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const [, closing, rawName, text] = m;
    if (text !== undefined) {
      if (!skipping) out.push(decodeEntities(text).replace(/[ \t\r\n\f]+/g, " "));
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (skipping) {
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    if (!closing && SKIP_CONTENT.has(name) && !m[0].endsWith("/>")) {
      skipping = name;
      continue;
    }
    if (CELL.has(name) && closing) out.push("\t");
    else if (BLOCK.has(name)) out.push("\n");
  }
  return tidy(out.join(""));
}

/** Trims each line, removes trailing tabs and collapses runs of blank lines. */
export function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/^[ ]+|[ \t]+$/g, "").replace(/ *\t */g, "\t"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
