import type { DataElement } from "../core/elements.js";
import { addressDetectors } from "./detectors/address/index.js";
import { age } from "./detectors/age.js";
import { bankAccount } from "./detectors/bank-account.js";
import { clinicalDetectors } from "./detectors/clinical/index.js";
import { cptCode } from "./detectors/cpt-code.js";
import { credentials } from "./detectors/credentials.js";
import { eventDate } from "./detectors/date.js";
import { dateOfBirth } from "./detectors/date-of-birth.js";
import { deaNumber } from "./detectors/dea-number.js";
import { deviceId } from "./detectors/device-id.js";
import { driversLicense } from "./detectors/drivers-license.js";
import { email } from "./detectors/email.js";
import { healthPlanId } from "./detectors/health-plan-id.js";
import { icdCode } from "./detectors/icd-code.js";
import { ipAddress } from "./detectors/ip-address.js";
import { itin } from "./detectors/itin.js";
import { medicaidId } from "./detectors/medicaid-id.js";
import { medicareId } from "./detectors/medicare-id.js";
import { mrn } from "./detectors/mrn.js";
import { nameDetectors } from "./detectors/names/index.js";
import { npi } from "./detectors/npi.js";
import { passport } from "./detectors/passport.js";
import { paymentCard } from "./detectors/payment-card.js";
import { phone } from "./detectors/phone.js";
import { routingNumber } from "./detectors/routing-number.js";
import { ssn } from "./detectors/ssn.js";
import { url } from "./detectors/url.js";
import { vehicleId } from "./detectors/vehicle-id.js";
import { zipCode } from "./detectors/zip-code.js";
import { prepareDocument, rowKeyAt } from "./document.js";
import type { DetectDocument, Detector, Explanation, Finding } from "./types.js";

/** The pattern detectors of this directory (one file each in detectors/). */
export const PATTERN_DETECTORS: readonly Detector[] = [
  ssn,
  itin,
  dateOfBirth,
  eventDate,
  age,
  mrn,
  healthPlanId,
  medicareId,
  medicaidId,
  driversLicense,
  passport,
  bankAccount,
  routingNumber,
  paymentCard,
  npi,
  deaNumber,
  icdCode,
  cptCode,
  phone,
  email,
  url,
  ipAddress,
  zipCode,
  credentials,
  deviceId,
  vehicleId,
];

/**
 * Every built-in detector: the pattern detectors plus the name, address and clinical-term detectors
 * (detectors/names, detectors/address, detectors/clinical — built against the same contract).
 */
export const BUILTIN_DETECTORS: readonly Detector[] = [
  ...PATTERN_DETECTORS,
  ...nameDetectors,
  ...addressDetectors,
  ...clinicalDetectors,
];

export interface DetectOptions {
  /** Run only these detector ids (built-in and custom). Default: all. */
  detectors?: string[];
  /** Drop findings scoring below this after overlap resolution. Default 0 (keep every rung). */
  minScore?: number;
  /** Extra detectors (e.g. from custom.ts) run alongside the built-ins. */
  custom?: Detector[];
  /** Values never to report (compared case-insensitively, whitespace-collapsed), optionally per element. */
  deny?: DenyRule[];
}

export interface DenyRule {
  value: string;
  element?: DataElement;
}

export function detectorById(id: string, custom: readonly Detector[] = []): Detector | undefined {
  return [...BUILTIN_DETECTORS, ...custom].find((d) => d.meta.id === id);
}

/** Run detectors over a text, resolve overlaps, attach table row keys, apply deny rules and minScore. */
export function detectAll(text: string, options: DetectOptions = {}): Finding[] {
  return detectDocument(prepareDocument(text), options);
}

export function detectDocument(doc: DetectDocument, options: DetectOptions = {}): Finding[] {
  const all = [...BUILTIN_DETECTORS, ...(options.custom ?? [])];
  const wanted = options.detectors ? new Set(options.detectors) : undefined;
  if (wanted) {
    const known = new Set(all.map((d) => d.meta.id));
    const unknown = [...wanted].filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`unknown detector id(s): ${unknown.join(", ")}`);
  }
  const raw: Finding[] = [];
  for (const d of all) {
    if (wanted && !wanted.has(d.meta.id)) continue;
    let found: Finding[];
    try {
      found = d.detect(doc);
    } catch (err) {
      // Never include document text: only the detector id and the error's own message.
      throw new Error(`detector ${d.meta.id} failed: ${err instanceof Error ? err.message : "error"}`, {
        cause: err,
      });
    }
    for (const f of found) raw.push(f);
  }
  const deny = compileDeny(options.deny);
  const minScore = options.minScore ?? 0;
  const out: Finding[] = [];
  for (const f of resolveOverlaps(raw)) {
    if (f.score < minScore) continue;
    if (deny && isDenied(deny, f)) continue;
    if (f.row === undefined) {
      const row = rowKeyAt(doc, f.start);
      if (row !== undefined) f.row = row;
    }
    out.push(f);
  }
  return out;
}

// --- overlap resolution -------------------------------------------------------------------------

/**
 * Elements that name what a single token *is*: one span cannot sensibly be two of them at once (a
 * 9-digit number is an SSN or a routing number, a 10-digit number a phone or an NPI). Elements
 * outside this set (names, addresses, emails, URLs, credentials, clinical terms) may overlap
 * anything.
 */
export const EXCLUSIVE_ELEMENTS: ReadonlySet<DataElement> = new Set<DataElement>([
  "SSN",
  "ITIN",
  "DRIVERS_LICENSE",
  "PASSPORT",
  "MRN",
  "HEALTH_PLAN_ID",
  "MEDICARE_ID",
  "MEDICAID_ID",
  "BANK_ACCOUNT",
  "ROUTING_NUMBER",
  "PAYMENT_CARD",
  "NPI",
  "DEA_NUMBER",
  "ICD_CODE",
  "CPT_CODE",
  "ZIP_CODE",
  "PHONE",
  "FAX",
  "IP_ADDRESS",
  "DEVICE_ID",
  "VEHICLE_ID",
  "DATE",
  "DATE_OF_BIRTH",
  "AGE",
]);

/**
 * Overlap rules, applied in this order:
 * 1. Same element, one span containing the other (or equal): one finding survives — the higher
 *    score, then the longer span, then the earlier detector — and it absorbs the other's evidence
 *    (validations and context are unioned; the other detector is named in `note`).
 * 2. Different elements that are both in EXCLUSIVE_ELEMENTS: a finding whose span is inside (or equal
 *    to) the span of a strictly higher-scored finding is dropped. Equal scores keep both, and a
 *    higher-scored finding inside a lower-scored one keeps both (the reviewer decides).
 * 3. Everything else (partial overlaps, non-exclusive elements) is kept.
 * Output is sorted by start, then end, then element.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const dropped = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    if (dropped.has(i)) continue;
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.start >= a.end) break;
      if (dropped.has(j)) continue;
      // a.start <= b.start; does a contain b?
      const aContainsB = b.end <= a.end;
      const bContainsA = b.start === a.start && b.end >= a.end;
      if (!aContainsB && !bContainsA) continue;
      if (a.element === b.element) {
        const keepA = a.score > b.score || (a.score === b.score && a.end - a.start >= b.end - b.start);
        if (keepA) {
          sorted[i] = merge(a, b);
          dropped.add(j);
        } else {
          sorted[j] = merge(b, a);
          dropped.add(i);
          break;
        }
        continue;
      }
      if (!EXCLUSIVE_ELEMENTS.has(a.element) || !EXCLUSIVE_ELEMENTS.has(b.element)) continue;
      if (aContainsB && a.score > b.score) dropped.add(j);
      else if (bContainsA && b.score > a.score) {
        dropped.add(i);
        break;
      }
    }
  }
  return sorted
    .filter((_, i) => !dropped.has(i))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.element.localeCompare(b.element));
}

function merge(keep: Finding, other: Finding): Finding {
  const e: Explanation = { ...keep.explanation };
  const validations = [...(keep.explanation.validations ?? [])];
  for (const v of other.explanation.validations ?? []) {
    if (!validations.some((x) => x.rule === v.rule && x.passed === v.passed)) validations.push(v);
  }
  if (validations.length) e.validations = validations;
  const context = [...new Set([...(keep.explanation.context ?? []), ...(other.explanation.context ?? [])])];
  if (context.length) e.context = context;
  const also = `also ${other.detector}:${other.explanation.candidate}`;
  if (other.detector !== keep.detector || other.explanation.candidate !== keep.explanation.candidate) {
    e.note = e.note ? `${e.note}; ${also}` : also;
  }
  return { ...keep, explanation: e };
}

// --- deny rules -----------------------------------------------------------------------------------

interface CompiledDeny {
  any: Set<string>;
  byElement: Map<DataElement, Set<string>>;
}

export function normalizeValue(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}

function compileDeny(rules: DenyRule[] | undefined): CompiledDeny | undefined {
  if (!rules || rules.length === 0) return undefined;
  const c: CompiledDeny = { any: new Set(), byElement: new Map() };
  for (const r of rules) {
    const v = normalizeValue(r.value);
    if (!r.element) c.any.add(v);
    else {
      let s = c.byElement.get(r.element);
      if (!s) {
        s = new Set();
        c.byElement.set(r.element, s);
      }
      s.add(v);
    }
  }
  return c;
}

function isDenied(c: CompiledDeny, f: Finding): boolean {
  const v = normalizeValue(f.text);
  return c.any.has(v) || (c.byElement.get(f.element)?.has(v) ?? false);
}
