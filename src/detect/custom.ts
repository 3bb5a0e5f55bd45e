import { readFile } from "node:fs/promises";
import { type DataElement, isDataElement } from "../core/elements.js";
import { escapeRegExp, findContext, lexicon } from "./context.js";
import { makeFinding, scan, standsAlone } from "./kit.js";
import type { DenyRule } from "./registry.js";
import { type Detector, type Finding, SCORE, type ScoreRung } from "./types.js";

/**
 * Custom detectors without code, from a JSON file:
 *
 * {
 *   "detectors": [
 *     { "id": "acme-mrn", "element": "MRN", "pattern": "\\bA\\d{7}\\b",
 *       "context": ["mrn", "acct"], "score": "strong", "requireContext": false,
 *       "flags": "i", "description": "ACME MRNs" }
 *   ],
 *   "deny":  ["555-867-5309", { "value": "ACME Health", "element": "PERSON_NAME" }],
 *   "allow": [{ "id": "vip-list", "element": "MRN", "values": ["A0000001"], "score": "confirmed" }]
 * }
 *
 * - `detectors`: `pattern` is a JavaScript regular expression (no lookbehind restrictions); the
 *   whole match is the finding. `score` is the rung when a context word is found before the match
 *   (default `likely`); without context the finding is one rung lower, or dropped when
 *   `requireContext` is true.
 * - `deny`: values never reported, by any detector (or only for `element`). Matching is
 *   case-insensitive on the whole finding text, whitespace collapsed.
 * - `allow`: known sensitive values always reported (as whole words) with the element and rung given
 *   (default `confirmed`) — e.g. a roster's MRNs.
 *
 * YAML is not supported yet (no YAML parser is installed); a `.yaml`/`.yml` path is rejected clearly.
 */
export interface CustomConfig {
  detectors: Detector[];
  deny: DenyRule[];
}

export class CustomConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomConfigError";
  }
}

const RUNGS = Object.keys(SCORE) as ScoreRung[];
const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export async function loadCustomConfigFile(path: string): Promise<CustomConfig> {
  if (/\.ya?ml$/i.test(path))
    throw new CustomConfigError(`${path}: YAML is not supported yet; write the file as JSON`);
  const text = await readFile(path, "utf8");
  return parseCustomConfig(text, path);
}

export function parseCustomConfig(json: string, source = "custom config"): CustomConfig {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new CustomConfigError(
      `${source}: not valid JSON (${err instanceof Error ? err.message : "parse error"})`,
    );
  }
  return compileCustomConfig(data, source);
}

export function compileCustomConfig(data: unknown, source = "custom config"): CustomConfig {
  if (!isObject(data)) throw new CustomConfigError(`${source}: expected a JSON object at the top level`);
  for (const key of Object.keys(data)) {
    if (!["detectors", "deny", "allow"].includes(key))
      throw new CustomConfigError(`${source}: unknown key "${key}" (expected detectors, deny, allow)`);
  }
  const detectors: Detector[] = [];
  const ids = new Set<string>();
  const list = (key: string): unknown[] => {
    const v = data[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new CustomConfigError(`${source}: "${key}" must be an array`);
    return v;
  };
  list("detectors").forEach((entry, i) => {
    const where = `${source}: detectors[${i}]`;
    const d = patternDetector(entry, where);
    if (ids.has(d.meta.id)) throw new CustomConfigError(`${where}: duplicate id "${d.meta.id}"`);
    ids.add(d.meta.id);
    detectors.push(d);
  });
  list("allow").forEach((entry, i) => {
    const where = `${source}: allow[${i}]`;
    const d = allowDetector(entry, where, i);
    if (ids.has(d.meta.id)) throw new CustomConfigError(`${where}: duplicate id "${d.meta.id}"`);
    ids.add(d.meta.id);
    detectors.push(d);
  });
  const deny: DenyRule[] = list("deny").map((entry, i) => {
    const where = `${source}: deny[${i}]`;
    if (typeof entry === "string") {
      if (!entry.trim()) throw new CustomConfigError(`${where}: empty value`);
      return { value: entry };
    }
    if (!isObject(entry) || typeof entry.value !== "string" || !entry.value.trim())
      throw new CustomConfigError(`${where}: expected a string or { "value": string, "element"?: string }`);
    const rule: DenyRule = { value: entry.value };
    if (entry.element !== undefined) rule.element = element(entry.element, where);
    return rule;
  });
  return { detectors, deny };
}

function patternDetector(entry: unknown, where: string): Detector {
  if (!isObject(entry)) throw new CustomConfigError(`${where}: expected an object`);
  allowedKeys(
    entry,
    ["id", "element", "pattern", "flags", "context", "score", "requireContext", "description"],
    where,
  );
  const id = str(entry.id, "id", where);
  if (!ID.test(id))
    throw new CustomConfigError(`${where}: "id" must be lower-case letters, digits, . _ - (max 64)`);
  const el = element(entry.element, where);
  const pattern = str(entry.pattern, "pattern", where);
  const flags = entry.flags === undefined ? "" : str(entry.flags, "flags", where);
  if (!/^[imsu]*$/.test(flags)) throw new CustomConfigError(`${where}: "flags" may contain only i, m, s, u`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, `g${flags}`);
  } catch {
    throw new CustomConfigError(`${where}: "pattern" is not a valid regular expression`);
  }
  if (re.test("")) throw new CustomConfigError(`${where}: "pattern" must not match the empty string`);
  const words = entry.context === undefined ? [] : strings(entry.context, "context", where);
  const rung = entry.score === undefined ? "likely" : rungOf(entry.score, where);
  const requireContext =
    entry.requireContext === undefined ? false : bool(entry.requireContext, "requireContext", where);
  if (requireContext && words.length === 0)
    throw new CustomConfigError(`${where}: "requireContext" needs a non-empty "context" list`);
  const ctx = words.length ? lexicon(words) : undefined;
  const description =
    entry.description === undefined ? `Custom pattern ${id}` : str(entry.description, "description", where);
  return {
    meta: { id, elements: [el], description, version: "custom", examples: [] },
    detect(doc) {
      const out: Finding[] = [];
      scan(re, doc.text, (m) => {
        if (m[0].length === 0) return;
        const start = m.index;
        const end = start + m[0].length;
        const hits = ctx ? findContext(doc, start, end, ctx, { before: 40 }) : [];
        if (requireContext && hits.length === 0) return;
        const chosen: ScoreRung = hits.length > 0 || !ctx ? rung : stepDownRung(rung);
        out.push(
          makeFinding(doc, id, el, start, end, {
            candidate: `custom-pattern:${id}`,
            context: hits.map((h) => `${h.where === "header" ? "header" : "label"}:${h.word}`),
            rung: chosen,
          }),
        );
      });
      return out;
    },
  };
}

function allowDetector(entry: unknown, where: string, index: number): Detector {
  if (!isObject(entry)) throw new CustomConfigError(`${where}: expected an object`);
  allowedKeys(entry, ["id", "element", "values", "score"], where);
  const id = entry.id === undefined ? `allow-${index}` : str(entry.id, "id", where);
  if (!ID.test(id))
    throw new CustomConfigError(`${where}: "id" must be lower-case letters, digits, . _ - (max 64)`);
  const el = element(entry.element, where);
  const values = strings(entry.values, "values", where);
  if (values.length === 0) throw new CustomConfigError(`${where}: "values" must not be empty`);
  const rung = entry.score === undefined ? "confirmed" : rungOf(entry.score, where);
  const re = new RegExp(
    [...values]
      .sort((a, b) => b.length - a.length)
      .map((v) => escapeRegExp(v.trim()).replace(/\s+/g, "\\s+"))
      .join("|"),
    "gi",
  );
  return {
    meta: { id, elements: [el], description: `Allow list ${id}`, version: "custom", examples: [] },
    detect(doc) {
      const out: Finding[] = [];
      scan(re, doc.text, (m) => {
        const start = m.index;
        const end = start + m[0].length;
        if (!standsAlone(doc.text, start, end)) return;
        out.push(makeFinding(doc, id, el, start, end, { candidate: `allow-list:${id}`, rung }));
      });
      return out;
    },
  };
}

function stepDownRung(r: ScoreRung): ScoreRung {
  return RUNGS[Math.max(0, RUNGS.indexOf(r) - 1)]!;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function allowedKeys(o: Record<string, unknown>, keys: string[], where: string): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k))
      throw new CustomConfigError(`${where}: unknown key "${k}" (allowed: ${keys.join(", ")})`);
}

function str(v: unknown, key: string, where: string): string {
  if (typeof v !== "string" || v.length === 0)
    throw new CustomConfigError(`${where}: "${key}" must be a non-empty string`);
  return v;
}

function bool(v: unknown, key: string, where: string): boolean {
  if (typeof v !== "boolean") throw new CustomConfigError(`${where}: "${key}" must be true or false`);
  return v;
}

function strings(v: unknown, key: string, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string" && x.trim().length > 0))
    throw new CustomConfigError(`${where}: "${key}" must be an array of non-empty strings`);
  return v as string[];
}

function element(v: unknown, where: string): DataElement {
  if (typeof v !== "string" || !isDataElement(v))
    throw new CustomConfigError(`${where}: "element" must be one of the data element codes (e.g. MRN, SSN)`);
  return v;
}

function rungOf(v: unknown, where: string): ScoreRung {
  if (typeof v !== "string" || !(RUNGS as string[]).includes(v))
    throw new CustomConfigError(`${where}: "score" must be one of ${RUNGS.join(", ")}`);
  return v as ScoreRung;
}
