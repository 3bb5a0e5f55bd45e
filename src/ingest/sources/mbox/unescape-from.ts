const GT = 0x3e;
const FROM = Buffer.from("From ");

/** True when `bytes[i..]` is one or more ">" followed by "From ". */
function isQuotedFrom(bytes: Buffer, i: number): boolean {
  let j = i;
  while (j < bytes.length && bytes[j] === GT) j++;
  return j > i && bytes.compare(FROM, 0, FROM.length, j, j + FROM.length) === 0;
}

/**
 * Undoes MBOX "From " quoting: a line that is ">From ", ">>From ", … loses one ">" (mboxrd;
 * for mboxo files this restores the common single-level case). Returns the input itself
 * when nothing is quoted, which is the usual case.
 */
export function unescapeFromLines(bytes: Buffer): Buffer {
  const starts: number[] = [];
  if (bytes.length > 0 && bytes[0] === GT && isQuotedFrom(bytes, 0)) starts.push(0);
  let i = bytes.indexOf("\n>");
  while (i >= 0) {
    if (isQuotedFrom(bytes, i + 1)) starts.push(i + 1);
    i = bytes.indexOf("\n>", i + 2);
  }
  if (starts.length === 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length - starts.length);
  let from = 0;
  let to = 0;
  for (const s of starts) {
    to += bytes.copy(out, to, from, s);
    from = s + 1;
  }
  bytes.copy(out, to, from);
  return out;
}
