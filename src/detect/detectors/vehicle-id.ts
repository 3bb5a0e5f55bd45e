import { findContext, lexicon } from "../context.js";
import { labelledDetector, makeFinding, scan, standsAlone } from "../kit.js";
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
const CANDIDATE = /\b[A-HJ-NPR-Z0-9]{17}\b/g;

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
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + 17;
      if (!standsAlone(text, start, end) || !vinValid(m[0])) return;
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
