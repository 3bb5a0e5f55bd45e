import type { ExceptionInput } from "../../../core/exception.js";
import { decodeWith, encodingOfCodePage } from "../../mapi/codepage.js";
import { codePageOfCharset } from "./rtf-charsets.js";
import { SKIPPED_DESTINATIONS, SYMBOL_TEXT, WORD_TEXT } from "./rtf-words.js";

/**
 * A small RTF reader: one pass over the characters, a stack of group states, and output of
 * either the document text ("text") or the HTML that Outlook encapsulated in it ("html",
 * [MS-OXRTFEX]). The input is RTF as a string whose characters 0x80–0xFF stand for bytes
 * (a latin1 view of the file), which is how 8-bit RTF text and \'hh escapes are decoded with
 * the document's or the font's code page.
 */

export type RtfMode = "text" | "html";

export interface RtfResult {
  text: string;
  /** The document declares \fromhtml1 (HTML encapsulated by Outlook). */
  fromHtml: boolean;
  /** The document declares \fromtext (plain text encapsulated by Outlook). */
  fromText: boolean;
  /** Embedded OLE objects (\objdata) and pictures (\pict) that were skipped. */
  objects: number;
  pictures: number;
  exceptions: ExceptionInput[];
}

interface Group {
  skip: boolean;
  uc: number;
  font: number | undefined;
  fontTable: boolean;
  htmlTag: boolean;
  htmlRtf: boolean;
  /** No content has been seen in this group yet, so a control word may name a destination. */
  first: boolean;
  star: boolean;
}

/** Groups nested deeper than this are read as if flat (hostile input). */
const MAX_DEPTH = 1000;
/** Longest control word and parameter the RTF spec allows (32 letters, 10 digits). */
const MAX_WORD = 32;
const MAX_PARAM = 10;

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

export function interpretRtf(rtf: string, mode: RtfMode): RtfResult {
  const out: string[] = [];
  const exceptions: ExceptionInput[] = [];
  let fromHtml = false;
  let fromText = false;
  let objects = 0;
  let pictures = 0;

  const stack: Group[] = [];
  let g: Group = {
    skip: false,
    uc: 1,
    font: undefined,
    fontTable: false,
    htmlTag: false,
    htmlRtf: false,
    first: false,
    star: false,
  };
  let overflow = 0;
  let depthReported = false;
  let sawGroup = false;

  let docCodePage = 1252;
  let defaultFont: number | undefined;
  const fontCodePages = new Map<number, number>();
  let fontBeingDefined: number | undefined;
  const encodingCache = new Map<number, string>();

  let pendingBytes: number[] = [];
  let pendingEncoding = "cp1252";
  /** Fallback characters still to drop after a \uN. */
  let ucSkip = 0;

  const newline = mode === "html" ? "\r\n" : "\n";

  function suppressed(): boolean {
    if (g.skip) return true;
    return mode === "html" && g.htmlRtf && !g.htmlTag;
  }

  function currentEncoding(): string {
    const font = g.font ?? defaultFont;
    const cp = (font !== undefined ? fontCodePages.get(font) : undefined) ?? docCodePage;
    let enc = encodingCache.get(cp);
    if (!enc) {
      enc = encodingOfCodePage(cp) ?? "cp1252";
      encodingCache.set(cp, enc);
    }
    return enc;
  }

  function flushBytes(): void {
    if (pendingBytes.length === 0) return;
    out.push(decodeWith(Uint8Array.from(pendingBytes), pendingEncoding));
    pendingBytes = [];
  }

  function emit(s: string): void {
    if (suppressed()) return;
    flushBytes();
    out.push(s);
  }

  function emitByte(b: number): void {
    if (suppressed()) return;
    const enc = currentEncoding();
    if (pendingBytes.length > 0 && enc !== pendingEncoding) flushBytes();
    pendingEncoding = enc;
    pendingBytes.push(b);
  }

  /** Handles a control word; returns how many characters of raw data follow (for \bin). */
  function controlWord(word: string, param: number | undefined): number {
    if (g.first) {
      g.first = false;
      if (g.star) {
        if (mode === "html" && word === "htmltag") {
          g.htmlTag = true;
          g.htmlRtf = false;
        } else {
          if (!g.skip && word === "objdata") objects++;
          g.skip = true;
        }
        return 0;
      }
      if (SKIPPED_DESTINATIONS.has(word)) {
        if (!g.skip && word === "objdata") objects++;
        if (!g.skip && word === "pict") pictures++;
        g.skip = true;
        if (word === "fonttbl") g.fontTable = true;
        return 0;
      }
    }
    if (g.fontTable) {
      if (word === "f" && param !== undefined) fontBeingDefined = param;
      else if (
        (word === "fcharset" || word === "cpg") &&
        param !== undefined &&
        fontBeingDefined !== undefined
      ) {
        const cp = word === "cpg" ? param : codePageOfCharset(param);
        if (cp !== undefined && (word === "cpg" || !fontCodePages.has(fontBeingDefined))) {
          fontCodePages.set(fontBeingDefined, cp);
        }
      }
      return 0;
    }
    switch (word) {
      case "bin":
        return param !== undefined && param > 0 ? param : 0;
      case "u": {
        if (param === undefined) return 0;
        emit(String.fromCharCode(param < 0 ? param + 65536 : param & 0xffff));
        ucSkip = g.uc;
        return 0;
      }
      case "uc":
        g.uc = param !== undefined && param >= 0 && param <= 10 ? param : 1;
        return 0;
      case "f":
        g.font = param;
        return 0;
      case "plain":
        g.font = undefined;
        return 0;
      case "deff":
        defaultFont = param;
        return 0;
      case "ansicpg":
        if (param !== undefined && param > 0) docCodePage = param;
        return 0;
      case "mac":
        docCodePage = 10000;
        return 0;
      case "pc":
        docCodePage = 437;
        return 0;
      case "pca":
        docCodePage = 850;
        return 0;
      case "fromhtml":
        fromHtml = param !== 0;
        return 0;
      case "fromtext":
        fromText = true;
        return 0;
      case "htmlrtf":
        g.htmlRtf = param !== 0;
        return 0;
      case "par":
      case "line":
      case "sect":
      case "page":
      case "row":
      case "nestrow":
        emit(newline);
        return 0;
      default: {
        const t = WORD_TEXT[word];
        if (t !== undefined) emit(t);
        return 0;
      }
    }
  }

  const n = rtf.length;
  let i = 0;
  while (i < n) {
    const c = rtf.charCodeAt(i);

    if (c === 0x7b /* { */) {
      flushBytes();
      ucSkip = 0;
      sawGroup = true;
      if (stack.length >= MAX_DEPTH) {
        overflow++;
        if (!depthReported) {
          exceptions.push({ reason: "corrupt", detail: `RTF groups are nested deeper than ${MAX_DEPTH}` });
          depthReported = true;
        }
      } else {
        stack.push(g);
        g = { ...g, first: true, star: false };
      }
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      flushBytes();
      ucSkip = 0;
      if (overflow > 0) overflow--;
      else {
        const parent = stack.pop();
        if (parent) g = parent;
      }
      i++;
      continue;
    }
    if (c === 0x5c /* \ */) {
      i++;
      if (i >= n) break;
      const d = rtf.charCodeAt(i);
      if (isLetter(d)) {
        const start = i;
        while (i < n && i - start < MAX_WORD && isLetter(rtf.charCodeAt(i))) i++;
        const word = rtf.slice(start, i);
        let param: number | undefined;
        let neg = false;
        if (i < n && rtf.charCodeAt(i) === 0x2d && i + 1 < n && isDigit(rtf.charCodeAt(i + 1))) {
          neg = true;
          i++;
        }
        if (i < n && isDigit(rtf.charCodeAt(i))) {
          const ps = i;
          while (i < n && i - ps < MAX_PARAM && isDigit(rtf.charCodeAt(i))) i++;
          param = Number(rtf.slice(ps, i)) * (neg ? -1 : 1);
        }
        if (i < n && rtf.charCodeAt(i) === 0x20) i++; // the delimiting space belongs to the word
        if (ucSkip > 0 && word !== "bin") {
          ucSkip--;
          continue;
        }
        flushBytes();
        const skipData = controlWord(word, param);
        if (skipData > 0) i = Math.min(n, i + skipData);
        continue;
      }
      if (d === 0x27 /* ' */) {
        const h1 = i + 1 < n ? hexValue(rtf.charCodeAt(i + 1)) : -1;
        const h2 = i + 2 < n ? hexValue(rtf.charCodeAt(i + 2)) : -1;
        i += 1 + (h1 >= 0 ? 1 : 0) + (h1 >= 0 && h2 >= 0 ? 1 : 0);
        if (h1 < 0 || h2 < 0) continue;
        if (ucSkip > 0) {
          ucSkip--;
          continue;
        }
        g.first = false;
        emitByte(h1 * 16 + h2);
        continue;
      }
      i++;
      if (d === 0x2a /* * */) {
        if (g.first) g.star = true;
        continue;
      }
      if (ucSkip > 0) {
        ucSkip--;
        continue;
      }
      g.first = false;
      const sym = String.fromCharCode(d);
      if (sym === "\n" || sym === "\r") emit(newline);
      else {
        const t = SYMBOL_TEXT[sym];
        if (t !== undefined) emit(t);
      }
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    // Plain text.
    if (ucSkip > 0) {
      ucSkip--;
      i++;
      continue;
    }
    g.first = false;
    if (c >= 0x80 && c <= 0xff) {
      emitByte(c);
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const k = rtf.charCodeAt(i);
      if (k === 0x5c || k === 0x7b || k === 0x7d || k === 0x0d || k === 0x0a || (k >= 0x80 && k <= 0xff))
        break;
      i++;
    }
    if (c !== 0) emit(rtf.slice(start, i).replace(/\0/g, ""));
  }
  flushBytes();
  if (sawGroup && stack.length + overflow > 0) {
    exceptions.push({
      reason: "truncated",
      detail: `RTF ends with ${stack.length + overflow} groups still open`,
    });
  }
  return { text: out.join(""), fromHtml, fromText, objects, pictures, exceptions };
}
