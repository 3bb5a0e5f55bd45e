/**
 * A cache bounded by total cost (bytes) that approximates least-recently-used eviction with
 * two generations: hits in the young map cost one lookup, hits in the old map are promoted,
 * and when the young map fills its half of the budget the old one is dropped whole. This
 * avoids the delete-and-reinsert on every hit of an exact LRU, which dominated profiles.
 */
export class LruCache<K, V> {
  private young = new Map<K, { value: V; cost: number }>();
  private old = new Map<K, { value: V; cost: number }>();
  private youngCost = 0;
  private oldCost = 0;
  private readonly half: number;

  constructor(maxCost: number) {
    this.half = Math.max(1, Math.floor(maxCost / 2));
  }

  get(key: K): V | undefined {
    const y = this.young.get(key);
    if (y) return y.value;
    const o = this.old.get(key);
    if (!o) return undefined;
    this.old.delete(key);
    this.oldCost -= o.cost;
    this.insert(key, o);
    return o.value;
  }

  set(key: K, value: V, cost: number): void {
    if (cost > this.half) return;
    const prev = this.young.get(key);
    if (prev) {
      this.youngCost -= prev.cost;
      this.young.delete(key);
    }
    const o = this.old.get(key);
    if (o) {
      this.oldCost -= o.cost;
      this.old.delete(key);
    }
    this.insert(key, { value, cost });
  }

  private insert(key: K, entry: { value: V; cost: number }): void {
    if (this.youngCost + entry.cost > this.half) {
      this.old = this.young;
      this.oldCost = this.youngCost;
      this.young = new Map();
      this.youngCost = 0;
    }
    this.young.set(key, entry);
    this.youngCost += entry.cost;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Total cost held; never more than the budget given to the constructor. */
  get cost(): number {
    return this.youngCost + this.oldCost;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.youngCost = 0;
    this.oldCost = 0;
  }
}
