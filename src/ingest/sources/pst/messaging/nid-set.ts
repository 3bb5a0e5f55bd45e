/**
 * A set of NIDs as a bitmap over the NID index (the NID without its 5 type bits). It costs one
 * bit per possible index up to the highest one added (at most 16 MiB), far less than a Set of
 * millions of numbers.
 */
export class NidSet {
  private bits = new Uint8Array(1024);

  add(nid: number): void {
    const i = nid >>> 5;
    const byte = i >>> 3;
    if (byte >= this.bits.length) {
      let size = this.bits.length;
      while (size <= byte) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[byte]! |= 1 << (i & 7);
  }

  has(nid: number): boolean {
    const i = nid >>> 5;
    const byte = this.bits[i >>> 3];
    return byte !== undefined && (byte & (1 << (i & 7))) !== 0;
  }
}
