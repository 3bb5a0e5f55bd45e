import { parseStructuredHeader } from "./header-params.js";

/** One leaf part of a MIME tree as the structure scan sees it. */
export interface MimeLeaf {
  /** IMAP-style part number: "1", "1.2", "2.1.3". */
  id: string;
  contentType: string;
  charset?: string;
  disposition: string;
  /** Would the parser take this part as the text or HTML body (rather than an attachment)? */
  isBody: boolean;
  /** S/MIME enveloped data, or a part under multipart/encrypted, or an inline PGP message. */
  encrypted: boolean;
}

export interface MimeStructure {
  /** The top header block, up to the blank line that ends it. */
  headerEnd: number;
  /** Every leaf part, up to the part cap (`leafCount` counts them all). */
  leaves: MimeLeaf[];
  leafCount: number;
  bodyLeafCount: number;
  /** All parts, containers included. */
  partCount: number;
  /** Deepest multipart nesting seen (the top part is depth 0). */
  maxDepthSeen: number;
  partsExceeded: boolean;
  depthExceeded: boolean;
  /** When a limit was hit: the offset where the parser's input should end. */
  truncateAt?: number;
  /** Charsets declared by text parts, for the unknown-charset check. */
  charsets: Set<string>;
}

interface Node {
  id: string;
  depth: number;
  parent: Node | undefined;
  childCount: number;
  headerLines: string[];
  headerBytes: number;
  state: "header" | "body";
  multipart: string | false;
  boundary?: Uint8Array;
  leaf?: MimeLeaf;
  underEncrypted: boolean;
}

const latin1 = new TextDecoder("latin1");
const MAX_HEADER_BYTES_PER_PART = 256 * 1024;
const PGP_BEGIN = Buffer.from("-----BEGIN PGP MESSAGE-----");

function startsWith(bytes: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[start + i] !== prefix[i]) return false;
  return true;
}

/**
 * Finds which boundary (if any) a line is, mirroring the MIME parser: "--" + boundary,
 * optionally "--" after it, then only spaces or tabs. Innermost boundaries are checked first.
 */
function matchBoundary(
  bytes: Uint8Array,
  start: number,
  end: number,
  stack: Node[],
): { index: number; terminator: boolean } | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const b = stack[i]!.boundary!;
    if (end - start < b.length + 2) continue;
    let ok = true;
    for (let j = 0; j < b.length; j++) {
      if (bytes[start + 2 + j] !== b[j]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    let pos = start + 2 + b.length;
    let terminator = false;
    if (end - pos >= 2 && bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) {
      terminator = true;
      pos += 2;
    }
    let trailingOk = true;
    for (; pos < end; pos++) {
      if (bytes[pos] !== 0x20 && bytes[pos] !== 0x09) {
        trailingOk = false;
        break;
      }
    }
    if (trailingOk) return { index: i, terminator };
  }
  return undefined;
}

/**
 * A light, independent scan of a MIME message's part tree: it reads only header blocks and
 * boundary lines, never decodes bodies. Ingest uses it to know how many parts a message
 * declares (so a parser that drops a part is noticed), to spot encrypted parts and
 * charsets, and to cut the parser's input where a part or depth limit is reached.
 */
export function scanMimeStructure(
  bytes: Uint8Array,
  limits: { maxParts: number; maxDepth: number },
): MimeStructure {
  const result: MimeStructure = {
    headerEnd: bytes.length,
    leaves: [],
    leafCount: 0,
    bodyLeafCount: 0,
    partCount: 1,
    maxDepthSeen: 0,
    partsExceeded: false,
    depthExceeded: false,
    charsets: new Set(),
  };
  const newNode = (parent: Node | undefined): Node => {
    const id = parent ? (parent.id === "" ? "" : `${parent.id}.`) + String(++parent.childCount) : "";
    return {
      id,
      depth: parent ? parent.depth + 1 : 0,
      parent,
      childCount: 0,
      headerLines: [],
      headerBytes: 0,
      state: "header",
      multipart: false,
      underEncrypted: parent ? parent.underEncrypted || parent.multipart === "encrypted" : false,
    };
  };
  const root = newNode(undefined);
  let current = root;
  const stack: Node[] = [];
  // Parts are counted even past the cap (for the declared count) but no longer recorded.
  let stopRecording = false;

  const finishHeaders = (node: Node, bodyStart: number) => {
    node.state = "body";
    if (node === root) result.headerEnd = bodyStart;
    let contentType = "";
    let disposition = "";
    for (const line of unfold(node.headerLines)) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      if (key === "content-type" && contentType === "") contentType = line.slice(colon + 1);
      else if (key === "content-disposition" && disposition === "") disposition = line.slice(colon + 1);
    }
    node.headerLines = [];
    const parentMultipart = node.parent?.multipart;
    const ct = parseStructuredHeader(contentType);
    const type = ct.value || (parentMultipart === "digest" ? "message/rfc822" : "text/plain");
    if (type.startsWith("multipart/")) {
      node.multipart = type.slice("multipart/".length);
      const boundary = ct.params["boundary"];
      if (boundary) {
        node.boundary = Buffer.from(boundary, "utf8");
        stack.push(node);
      }
      return;
    }
    const disp = parseStructuredHeader(disposition).value;
    const isBody = (type === "text/plain" || type === "text/html") && disp !== "attachment";
    const smime = (ct.params["smime-type"] ?? "").toLowerCase();
    const encrypted =
      node.underEncrypted ||
      ((type === "application/pkcs7-mime" || type === "application/x-pkcs7-mime") &&
        smime !== "signed-data" &&
        smime !== "certs-only");
    const charset = type.startsWith("text/") ? ct.params["charset"]?.trim().toLowerCase() : undefined;
    if (charset) result.charsets.add(charset);
    result.leafCount++;
    if (isBody) result.bodyLeafCount++;
    const leaf: MimeLeaf = {
      id: node.id === "" ? "1" : node.id,
      contentType: type,
      disposition: disp,
      isBody,
      encrypted,
      ...(charset ? { charset } : {}),
    };
    node.leaf = leaf;
    if (!stopRecording) result.leaves.push(leaf);
  };

  let pos = 0;
  const len = bytes.length;
  while (pos < len) {
    let nl = bytes.indexOf(0x0a, pos);
    const lineEndWithNl = nl < 0 ? len : nl + 1;
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && bytes[end - 1] === 0x0d) end--;
    const lineStart = pos;
    pos = lineEndWithNl;

    if (
      stack.length > 0 &&
      end - lineStart > 2 &&
      bytes[lineStart] === 0x2d &&
      bytes[lineStart + 1] === 0x2d
    ) {
      const hit = matchBoundary(bytes, lineStart, end, stack);
      if (hit) {
        const owner = stack[hit.index]!;
        // Closing an outer boundary also closes every part opened inside it.
        for (const n of stack.splice(hit.index + 1)) if (n.state === "header") finishHeaders(n, lineStart);
        if (current.state === "header") finishHeaders(current, lineStart);
        if (hit.terminator) {
          stack.splice(hit.index);
          current = owner.parent ?? root;
          continue;
        }
        // The parser's input is cut here when the next part would break a limit.
        if (owner.depth + 1 > limits.maxDepth) {
          result.depthExceeded = true;
          result.truncateAt ??= lineStart;
          break;
        }
        if (result.partCount + 1 > limits.maxParts) {
          result.partsExceeded = true;
          result.truncateAt ??= lineStart;
          stopRecording = true;
        }
        result.partCount++;
        current = newNode(owner);
        result.maxDepthSeen = Math.max(result.maxDepthSeen, current.depth);
        continue;
      }
    }

    if (current.state === "header") {
      if (end === lineStart) {
        finishHeaders(current, pos);
        continue;
      }
      // Bounded per part: a header block with no end is not kept whole.
      if (current.headerBytes < MAX_HEADER_BYTES_PER_PART) {
        current.headerBytes += end - lineStart;
        current.headerLines.push(latin1.decode(bytes.subarray(lineStart, Math.min(end, lineStart + 16_384))));
      }
      continue;
    }
    const leaf = current.leaf;
    if (
      leaf &&
      !leaf.encrypted &&
      bytes[lineStart] === 0x2d &&
      startsWith(bytes, lineStart, end, PGP_BEGIN)
    ) {
      leaf.encrypted = true;
    }
  }
  // Parts still reading headers at the end of the data are parts all the same.
  for (const n of stack) if (n.state === "header") finishHeaders(n, len);
  if (current.state === "header") finishHeaders(current, len);
  return result;
}

function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length > 0 && (line.startsWith(" ") || line.startsWith("\t"))) {
      out[out.length - 1] += line;
    } else {
      out.push(line);
    }
  }
  return out;
}
