const UNITS: Record<string, number> = {
  "": 1,
  B: 1,
  K: 1024,
  KB: 1024,
  KIB: 1024,
  M: 1024 ** 2,
  MB: 1024 ** 2,
  MIB: 1024 ** 2,
  G: 1024 ** 3,
  GB: 1024 ** 3,
  GIB: 1024 ** 3,
  T: 1024 ** 4,
  TB: 1024 ** 4,
  TIB: 1024 ** 4,
};

/** Parses "5GB", "200 MB", "1.5g" or "1048576" into bytes (binary units: 1 KB = 1024 B). */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[(m[2] ?? "").toUpperCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`Not a size: "${text}" (expected e.g. 200MB, 5GB)`);
  return Math.round(Number(m[1]) * unit);
}
