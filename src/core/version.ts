import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageJson(): string {
  // Works from src/ (tests, tsx) and from dist/src/ (built).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      return readFileSync(join(dir, "package.json"), "utf8");
    } catch {
      dir = dirname(dir);
    }
  }
  return '{"version":"0.0.0"}';
}

export const VERSION: string = (JSON.parse(findPackageJson()) as { version: string }).version;
