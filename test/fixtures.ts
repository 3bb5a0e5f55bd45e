import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared fixtures folder (../shared/fixtures beside the repository), read in place, never copied. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/fixtures");

export const hasFixtures = existsSync(FIXTURES_DIR);

/** Added to the names of fixture-based suites: says why they are skipped when the fixtures are absent. */
export const NO_FIXTURES = hasFixtures
  ? ""
  : `(skipped: ${FIXTURES_DIR} is absent; these tests read ../shared/fixtures)`;

export function fixture(rel: string): string {
  return join(FIXTURES_DIR, rel);
}

/** Path to a file inside an installed npm package (pst-extractor ships larger real PST/OST files). */
export function packageFile(pkg: string, rel: string): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../node_modules", pkg, rel);
}
