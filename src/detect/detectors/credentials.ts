import { lexicon } from "../context.js";
import { lineIndexAt, structureOf } from "../document.js";
import { makeFinding, scan } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { DetectDocument, Detector, Finding } from "../types.js";

const USER_LABEL =
  /\b(?:user[ _-]?(?:name|id)|user|login(?:[ _-]?(?:id|email))?|log[ -]?in|logon|sign[ -]?in|account name|e-?mail)[ \t]*(?:[:=]|-(?!\S)|\bis\b)[ \t]*(\S{2,64})/gi;
const SECRET_LABEL =
  /\b(?:(?:temp(?:orary)?[ \t]+)?password|passwd|pwd|pass(?:code|phrase|word)?|pw|pin|(?:security|secret)[ \t]+(?:question[ \t]+)?answer|answer)[ \t]*(?:[:=]|-(?!\S)|\bis\b)[ \t]*(\S{1,64})/gi;
const USER_HEADER = lexicon(["username", "user name", "user id", "userid", "login", "login id", "user"]);
const SECRET_HEADER = lexicon(["password", "passwd", "pwd", "pin", "passcode", "security answer", "answer"]);
const NOT_A_VALUE = new Set([
  "reset",
  "expired",
  "expires",
  "sent",
  "changed",
  "change",
  "will",
  "to",
  "for",
  "the",
  "a",
  "and",
  "is",
  "was",
  "below",
  "above",
  "required",
  "policy",
  "manager",
  "protected",
  "n/a",
  "none",
  "unknown",
  "same",
  "attached",
]);

interface Hit {
  start: number;
  end: number;
  line: number;
}

/**
 * Credentials: a username with a password, PIN or security answer. Both halves must be present —
 * labelled ("Username: x", "Password: y", "PIN = 1234", "security answer: Fluffy") within three lines
 * of each other, or in the Username and Password columns of one table row. Each half is reported as a
 * CREDENTIALS finding. Masked (****) and placeholder values ("reset", "n/a") are not values.
 */
export const credentials: Detector = {
  meta: {
    id: "credentials",
    elements: ["CREDENTIALS"],
    description: "Username together with a password, PIN or security answer (label pairs or table columns).",
    version: "1.0.0",
    examples: [
      { text: "Username: jdoe42\nPassword: Spring2024!", expect: ["jdoe42", "Spring2024!"] },
      { text: "login = jsmith pwd = hunter2", expect: ["jsmith", "hunter2"] },
      { text: "User ID: mrojas\nSecurity answer: Fluffy", expect: ["mrojas", "Fluffy"] },
      { text: "Email: rosa.d@gmail.com  Password: Tacoma#22", expect: ["rosa.d@gmail.com", "Tacoma#22"] },
      { text: "Email: rosa.d@gmail.com, phone 503-555-2761", expect: [] },
      {
        text: "Sheet: a\nSystem\tUsername\tPassword\nEpic\tkjones\tW1nter#1",
        expect: ["kjones", "W1nter#1"],
      },
      { text: "Password: ********\nUsername: jdoe", expect: [] },
      { text: "Your password was reset yesterday.", expect: [] },
      { text: "Username: jdoe42 (no password on file)", expect: [] },
      { text: "Password: hunter2", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const users = collect(doc, USER_LABEL);
    if (users.length > 0) {
      const secrets = collect(doc, SECRET_LABEL);
      const used = new Set<Hit>();
      for (const u of users) {
        let best: Hit | undefined;
        for (const s of secrets) {
          if (s.start === u.start) continue;
          if (
            Math.abs(s.line - u.line) <= 3 &&
            (!best || Math.abs(s.start - u.start) < Math.abs(best.start - u.start))
          )
            best = s;
        }
        if (!best) continue;
        for (const h of [u, best]) {
          if (used.has(h)) continue;
          used.add(h);
          out.push(
            makeFinding(doc, "credentials", "CREDENTIALS", h.start, h.end, {
              candidate: h === u ? "username-label" : "secret-label",
              validations: [{ rule: "username-and-secret-paired", passed: true }],
              context: ["label:username", "label:password"],
              rung: pickRung({ context: true, ranges: true }),
            }),
          );
        }
      }
    }
    fromTables(doc, out);
    return out;
  },
};

function collect(doc: DetectDocument, re: RegExp): Hit[] {
  const { lineStarts } = structureOf(doc);
  const hits: Hit[] = [];
  scan(re, doc.text, (m) => {
    let value = m[1]!;
    value = value.replace(/[,;]+$/, "");
    if (!isValue(value)) return;
    const start = m.index + m[0].length - m[1]!.length;
    hits.push({ start, end: start + value.length, line: lineIndexAt(lineStarts, start) });
  });
  return hits;
}

function isValue(v: string): boolean {
  if (v.length === 0) return false;
  if (/^[*•xX]+$/.test(v) && v.length >= 3) return false;
  if (/^[([<]/.test(v)) return false;
  return !NOT_A_VALUE.has(v.toLowerCase());
}

function fromTables(doc: DetectDocument, out: Finding[]): void {
  const { tables } = structureOf(doc);
  for (const t of tables) {
    if (t.headerRow === undefined) continue;
    const userCol = t.headers.findIndex((h) => test(USER_HEADER.re, h));
    const secretCol = t.headers.findIndex((h) => test(SECRET_HEADER.re, h));
    if (userCol < 0 || secretCol < 0 || userCol === secretCol) continue;
    for (let r = t.headerRow + 1; r < t.rows.length; r++) {
      const row = t.rows[r]!;
      const u = row.cells[userCol];
      const s = row.cells[secretCol];
      if (!u || !s || u.end <= u.start || s.end <= s.start) continue;
      if (!isValue(doc.text.slice(u.start, u.end)) || !isValue(doc.text.slice(s.start, s.end))) continue;
      for (const [c, which] of [
        [u, "username"],
        [s, "secret"],
      ] as const) {
        out.push(
          makeFinding(doc, "credentials", "CREDENTIALS", c.start, c.end, {
            candidate: `${which}-column`,
            validations: [{ rule: "username-and-secret-paired", passed: true }],
            context: [`header:${t.headers[userCol]}`, `header:${t.headers[secretCol]}`],
            rung: pickRung({ context: true, ranges: true }),
          }),
        );
      }
    }
  }
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}
