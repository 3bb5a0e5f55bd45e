import { decodeEntities } from "../html/entities.js";

/** How one XML vocabulary (WordprocessingML, DrawingML, ODF) maps to plain text. */
export interface XmlTextRules {
  /** Elements whose character data is text; `"all"` keeps character data everywhere. */
  textIn: ReadonlySet<string> | "all";
  /** Elements whose whole subtree is ignored (duplicates, field codes, styles). */
  skip: ReadonlySet<string>;
  /** Elements that end a line when they close (paragraphs, rows). */
  lineEnd: ReadonlySet<string>;
  /** Table cells: a tab when they close; line ends inside them become spaces. */
  cell: ReadonlySet<string>;
  /** Empty elements that stand for a character (tab, break, spaces). */
  chars: Readonly<Record<string, string | ((attrs: string) => string)>>;
}

interface Token {
  kind: "text" | "cdata" | "tag";
  value: string;
  name?: string;
  closing?: boolean;
  selfClose?: boolean;
  attrs?: string;
}

/**
 * Splits XML into text, CDATA and tags with indexOf scans only, so the cost stays linear
 * even for damaged parts (an unclosed "<" ends the scan instead of backtracking).
 */
function* tokens(xml: string): Generator<Token> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      yield { kind: "text", value: xml.slice(i) };
      return;
    }
    if (lt > i) yield { kind: "text", value: xml.slice(i, lt) };
    const skipTo = (endMark: string, from: number): number => {
      const e = xml.indexOf(endMark, from);
      return e < 0 ? n : e + endMark.length;
    };
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      yield { kind: "cdata", value: xml.slice(lt + 9, e < 0 ? n : e) };
      i = e < 0 ? n : e + 3;
    } else if (xml.startsWith("<!--", lt)) {
      i = skipTo("-->", lt + 4);
    } else if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      i = skipTo(">", lt + 2);
    } else {
      const gt = xml.indexOf(">", lt + 1);
      if (gt < 0) return;
      const body = xml.slice(lt + 1, gt);
      const closing = body.startsWith("/");
      const selfClose = body.endsWith("/");
      const m = /^\/?([^\s/>]+)/.exec(body);
      if (m?.[1]) {
        const name = m[1];
        const attrs = body.slice(m[0].length, selfClose ? -1 : undefined);
        yield { kind: "tag", value: "", name, closing, selfClose, attrs };
      }
      i = gt + 1;
    }
  }
}

/**
 * Turns an Office XML part into text with one linear pass over its tags (no DOM, no recursion,
 * so deep or huge parts cannot exhaust the stack). Table rows stay on one line with cells
 * separated by tabs so that a later stage can group a row's cells.
 */
export function xmlToText(xml: string, rules: XmlTextRules): string {
  const out: string[] = [];
  let textDepth = 0;
  let skipDepth = 0;
  let cellDepth = 0;
  for (const t of tokens(xml)) {
    if (t.kind !== "tag") {
      if (skipDepth === 0 && (rules.textIn === "all" || textDepth > 0)) {
        out.push(t.kind === "cdata" ? t.value : decodeEntities(t.value));
      }
      continue;
    }
    const name = t.name ?? "";
    const { closing, selfClose } = t;
    if (rules.skip.has(name)) {
      if (selfClose) continue;
      skipDepth += closing ? -1 : 1;
      if (skipDepth < 0) skipDepth = 0;
      continue;
    }
    if (skipDepth > 0) continue;
    if (rules.textIn !== "all" && rules.textIn.has(name) && !selfClose) {
      textDepth = Math.max(0, textDepth + (closing ? -1 : 1));
      continue;
    }
    const char = rules.chars[name];
    if (char !== undefined && !closing) {
      const s = typeof char === "string" ? char : char(t.attrs ?? "");
      out.push(cellDepth > 0 && s === "\n" ? " " : s);
      continue;
    }
    if (rules.cell.has(name)) {
      if (selfClose) out.push("\t");
      else if (closing) {
        cellDepth = Math.max(0, cellDepth - 1);
        out.push("\t");
      } else cellDepth++;
      continue;
    }
    if (closing && rules.lineEnd.has(name)) out.push(cellDepth > 0 ? " " : "\n");
  }
  return tidyLines(out.join(""));
}

/** Trims line ends, removes a row's trailing tab, collapses blank-line runs. */
export function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((l) =>
      l
        .replace(/[ \t]+$/, "")
        .replace(/ *\t */g, "\t")
        .replace(/ {2,}/g, " "),
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const repeatSpaces = (attrs: string): string => {
  const n = Number(/text:c\s*=\s*["'](\d+)["']/.exec(attrs)?.[1] ?? "1");
  return " ".repeat(Math.min(Math.max(n, 1), 100));
};

/** WordprocessingML (DOCX body, headers, footers, notes, comments), text boxes included. */
export const WORD_RULES: XmlTextRules = {
  // delText is deleted tracked-change text: still in the file, so still exposed.
  textIn: new Set(["w:t", "w:delText", "m:t", "a:t"]),
  // mc:Fallback repeats mc:Choice content (e.g. VML copies of text boxes).
  skip: new Set(["mc:Fallback", "w:instrText", "w:delInstrText"]),
  lineEnd: new Set(["w:p", "w:tr", "a:p"]),
  cell: new Set(["w:tc"]),
  chars: { "w:tab": "\t", "w:ptab": "\t", "w:br": "\n", "w:cr": "\n", "w:noBreakHyphen": "-", "a:br": "\n" },
};

/** DrawingML text (PPTX slides and notes, charts, SmartArt). */
export const DRAWING_RULES: XmlTextRules = {
  textIn: new Set(["a:t"]),
  skip: new Set(["mc:Fallback"]),
  lineEnd: new Set(["a:p", "a:tr"]),
  cell: new Set(["a:tc"]),
  chars: { "a:br": "\n", "a:tab": "\t" },
};

/** OpenDocument content.xml (ODT text; tables as rows). */
export const ODF_RULES: XmlTextRules = {
  textIn: "all",
  skip: new Set([
    "office:font-face-decls",
    "office:automatic-styles",
    "office:styles",
    "office:scripts",
    "text:sequence-decls",
    "text:variable-decls",
    "table:table-columns",
    "table:table-column",
  ]),
  lineEnd: new Set(["text:p", "text:h", "table:table-row"]),
  cell: new Set(["table:table-cell", "table:covered-table-cell"]),
  chars: { "text:tab": "\t", "text:line-break": "\n", "text:s": repeatSpaces },
};
