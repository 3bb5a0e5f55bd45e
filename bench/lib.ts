/** Helpers shared by the benchmarks: command-line values and sizes on disk. */
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, from a benchmark run from source (tsx) or from dist/. */
export function repoRoot(moduleUrl: string): string {
  const self = fileURLToPath(moduleUrl);
  return resolve(dirname(self), self.includes("/dist/") ? "../.." : "..");
}

/** The value after `--name` on the command line, or the fallback. */
export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Bytes of a file, or of every file under a directory. */
export function dirBytes(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  let n = 0;
  for (const e of readdirSync(p)) n += dirBytes(join(p, e));
  return n;
}
