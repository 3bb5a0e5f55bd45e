import { findContext, lexicon } from "../context.js";
import { isAlnum, makeFinding, scan } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";

const IP = lexicon([
  "ip",
  "ip address",
  "ipv4",
  "ipv6",
  "client ip",
  "source ip",
  "src",
  "from ip",
  "host",
  "login from",
  "logged in from",
  "signed in from",
  "remote",
]);
const NOT_IP = lexicon(["version", "ver", "v", "build", "release", "firmware", "release", "rev", "oid"]);
const V4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;

function octetsValid(s: string): boolean {
  return s.split(".").every((o) => /^(?:0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255);
}

export function ipv6Valid(s: string): boolean {
  if (!/^[0-9A-Fa-f:]+$/.test(s) || s.includes(":::")) return false;
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups = (h: string | undefined) => (h ? h.split(":") : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  if ([...left, ...right].some((g) => g.length < 1 || g.length > 4)) return false;
  const n = left.length + right.length;
  return halves.length === 2 ? n <= 7 : n === 8;
}

/**
 * IP addresses. IPv4: four octets 0–255 without leading zeros, not part of a longer dotted run
 * (version strings "1.2.3.4.5"); `possible` on shape, `strong` with an IP/login label; a version/build
 * word lowers it. IPv6: full 8-group or "::"-compressed forms (times like 10:15:30 and MAC addresses
 * do not parse).
 */
export const ipAddress: Detector = {
  meta: {
    id: "ip-address",
    elements: ["IP_ADDRESS"],
    description: "IPv4 (strict octets) and IPv6 addresses.",
    version: "1.0.0",
    examples: [
      { text: "Sign-in from IP 203.0.113.45 failed", expect: ["203.0.113.45"] },
      { text: "client 2001:db8::8a2e:370:7334 connected", expect: ["2001:db8::8a2e:370:7334"] },
      { text: "gateway 10.1.2.254", expect: ["10.1.2.254"] },
      { text: "fe80:0:0:0:202:b3ff:fe1e:8329", expect: ["fe80:0:0:0:202:b3ff:fe1e:8329"] },
      { text: "version 1.2.3.4.5", expect: [] },
      { text: "Version 3.10.2.1 deployed", expect: [] },
      { text: "Mozilla/5.0 Chrome/104.0.0.0 Safari/537.36", expect: [] },
      { text: "256.1.1.1 and 01.2.3.4", expect: [] },
      { text: "at 10:15:30 today", expect: [] },
      { text: "MAC 00:1A:2B:3C:4D:5E", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const glued = (start: number, end: number) => {
      const b = start > 0 ? text.charCodeAt(start - 1) : 32;
      const a = end < text.length ? text.charCodeAt(end) : 32;
      const dotOrColonThenAlnum = (c: number, i: number) =>
        (c === 46 || c === 58) && isAlnum(text.charCodeAt(i));
      return isAlnum(b) || isAlnum(a) || dotOrColonThenAlnum(b, start - 2) || dotOrColonThenAlnum(a, end + 1);
    };
    const emit = (start: number, end: number, candidate: string) => {
      const ctx = findContext(doc, start, end, IP, { before: 30 });
      const neg = findContext(doc, start, end, NOT_IP, { before: 15, header: false });
      // "Version 3.10.2.1": a version/build word and no IP label — a version string, not an address.
      if (neg.length > 0 && ctx.length === 0) return;
      out.push(
        makeFinding(doc, "ip-address", "IP_ADDRESS", start, end, {
          candidate,
          validations: [{ rule: candidate === "ipv4" ? "octets-0-255" : "ipv6-groups", passed: true }],
          context: [...ctx.map((h) => `label:${h.word}`), ...neg.map((h) => `against:${h.word}`)],
          rung: pickRung({ context: ctx.length > 0, ranges: true, negative: neg.length > 0 }),
        }),
      );
    };
    scan(V4, text, (m) => {
      const end = m.index + m[0].length;
      if (glued(m.index, end) || !octetsValid(m[0]) || m[0] === "0.0.0.0" || m[0] === "255.255.255.255")
        return;
      // "Chrome/104.0.0.0": a product/version pair, not an address (URLs have "//" before the host).
      if (m.index > 1 && text.charCodeAt(m.index - 1) === 47) {
        const c = text.charCodeAt(m.index - 2);
        if (isAlnum(c) || c === 92) return;
      }
      emit(m.index, end, "ipv4");
    });
    // IPv6: expand around each colon over hex digits and colons (no regex pass over the whole text).
    for (let c = text.indexOf(":"); c !== -1; ) {
      let s0 = c;
      while (s0 > 0 && isHexOrColon(text.charCodeAt(s0 - 1))) s0--;
      let e = c + 1;
      let colons = 1;
      let double = false;
      while (e < text.length && isHexOrColon(text.charCodeAt(e))) {
        if (text.charCodeAt(e) === 58) {
          colons++;
          if (text.charCodeAt(e - 1) === 58) double = true;
        }
        e++;
      }
      if (s0 < c && text.charCodeAt(c - 1) === 58) double = true;
      while (e > c + 1 && text.charCodeAt(e - 1) === 58 && text.charCodeAt(e - 2) !== 58) e--;
      // Cheap gate before slicing: a full address has 7 colons, a compressed one a "::".
      if ((colons >= 7 || (double && colons >= 2)) && !glued(s0, e)) {
        const v = text.slice(s0, e);
        if (v.length >= 3 && ipv6Valid(v)) emit(s0, e, "ipv6");
      }
      c = text.indexOf(":", Math.max(e, c + 1));
    }
    return out;
  },
};

function isHexOrColon(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
