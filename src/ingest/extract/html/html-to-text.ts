import { compile, type FormatCallback, type HtmlToTextOptions } from "html-to-text";
import { stripTags, tidy } from "./strip-tags.js";

// Beyond this tag depth the recursive converter risks the stack; use the linear fallback.
const MAX_TREE_DEPTH = 400;

type DomNode = Parameters<FormatCallback>[0];

/** A data table as lines of tab-separated cells (a row's cells stay on one line when they can). */
const tabTable: FormatCallback = (elem, walk, builder, formatOptions) => {
  builder.openTable();
  const visit = (node: DomNode): void => {
    if (node.type !== "tag") return;
    switch (node.name) {
      case "thead":
      case "tbody":
      case "tfoot":
        for (const child of node.children ?? []) visit(child);
        return;
      case "tr":
        builder.openTableRow();
        for (const cell of node.children ?? []) {
          if (cell.type !== "tag" || (cell.name !== "td" && cell.name !== "th")) continue;
          builder.openTableCell();
          walk(cell.children ?? [], builder);
          builder.closeTableCell();
        }
        builder.closeTableRow();
        return;
      default:
        return;
    }
  };
  for (const child of elem.children ?? []) visit(child);
  builder.closeTable({
    tableToString: (rows) =>
      rows
        .map((cells) =>
          cells
            .map((c) => c.text)
            .join("\t")
            .replace(/\t+$/, ""),
        )
        .filter((line) => line.trim() !== "")
        .join("\n"),
    leadingLineBreaks: (formatOptions["leadingLineBreaks"] as number | undefined) ?? 1,
    trailingLineBreaks: (formatOptions["trailingLineBreaks"] as number | undefined) ?? 1,
  });
};

/** Images contribute their alt text only (a src may be a megabyte data: URI). */
const imageAlt: FormatCallback = (elem, _walk, builder) => {
  const alt = (elem.attribs as Record<string, string> | undefined)?.["alt"];
  if (alt) builder.addInline(alt, { noWordTransform: true });
};

const heading = (lead: number) => ({
  format: "heading",
  options: { uppercase: false, leadingLineBreaks: lead },
});

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  formatters: { tabTable, imageAlt },
  selectors: [
    {
      selector: "a",
      options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["<", ">"], noAnchorUrl: true },
    },
    { selector: "img", format: "imageAlt" },
    { selector: "table", format: "tabTable", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "noscript", format: "skip" },
    { selector: "template", format: "skip" },
    { selector: "head", format: "skip" },
    { selector: "ul", options: { itemPrefix: " - " } },
    { selector: "h1", ...heading(2) },
    { selector: "h2", ...heading(2) },
    { selector: "h3", ...heading(2) },
    { selector: "h4", ...heading(2) },
    { selector: "h5", ...heading(2) },
    { selector: "h6", ...heading(2) },
  ],
};

let converter: ((html: string) => string) | undefined;

/** Depth of the deepest open-tag nesting, counted linearly (stops early at `cap`). */
export function nestingDepth(html: string, cap = Number.POSITIVE_INFINITY): number {
  const VOID = /^(?:br|img|hr|meta|link|input|area|base|col|embed|param|source|track|wbr)$/i;
  // [^<>] keeps each attempt within one tag, so unclosed "<" cannot make this quadratic.
  const re = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.test(m[2] ?? "")) {
      depth++;
      if (depth > max) max = depth;
      if (max >= cap) return max;
    }
  }
  return max;
}

/**
 * HTML (a mail body or an attachment) to plain text: no wrapping, tables as tab-separated
 * rows, no scripts or styles, link targets only when they differ from the link text.
 * Pathologically deep markup goes to a linear tag stripper instead of the tree walker.
 */
export function htmlToText(html: string): string {
  if (nestingDepth(html, MAX_TREE_DEPTH) >= MAX_TREE_DEPTH) return stripTags(html);
  try {
    converter ??= compile(OPTIONS);
    return tidy(converter(html));
  } catch {
    // A stack overflow or a converter bug on odd markup: the stripper never recurses.
    return stripTags(html);
  }
}
