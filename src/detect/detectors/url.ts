import { makeFinding, scan } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";

const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const HOST =
  /^(?:https?:\/\/)?(?:[^@/\s]+@)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[[0-9A-Fa-f:]+\])(?::\d{1,5})?(?:[/?#]|$)/i;

/**
 * Web addresses starting with http(s):// or www. Trailing sentence punctuation and unbalanced closing
 * brackets are trimmed. The host must be a dotted name or bracketed IPv6. `likely` on shape.
 */
export const url: Detector = {
  meta: {
    id: "url",
    elements: ["URL"],
    description: "Web addresses (http, https, www.) with a valid host.",
    version: "1.0.0",
    examples: [
      {
        text: "See https://portal.example-health.org/p/123?x=1.",
        expect: ["https://portal.example-health.org/p/123?x=1"],
      },
      { text: "(www.facebook.com/jane.doe)", expect: ["www.facebook.com/jane.doe"] },
      { text: "http://10.0.0.5:8080/login", expect: ["http://10.0.0.5:8080/login"] },
      { text: "the www. prefix", expect: [] },
      { text: "http://localhost/", expect: [] },
      { text: "mail jane@hospital.org", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    scan(CANDIDATE, doc.text, (m) => {
      let v = m[0];
      for (;;) {
        const last = v[v.length - 1];
        if (last && ".,;:!?".includes(last)) v = v.slice(0, -1);
        else if (last === ")" && count(v, "(") < count(v, ")")) v = v.slice(0, -1);
        else if (last === "]" && count(v, "[") < count(v, "]")) v = v.slice(0, -1);
        else break;
      }
      if (!HOST.test(v)) return;
      out.push(
        makeFinding(doc, "url", "URL", m.index, m.index + v.length, {
          candidate: "url-scheme-or-www",
          validations: [{ rule: "host", passed: true }],
          rung: pickRung({ base: "possible", context: false, ranges: true }),
        }),
      );
    });
    return out;
  },
};

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
