import { findContext, lexicon } from "../context.js";
import { labelledDetector, makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { luhnValid } from "../validators/luhn.js";

const DEVICE_LABELS = [
  "serial",
  "serial #",
  "serial no",
  "serial number",
  "s/n",
  "sn",
  "sn#",
  "device id",
  "device #",
  "device serial",
  "device serial number",
  "imei",
  "meid",
  "udi",
  "udi-di",
  "implant serial",
  "pacemaker serial",
  "pump serial",
  "model/serial",
];

const labelled = labelledDetector({
  id: "device-id",
  element: "DEVICE_ID",
  description: "",
  version: "1.0.0",
  labels: DEVICE_LABELS,
  value: "[A-Za-z0-9][A-Za-z0-9-]{3,39}",
  minDigits: 3,
  check(value) {
    if (value.length < 5) return { ok: false };
    if (/^\d{15}$/.test(value)) {
      const ok = luhnValid(value);
      return { ok: true, checksum: ok, validations: [{ rule: "imei-luhn", passed: ok }] };
    }
    return { ok: true };
  },
  examples: [],
});

const MAC = /\b[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\b/g;
const MAC_WORDS = lexicon([
  "mac",
  "mac address",
  "hardware address",
  "physical address",
  "wifi",
  "ethernet",
  "device",
]);

/**
 * Device identifiers and serial numbers: a serial/device/IMEI/UDI label or column header and a
 * token with 3+ digits (a 15-digit IMEI passing Luhn is `confirmed`); and MAC addresses by shape
 * (six hex pairs with one consistent separator), `possible` alone and `strong` with a MAC label.
 */
export const deviceId: Detector = {
  meta: {
    id: "device-id",
    elements: ["DEVICE_ID"],
    description: "Device serial numbers, IMEI/UDI by label or header, and MAC addresses.",
    version: "1.0.0",
    examples: [
      { text: "Pacemaker serial # PJN204517R", expect: ["PJN204517R"] },
      { text: "IMEI: 490154203237518", expect: ["490154203237518"] },
      { text: "MAC address 00:1A:2B:3C:4D:5E", expect: ["00:1A:2B:3C:4D:5E"] },
      { text: "S/N: 4471-AB-2290", expect: ["4471-AB-2290"] },
      { text: "the serial killer documentary", expect: [] },
      { text: "at 10:15:30:45 today", expect: [] },
      { text: "SN: pending", expect: [] },
      { text: "Serial: 8250/16550 driver", expect: [] },
      { text: "MAC 00:1A:2B-3C:4D:5E", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = labelled.detect(doc);
    const text = doc.text;
    scan(MAC, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsAlone(text, start, end)) return;
      const ctx = findContext(doc, start, end, MAC_WORDS, { before: 30 });
      out.push(
        makeFinding(doc, "device-id", "DEVICE_ID", start, end, {
          candidate: "mac-address",
          validations: [{ rule: "six-hex-pairs", passed: true }],
          context: ctx.map((h) => `label:${h.word}`),
          rung: pickRung({ context: ctx.length > 0, ranges: true }),
        }),
      );
    });
    return out;
  },
};
