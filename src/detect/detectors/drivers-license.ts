import { findContext, lexicon } from "../context.js";
import { labelledDetector } from "../kit.js";

const NOT_DL = lexicon([
  "medical",
  "nursing",
  "rn",
  "md",
  "professional",
  "dea",
  "npi",
  "software",
  "business",
  "board",
  "pharmacy",
  "plate",
  "vehicle",
  "product",
  "key",
]);

/** Common state shapes (letters/digits after removing dashes and spaces). */
const STATE_SHAPES = [
  /^\d{7,9}$/, // many states (NY, PA, TX, NC, OH…)
  /^\d{12,13}$/, // e.g. WI-style numeric
  /^[A-Z]\d{7,8}$/, // CA, NY (old), AZ, MA…
  /^[A-Z]\d{11,13}$/, // FL, IL, WI, MI, MN, MD…
  /^[A-Z]{2}\d{5,7}$/, // e.g. KS, ND
  /^\d{2}[A-Z]{2}\d{5}$/, // e.g. older formats
  /^\d{3}[A-Z]{2}\d{4}$/, // CO-style
  /^WDL[A-Z0-9]{9}$/, // WA (2018+)
];

/**
 * Driver's licence and state ID numbers: label or column header required (DL, DL#, Driver's License,
 * DLN, OLN, State ID, ID card). A number matching a known state shape is `strong`. "License #" near
 * medical/nursing/DEA/plate words is not a driver's licence.
 */
export const driversLicense = labelledDetector({
  id: "drivers-license",
  element: "DRIVERS_LICENSE",
  description:
    "Driver's licence / state ID numbers identified by label or header, checked against state shapes.",
  version: "1.0.0",
  labels: [
    "driver's license",
    "driver’s license",
    "drivers license",
    "driver license",
    "driver's lic",
    "drivers lic",
    "driver lic",
    "driving license",
    "dl",
    "dl#",
    "d.l.",
    "dln",
    "dl no",
    "oln",
    "operator's license",
    "operators license",
    "license #",
    "lic #",
    "state id",
    "state id #",
    "state identification",
    "id card",
    "identification card",
  ],
  value: "[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){4,19}",
  minDigits: 4,
  check(value, doc, start) {
    if (findContext(doc, start, start + value.length, NOT_DL, { before: 40, header: false }).length > 0)
      return { ok: false };
    const norm = value.replace(/[- ]/g, "").toUpperCase();
    if (norm.length > 16) return { ok: false };
    const shape = STATE_SHAPES.some((re) => re.test(norm));
    return { ok: true, ranges: shape, validations: [{ rule: "state-dl-shape", passed: shape }] };
  },
  examples: [
    { text: "DL# D1234567", expect: ["D1234567"] },
    { text: "Driver's License: S530-4601-9876", expect: ["S530-4601-9876"] },
    { text: "NY DL 123456789 exp 2027", expect: ["123456789"] },
    { text: "State ID 99887766", expect: ["99887766"] },
    { text: "WA DL: WDL0ABC12345", expect: ["WDL0ABC12345"] },
    { text: "Driver's license (TX): 29053067", expect: ["29053067"] },
    { text: "Sheet: x\nName\tDriver License\nDoe\tA12345678", expect: ["A12345678"] },
    { text: "Medical license # 12345678", expect: [] },
    { text: "RN license # 998877", expect: [] },
    { text: "DL pending renewal", expect: [] },
    { text: "downloaded 12345 files", expect: [] },
  ],
});
