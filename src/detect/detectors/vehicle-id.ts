import { findContext, lexicon } from "../context.js";
import { labelledDetector, makeFinding, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { vinValid } from "../validators/vin.js";

const VIN_WORDS = lexicon([
  "vin",
  "vin #",
  "vehicle",
  "vehicle id",
  "vehicle identification",
  "car",
  "auto",
  "truck",
]);
/** Characters a VIN may contain (no I, O, Q), as a lookup table for a hand-written scan. */
const VIN_CHAR = new Uint8Array(128);
for (const ch of "ABCDEFGHJKLMNPRSTUVWXYZ0123456789") VIN_CHAR[ch.charCodeAt(0)] = 1;

/**
 * Runs of exactly 17 VIN characters standing alone. A character loop is several times cheaper here
 * than `\b[A-HJ-NPR-Z0-9]{17}\b`, which re-examines up to 17 characters at every word start.
 */
function vinRuns(text: string, fn: (start: number) => void): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VIN_CHAR[c] === 0) continue;
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 128 || VIN_CHAR[d] === 0) break;
      j++;
    }
    if (j - i === 17) fn(i);
    i = j;
  }
}

const plates = labelledDetector({
  id: "vehicle-id",
  element: "VEHICLE_ID",
  description: "",
  version: "1.0.0",
  labels: [
    "license plate",
    "licence plate",
    "plate",
    "plate #",
    "plate no",
    "plate number",
    "lic plate",
    "tag #",
    "tag no",
    "vehicle plate",
    "registration plate",
  ],
  value: "[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,5}",
  minDigits: 1,
  check(value) {
    const n = value.replace(/[- ]/g, "");
    return { ok: n.length >= 2 && n.length <= 8 };
  },
  examples: [],
});

const vinLabelled = labelledDetector({
  id: "vehicle-id",
  element: "VEHICLE_ID",
  description: "",
  version: "1.0.0",
  labels: ["vin", "vin #", "vin no", "vehicle identification number", "vehicle id"],
  value: "[A-HJ-NPR-Z0-9]{17}",
  check: () => ({ ok: true }),
  examples: [],
});

/**
 * Vehicle identifiers: 17-character VINs (no I, O, Q) with a valid check digit are `strong` alone and
 * `confirmed` with a VIN/vehicle label; a VIN label makes a 17-character VIN without a valid check
 * digit (non-North-American) `likely`. Licence plates only after a plate/tag label.
 */
export const vehicleId: Detector = {
  meta: {
    id: "vehicle-id",
    elements: ["VEHICLE_ID"],
    description: "VINs (check digit) and licence plates (label required).",
    version: "1.0.0",
    examples: [
      { text: "VIN 1M8GDM9AXKP042788", expect: ["1M8GDM9AXKP042788"] },
      { text: "car 1HGCM82633A004352 towed", expect: ["1HGCM82633A004352"] },
      { text: "License plate: 7ABC123", expect: ["7ABC123"] },
      { text: "Plate # XYZ-1234", expect: ["XYZ-1234"] },
      { text: "token 1M8GDM9AXKP042789", expect: [] },
      { text: "plate of food", expect: [] },
      { text: "hash ABCDEFGHJKLMNPRST", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [...plates.detect(doc), ...vinLabelled.detect(doc)];
    const text = doc.text;
    vinRuns(text, (start) => {
      const end = start + 17;
      if (!standsAlone(text, start, end)) return;
      const value = text.slice(start, end);
      if (!vinValid(value)) return;
      const ctx = findContext(doc, start, end, VIN_WORDS, { before: 30 });
      out.push(
        makeFinding(doc, "vehicle-id", "VEHICLE_ID", start, end, {
          candidate: "vin",
          validations: [{ rule: "vin-check-digit", passed: true }],
          context: ctx.map((h) => `label:${h.word}`),
          rung: pickRung({ context: ctx.length > 0, checksum: true }),
        }),
      );
    });
    return out;
  },
};
