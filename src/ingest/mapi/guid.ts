/** Canonical lowercase form of a GUID stored in its mixed-endian binary layout (MAPI, CFB, TNEF). */
export function guidToString(b: Uint8Array, offset = 0): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const parts: string[] = [];
    for (let i = from; i < to; i++) parts.push((b[offset + i] ?? 0).toString(16).padStart(2, "0"));
    return (reverse ? parts.reverse() : parts).join("");
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}
