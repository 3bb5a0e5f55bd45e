/**
 * PERSON_NAME and PROVIDER_NAME.
 *
 * Candidates come from several rules, each recorded as `explanation.candidate`:
 *   label           "Patient: …", "Guarantor: …", "RE: …"            (provider labels: "Attending: …")
 *   honorific       "Mr./Mrs./Ms./Miss …"                             ("Dr. …" -> provider)
 *   credential      "… , MD" / "… RN" / "… PA-C"                      -> provider
 *   salutation      "Dear Maria," / "Hi John,"
 *   inverted        "Smith, John A." / "SMITH, JOHN"
 *   titlecase       "John A. Smith" in prose, confirmed by the lexicons
 *   allcaps         "PT JOHN SMITH SEEN TODAY" (all-caps lines: needs a context word or clean lexicon hits)
 *   signature       a name line right after "Thanks," / "Regards," or "Thanks, Maria"
 *   column          a cell under a header that says name (tabular text)
 *
 * Confirmation is by the given-name and surname lexicons (first part a given name, last a surname).
 * Rungs:
 *   weak       lexicon pair in prose where both parts are also common English words ("Grant Hill")
 *   possible   lexicon pair in prose (Title Case or clean all-caps), one part ambiguous for inverted
 *   likely     structure + lexicons (inverted "Last, First", salutation, signature, a context word
 *              before a lexicon pair)
 *   strong     labelled / honorific / credential / column header, lexicons silent
 *   confirmed  labelled / honorific / credential / column header, and the lexicons agree
 * The span covers the name only, never the label, title or credential.
 */
import type { DataElement } from "../../../core/elements.js";
import {
  CREDENTIALS,
  givenNameRank,
  isAmbiguousName,
  isCalendarWord,
  isCommonWord,
  isGivenName,
  isNonNameWord,
  isSurname,
  SURNAME_FIRST,
} from "../../lexicons/names.js";
import {
  findTables,
  isAllCapsLine,
  keepBest,
  type Line,
  lines,
  lineWindow,
  nameKey,
} from "../../lexicons/text.js";
import type { DetectDocument, Detector, Explanation, Finding, ScoreRung } from "../../types.js";
import { SCORE } from "../../types.js";
import { evidence, isNameShaped, joins, joinsInValue, type Token, tokenize } from "./tokens.js";

export const PERSON_DETECTOR_ID = "person-name";

interface Candidate {
  element: DataElement;
  start: number;
  end: number;
  rung: ScoreRung;
  explanation: Explanation;
  row?: string;
}

const PERSON_LABELS = [
  "patient name",
  "patient's name",
  "patient full name",
  "patient",
  "pt name",
  "pt",
  "full name",
  "legal name",
  "preferred name",
  "maiden name",
  "name",
  "client name",
  "client",
  "member name",
  "member",
  "subscriber name",
  "subscriber",
  "insured name",
  "insured",
  "policy holder",
  "policyholder",
  "guarantor name",
  "guarantor",
  "responsible party",
  "mother",
  "father",
  "parent",
  "guardian",
  "legal guardian",
  "spouse",
  "husband",
  "wife",
  "son",
  "daughter",
  "sister",
  "brother",
  "emergency contact",
  "contact name",
  "contact",
  "next of kin",
  "nok",
  "caregiver",
  "beneficiary",
  "resident",
  "decedent",
  "deceased",
  "re",
  "regarding",
];

const PROVIDER_LABELS = [
  "attending physician",
  "attending provider",
  "attending",
  "referring physician",
  "referring provider",
  "referring doctor",
  "referred by",
  "ordering physician",
  "ordering provider",
  "rendering provider",
  "treating physician",
  "primary care physician",
  "primary care provider",
  "pcp",
  "provider",
  "physician",
  "surgeon",
  "anesthesiologist",
  "consultant",
  "consulting physician",
  "radiologist",
  "pathologist",
  "interpreting physician",
  "supervising physician",
  "doctor",
  "nurse",
  "signed by",
  "electronically signed by",
  "dictated by",
  "authenticated by",
  "cosigned by",
  "seen by",
];

function labelRe(labels: string[]): RegExp {
  const body = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((l) =>
      l.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "['’]?" : `\\${c}`)).replace(/ /g, "\\s+"),
    )
    .join("|");
  // At the start of a line or after a field separator; then ":" (or "#:"), value follows.
  return new RegExp(`(?:^|(?<=[\\t|;]|\\s{2}|,\\s))[ \\t]*(?:${body})[ \\t]*(?:#\\s*)?[:：][ \\t]*`, "gimu");
}

const PERSON_LABEL_RE = labelRe(PERSON_LABELS);
const PROVIDER_LABEL_RE = labelRe(PROVIDER_LABELS);

/** Words after which a value stops: other field labels commonly on the same line. */
const FIELD_STOP = new Set([
  "dob",
  "mrn",
  "age",
  "dos",
  "sex",
  "gender",
  "acct",
  "account",
  "id",
  "phone",
  "ssn",
  "date",
  "room",
  "rm",
  "bed",
  "yo",
  "male",
  "female",
  "born",
  "admitted",
  "adm",
  "seen",
  "was",
  "is",
  "has",
  "had",
  "and",
  "or",
  "the",
  "for",
  "to",
]);

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const CREDENTIAL_SET = new Set(CREDENTIALS.map((c) => c.toLowerCase().replace(/\./g, "")));

interface NameValue {
  parts: Token[];
  inverted: boolean;
  /** Credential found right after the name. */
  credential?: string;
}

/**
 * Read a name from the start of `tokens` (already positioned after a label or title): "First M.
 * Last", "Last, First M." or all-caps forms. Returns undefined when the tokens don't form a name.
 */
function readName(
  tokens: Token[],
  text: string,
  allowUpper: boolean,
  maxWords = 4,
  opts: { inValue?: boolean; upperNeedsLexicon?: boolean } = {},
): NameValue | undefined {
  const parts: Token[] = [];
  let inverted = false;
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (parts.length > 0) {
      const gap = t.gap;
      const commaGap = /^,[ ]?$/.test(gap);
      if (
        commaGap &&
        !inverted &&
        parts.length <= 2 &&
        !parts.some((p) => p.shape === "initial") &&
        isNameShaped(t, allowUpper)
      ) {
        // "Last, First" — only if the next token is name-shaped and not a credential or suffix
        const key = t.text.toLowerCase().replace(/\./g, "");
        if (CREDENTIAL_SET.has(key) || SUFFIXES.has(key)) break;
        inverted = true;
      } else if (!(opts.inValue ? joinsInValue(gap) : joins(gap))) break;
    }
    const key = t.text.toLowerCase().replace(/\.$/, "");
    if (FIELD_STOP.has(key) && t.shape !== "cap") break;
    if (FIELD_STOP.has(key) && parts.length > 0) break;
    if (SUFFIXES.has(key) && parts.length > 0) break;
    if (CREDENTIAL_SET.has(key.replace(/\./g, "")) && parts.length > 1 && t.shape !== "cap") break;
    if (t.shape === "particle" && parts.length > 0) {
      parts.push(t);
      continue;
    }
    if (!isNameShaped(t, allowUpper)) break;
    if (
      opts.upperNeedsLexicon &&
      t.shape === "upper" &&
      parts.length > 0 &&
      !isGivenName(t.text) &&
      !isSurname(t.text)
    )
      break;
    parts.push(t);
    if (parts.filter((p) => p.shape !== "particle").length > maxWords) return undefined;
  }
  while (parts.length > 0 && parts[parts.length - 1]!.shape === "particle") parts.pop();
  if (parts.length === 0) return undefined;
  if (inverted && parts.length < 2) return undefined;
  const words = parts.filter((p) => p.shape !== "initial" && p.shape !== "particle");
  if (words.length === 0) return undefined;
  const credential = credentialAfter(text, parts[parts.length - 1]!.end);
  const res: NameValue = { parts, inverted };
  if (credential !== undefined) res.credential = credential;
  return res;
}

/** A credential right after a name ("…, MD", "… RN", "…, PA-C"), or undefined. */
function credentialAfter(text: string, pos: number): string | undefined {
  const after = text.slice(pos, pos + 24);
  const cm = /^,?[ \t]*([A-Za-z][A-Za-z./-]{0,8}?)(?=$|[\s,;)|])/.exec(after);
  if (!cm) return undefined;
  const raw = cm[1]!.replace(/[.,]$/, "");
  const key = raw.toLowerCase().replace(/\./g, "");
  if (!CREDENTIAL_SET.has(key) || !(/^[A-Z]/.test(raw) && raw !== raw.toLowerCase())) return undefined;
  if (raw !== raw.toUpperCase() && key !== "pharmd" && key !== "phd" && key !== "psyd" && key !== "rph")
    return undefined;
  // "PT", "OT", "DO", "PA", "DC", "OD", "RD" are credentials only right after a comma
  if (["pt", "ot", "do", "pa", "dc", "od", "rd"].includes(key) && !after.startsWith(",")) return undefined;
  return raw;
}

/** Order parts as given-first for lexicon checks. */
function givenFirst(v: NameValue): Token[] {
  if (!v.inverted) return v.parts;
  // parts before the comma are the surname
  const idx = v.parts.findIndex((p, k) => k > 0 && /^,/.test(p.gap));
  if (idx <= 0) return v.parts;
  return [...v.parts.slice(idx), ...v.parts.slice(0, idx)];
}

function lexiconChecks(parts: Token[]): { given: boolean; surname: boolean; any: boolean } {
  const ev = evidence(parts);
  const words = parts.filter((p) => p.shape !== "initial" && p.shape !== "particle");
  const any = words.some((w) => isGivenName(w.text) || isSurname(w.text));
  return { given: ev.given, surname: ev.surname, any };
}

function validations(parts: Token[]): { rule: string; passed: boolean }[] {
  const l = lexiconChecks(parts);
  return [
    { rule: "given-name-lexicon", passed: l.given },
    { rule: "surname-lexicon", passed: l.surname },
  ];
}

function span(v: NameValue): { start: number; end: number } {
  return { start: v.parts[0]!.start, end: v.parts[v.parts.length - 1]!.end };
}

/** Structured (label/title/header) candidate: strong, confirmed when the lexicons agree. */
function structured(
  v: NameValue,
  element: DataElement,
  candidate: string,
  context: string[],
  opts: { requireLexicon?: boolean; row?: string } = {},
): Candidate | undefined {
  const ordered = givenFirst(v);
  const ev = evidence(ordered);
  if (ev.hardNonName) return undefined;
  const words = ordered.filter((p) => p.shape !== "initial" && p.shape !== "particle");
  const lex = lexiconChecks(ordered);
  const agree = words.length >= 2 ? lex.given || lex.surname : lex.any;
  if (words.length === 1 && !lex.any) return undefined; // a lone unknown word after a label
  if (opts.requireLexicon && !(lex.given && lex.surname)) return undefined;
  if (words.length === 1 && ev.calendar) return undefined;
  const rung: ScoreRung = agree ? "confirmed" : "strong";
  const c: Candidate = {
    element,
    ...span(v),
    rung,
    explanation: {
      candidate,
      validations: validations(ordered),
      context,
      rung,
      note: agree ? "structure and name lexicons agree" : "structure only; name lexicons silent",
    },
  };
  if (opts.row !== undefined) c.row = opts.row;
  return c;
}

function withCredential(c: Candidate | undefined, v: NameValue): Candidate | undefined {
  if (!c || v.credential === undefined) return c;
  c.element = "PROVIDER_NAME";
  c.explanation.context = [...(c.explanation.context ?? []), `credential:${v.credential}`];
  return c;
}

function lineTokens(text: string, from: number, to: number): Token[] {
  return tokenize(text.slice(from, to), from);
}

function lineEndAt(text: string, pos: number): number {
  return lineWindow(text, pos, 0, 300).end;
}

/* ---------------------------------------------------------------- rules */

function labelled(text: string, out: Candidate[]): void {
  for (const [re, element] of [
    [PERSON_LABEL_RE, "PERSON_NAME"],
    [PROVIDER_LABEL_RE, "PROVIDER_NAME"],
  ] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const labelText = m[0]
        .replace(/[:：#\s]+/g, " ")
        .trim()
        .toLowerCase();
      const from = m.index + m[0].length;
      const to = lineEndAt(text, from);
      let toks = lineTokens(text, from, to);
      if (toks.length === 0) continue;
      // "Dr. Smith" after a provider label; "Mr. Smith" after a patient label
      let el: DataElement = element;
      const first = toks[0]!;
      if (/^(dr|doctor)\.?$/i.test(first.text)) {
        el = "PROVIDER_NAME";
        toks = toks.slice(1);
      } else if (/^(mr|mrs|ms|miss|mx)\.?$/i.test(first.text)) toks = toks.slice(1);
      if (toks.length === 0 || toks[0]!.gap.length > 2) {
        if (toks.length === 0) continue;
      }
      toks = toks.map((t, k) => (k === 0 ? { ...t, gap: "" } : t));
      const v = readName(toks, text, true, 4, { inValue: true });
      if (!v) continue;
      // the value must end the field: nothing name-like but unread right after it
      const isRe = labelText === "re" || labelText === "regarding";
      const c = structured(v, el, "label", [`label:${labelText}`], { requireLexicon: isRe });
      out.push(...(withCredential(c, v) ? [c!] : []));
    }
  }
}

const HONORIFIC_RE =
  /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Mx|Mister|MR|MRS|MS|MISS|Dr|DR|Doctor|DOCTOR|Prof|Professor)(\.?)[ \t]+/gu;

function honorifics(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(HONORIFIC_RE)) {
    const title = m[1]!;
    if (/^(Miss|MISS|Doctor|DOCTOR|Professor|Mister)$/.test(title) && m[2] === ".") continue;
    const from = m.index + m[0].length;
    const to = lineEndAt(text, from);
    const toks = lineTokens(text, from, Math.min(to, from + 80)).map((t, k) =>
      k === 0 ? { ...t, gap: "" } : t,
    );
    const upper = title === title.toUpperCase();
    const v = readName(toks, text, upper || isAllCapsLine(text.slice(from, to)), 3, {
      upperNeedsLexicon: true,
    });
    if (!v || v.inverted) continue;
    // "Miss" and "Doctor" are ordinary words too: need a lexicon hit
    const provider = /^(dr|doctor|prof|professor)$/i.test(title);
    const c = structured(v, provider ? "PROVIDER_NAME" : "PERSON_NAME", "honorific", [`title:${title}`], {
      requireLexicon: false,
    });
    if (!c) continue;
    if (/^(miss|doctor|professor|mister)$/i.test(title) && c.rung !== "confirmed") continue;
    out.push(withCredential(c, v)!);
  }
}

const SALUTATION_RE = /(?:^|\n)[ \t]*(Dear|Hi|Hello|Hey|Good morning|Good afternoon)[ \t]+/gi;

function salutations(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(SALUTATION_RE)) {
    const from = m.index + m[0].length;
    const to = lineEndAt(text, from);
    const toks = lineTokens(text, from, to).map((t, k) => (k === 0 ? { ...t, gap: "" } : t));
    if (toks.length === 0 || /^(mr|mrs|ms|miss|mx|dr|doctor|prof)\.?$/i.test(toks[0]!.text)) continue; // honorific rule
    const v = readName(toks, text, isAllCapsLine(text.slice(from, to)), 3);
    if (!v || v.inverted) continue;
    // the name must close the salutation: "," / ":" / "!" / end of line
    const rest = text.slice(v.parts[v.parts.length - 1]!.end, to).trim();
    if (rest !== "" && !/^[,:!.-]/.test(rest)) continue;
    const ev = evidence(v.parts);
    if (ev.hardNonName || ev.calendar || !ev.given) continue;
    const words = v.parts.filter((p) => p.shape !== "initial");
    if (words.length === 1 && ev.ambiguous > 0) continue;
    const rung: ScoreRung = "likely";
    out.push({
      element: "PERSON_NAME",
      ...span(v),
      rung,
      explanation: {
        candidate: "salutation",
        validations: validations(v.parts),
        context: [`salutation:${m[1]!.toLowerCase()}`],
        rung,
        note: "greeting followed by a given name",
      },
    });
  }
}

/** A line that is only a first name and a comma, opening a message: "John,". */
function bareSalutations(text: string, out: Candidate[]): void {
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    const line = ls[i]!;
    const m = /^[ \t]*(\p{Lu}[\p{Ll}\p{M}'’-]+)(?:[ ](\p{Lu}[\p{Ll}\p{M}'’-]+))?,[ \t]*$/u.exec(line.text);
    if (!m) continue;
    const prevBlank =
      i === 0 || ls[i - 1]!.text.trim() === "" || /^(?:subject|to|cc|sent|date):/i.test(ls[i - 1]!.text);
    let next: Line | undefined;
    for (let j = i + 1; j < Math.min(ls.length, i + 4) && !next; j++)
      if (ls[j]!.text.trim() !== "") next = ls[j];
    if (!prevBlank || !next || !/^\s*\p{Lu}/u.test(next.text)) continue;
    const first = m[1]!;
    if (!isGivenName(first) || isAmbiguousName(first) || isNonNameWord(first) || isCalendarWord(first))
      continue;
    if (m[2] !== undefined && (!isSurname(m[2]) || isNonNameWord(m[2]))) continue;
    const start = line.start + line.text.indexOf(first);
    const end =
      start +
      (m[2] !== undefined ? line.text.indexOf(m[2]) + m[2].length - line.text.indexOf(first) : first.length);
    const rung: ScoreRung = "likely";
    out.push({
      element: "PERSON_NAME",
      start,
      end,
      rung,
      explanation: {
        candidate: "salutation",
        validations: [{ rule: "given-name-lexicon", passed: true }],
        context: ["salutation:bare"],
        rung,
        note: "a message opening with a given name and a comma",
      },
    });
  }
}

const CLOSING_RE =
  /^[ \t]*(thanks|thank you|many thanks|thanks again|regards|best|best regards|kind regards|warm regards|warmly|sincerely|respectfully|cheers|take care|all the best|yours truly|v\/r|thx|--)[ \t]*[,.!]?[ \t]*(.*)$/i;

function signatures(text: string, out: Candidate[]): void {
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    const line = ls[i]!;
    const m = CLOSING_RE.exec(line.text);
    if (!m) continue;
    const inline = m[2]!;
    let target: { from: number; to: number } | undefined;
    if (inline.trim() !== "") {
      if (!/^[ \t]*(thanks|thank you|many thanks|regards|best|cheers|thx)[ \t]*,/i.test(line.text)) continue;
      const from = line.start + line.text.length - inline.length;
      target = { from, to: line.end };
    } else {
      for (let j = i + 1; j < Math.min(ls.length, i + 3); j++) {
        if (ls[j]!.text.trim() !== "") {
          target = { from: ls[j]!.start, to: ls[j]!.end };
          break;
        }
      }
    }
    if (!target) continue;
    const toks = lineTokens(text, target.from, target.to).map((t, k) => (k === 0 ? { ...t, gap: "" } : t));
    let el: DataElement = "PERSON_NAME";
    let body = toks;
    if (body[0] && /^(dr)\.?$/i.test(body[0].text)) {
      el = "PROVIDER_NAME";
      body = body.slice(1).map((t, k) => (k === 0 ? { ...t, gap: "" } : t));
    }
    const v = readName(body, text, true, 4, { upperNeedsLexicon: true });
    if (!v || v.inverted) continue;
    // the signature line holds the name and at most a credential / title after a comma
    const tail = text.slice(v.parts[v.parts.length - 1]!.end, target.to).trim();
    if (tail !== "" && !/^[,|–-]/.test(tail)) continue;
    const ev = evidence(v.parts);
    if (ev.hardNonName || ev.calendar || !ev.given) continue;
    const words = v.parts.filter((p) => p.shape !== "initial");
    if (words.length === 1 && ev.ambiguous > 0) continue;
    if (v.credential !== undefined) el = "PROVIDER_NAME";
    const rung: ScoreRung =
      words.length >= 2 && ev.surname ? (v.credential !== undefined ? "confirmed" : "strong") : "likely";
    const ctx = [`closing:${m[1]!.toLowerCase()}`];
    if (v.credential !== undefined) ctx.push(`credential:${v.credential}`);
    out.push({
      element: el,
      ...span(v),
      rung,
      explanation: { candidate: "signature", validations: validations(v.parts), context: ctx, rung },
    });
  }
}

/** "Smith, John A." and "SMITH, JOHN" anywhere. */
const INVERTED_RE =
  /(?<![\p{L}\p{N}'’-])((?:\p{Lu}['’])?\p{Lu}[\p{L}\p{M}'’]*(?:[-‐ ]\p{Lu}[\p{L}\p{M}'’]+)?),[ ]?(\p{Lu}[\p{L}\p{M}'’-]+)(?:[ ](\p{Lu}[\p{L}\p{M}'’-]+))?(?:[ ](\p{Lu})\.?(?![\p{L}]))?/gu;

function inverted(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(INVERTED_RE)) {
    const start = m.index;
    const toks = tokenize(m[0], start);
    if (toks.length < 2) continue;
    const last = m[1]!;
    const first = m[2]!;
    const lastToks = tokenize(last, start);
    const firstTok = toks.find((t) => t.text === first || t.start >= start + last.length + 1);
    if (!firstTok) continue;
    if (!lastToks.every((t) => t.shape === "cap" || t.shape === "upper")) continue;
    if (firstTok.shape !== "cap" && firstTok.shape !== "upper") continue;
    const isUpper = firstTok.shape === "upper";
    if (isUpper !== lastToks.every((t) => t.shape === "upper")) continue;
    if (!isSurname(last.replace(/\s+/g, "")) && !lastToks.every((t) => isSurname(t.text))) continue;
    // "Dominic Carolan, Barton Clark" is a list of full names, not "Last, First"
    if (
      lastToks.length === 2 &&
      isGivenName(lastToks[0]!.text) &&
      !/^(?:De|Del|Della|La|Le|Van|Von|Da|Di|Du|St|San|Santa|Mac|Mc|Ben|Bin|Al|El|Abu)$/i.test(
        lastToks[0]!.text,
      )
    )
      continue;
    if (!isGivenName(first)) continue;
    // the surname must not be the tail of a longer capitalised run ("George Washington Bridge, Martin")
    if (/\p{Lu}[\p{L}'’.-]*[ ]$/u.test(text.slice(Math.max(0, start - 20), start))) continue;
    // a middle name must be a given name; else the match ends after the first name
    let matchText = m[0];
    const middle = m[3];
    if (middle !== undefined && (!isGivenName(middle) || isNonNameWord(middle))) {
      matchText = matchText.slice(0, matchText.indexOf(middle) - 1);
    }
    // and what follows must not continue a Title Case phrase ("Martin Luther King Day")
    const follow = text.slice(start + matchText.length, start + matchText.length + 24);
    const nextWord = /^[ ](\p{Lu}[\p{L}'’-]+)/u.exec(follow);
    if (nextWord && !(middle !== undefined && matchText.length < m[0].length)) {
      if (!isSurname(nextWord[1]!) || isNonNameWord(nextWord[1]!)) continue;
    }
    const all = [...lastToks, firstTok];
    if (all.some((t) => isNonNameWord(t.text) || isCalendarWord(t.text))) continue;
    const ev = evidence([firstTok, ...lastToks]);
    if (ev.ambiguous >= 2) continue;
    // a lone comma-separated pair inside a longer list of capitalised words is likely a list
    const before = text.slice(Math.max(0, start - 2), start);
    const afterStart = start + matchText.length;
    const after = text.slice(afterStart, afterStart + 2);
    if (/,\s?$/.test(before) && /^,\s?\p{Lu}/u.test(after)) continue;
    const rung: ScoreRung = ev.ambiguous === 1 ? "possible" : "likely";
    out.push({
      element: "PERSON_NAME",
      start,
      end: start + matchText.length,
      rung,
      explanation: {
        candidate: "inverted",
        validations: [
          { rule: "surname-lexicon", passed: true },
          { rule: "given-name-lexicon", passed: true },
        ],
        rung,
        note: '"Last, First" order confirmed by both lexicons',
      },
    });
  }
}

const CONTEXT_BEFORE = new Set([
  "patient",
  "pt",
  "mr",
  "mrs",
  "ms",
  "son",
  "daughter",
  "wife",
  "husband",
  "mother",
  "father",
  "mom",
  "dad",
  "spouse",
  "brother",
  "sister",
  "grandson",
  "granddaughter",
  "grandmother",
  "grandfather",
  "guardian",
  "caregiver",
  "named",
  "guarantor",
  "client",
  "resident",
  "infant",
  "baby",
]);
/** Relationship words after which a lone given name is a person ("his wife Lakisha"). */
const RELATIONS = new Set(
  (
    "son daughter wife husband mother father mom dad spouse brother sister grandson granddaughter grandmother " +
    "grandfather guardian caregiver named niece nephew aunt uncle partner fiance fiancée fiancee boyfriend " +
    "girlfriend stepson stepdaughter stepmother stepfather child baby infant"
  ).split(" "),
);
const PROVIDER_BEFORE = new Set([
  "dr",
  "doctor",
  "attending",
  "physician",
  "surgeon",
  "provider",
  "np",
  "pa",
]);

const ORG_AFTER =
  /^[ ]+(?:Hospital|Medical|Medicine|Center|Centre|Clinic|Health|Healthcare|Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Blvd|Drive|Dr\b|Lane|Ln\b|Way|Court|Ct\b|Place|Parkway|Highway|University|College|School|Academy|Foundation|Institute|Pharmacy|Park|Memorial|County|Building|Hall|Library|Elementary|High|Middle|Church|Cancer|Heart|Children|Childrens|Children's|Regional|Community|Family|Group|Associates|Partners|Inc|LLC|Award|Fund|Trust|Bridge|Tunnel|Airport|Station|Square|Plaza|Lake|River|Mountain|Valley|Beach|Bay|Avenue|HOSPITAL|MEDICAL|CENTER|CLINIC|HEALTH|STREET|AVENUE|ROAD|DRIVE|UNIVERSITY|SCHOOL|PHARMACY|MEMORIAL|COUNTY)\b/u;
const PLACE_BEFORE =
  /(?:\b(?:St|Saint|San|Santa|Mount|Mt|Lake|Fort|Ft|Port|Cape|Camp|Los|Las|Del|New|North|South|East|West)\.?[ ]+)$/u;

const ORG_HEADS = new Set(
  (
    "hospital medical medicine center centre clinic health healthcare street st avenue ave road rd boulevard blvd " +
    "drive dr lane ln way court ct place parkway pkwy highway hwy university college school academy foundation " +
    "institute pharmacy park memorial county building hall library elementary church cancer regional community " +
    "associates partners inc llc award fund trust bridge airport station square plaza lake river valley beach " +
    "disease syndrome"
  ).split(" "),
);

/** True when the capitalised run continuing after token `end` reaches an organisation or place head. */
function orgLater(toks: Token[], end: number): boolean {
  for (let j = end + 1; j < Math.min(toks.length, end + 5); j++) {
    const u = toks[j]!;
    if (!joins(u.gap) || (u.shape !== "cap" && u.shape !== "upper" && u.shape !== "initial")) return false;
    const k = nameKey(u.text);
    if (ORG_HEADS.has(k) || ORG_TAILS.has(k)) return true;
  }
  return false;
}

/** Last words that make a Title Case pair an organisation or event ("Chase Bank", "Rose Bowl"). */
const ORG_TAILS = new Set(
  (
    "bank bowl lodge bridge brothers day days week month church house fund group press news times post journal " +
    "company corporation partners associates consulting capital financial insurance technologies systems " +
    "solutions labs motors foods stores market shop cafe grill restaurant hotel inn theater theatre stadium arena " +
    "award awards prize scholarship lecture series festival fair expo conference summit " +
    "sans serif mono roman grande bold italic regular condensed"
  ).split(" "),
);

/**
 * A frequent given name followed by a capitalised word that is in no lexicon and is no common English
 * word: an unknown surname ("Adaeze Okonkwo-Eze", "Priya Venkataraman").
 */
function unknownSurname(text: string, toks: Token[], i: number, out: Candidate[]): void {
  const t = toks[i]!;
  const u = toks[i + 1]!;
  if (isAmbiguousName(t.text) || u.shape !== "cap" || u.text.length < 3) return;
  if (isCommonWord(u.text) || isNonNameWord(u.text) || isCalendarWord(u.text) || isGivenName(u.text)) return;
  if (ORG_TAILS.has(nameKey(u.text)) || ORG_HEADS.has(nameKey(u.text))) return;
  // not part of a longer Title Case phrase, not a place or organisation
  const after = toks[i + 2];
  if (after && joins(after.gap) && (after.shape === "cap" || after.shape === "upper")) return;
  const before = text.slice(Math.max(0, t.start - 12), t.start);
  if (PLACE_BEFORE.test(before)) return;
  const prev = i > 0 ? toks[i - 1] : undefined;
  if (prev && joins(t.gap) && prev.shape === "cap" && !CONTEXT_BEFORE.has(prev.text.toLowerCase())) return;
  const rung: ScoreRung = givenNameRank(t.text) !== undefined ? "possible" : "weak";
  out.push({
    element: "PERSON_NAME",
    start: t.start,
    end: u.end,
    rung,
    explanation: {
      candidate: "titlecase",
      validations: [
        { rule: "given-name-lexicon", passed: true },
        { rule: "surname-lexicon", passed: false },
        { rule: "not-common-word", passed: true },
      ],
      rung,
      note: "known given name, then a capitalised word that is no common English word",
    },
  });
}

/** "Nguyen Thi Huong", "Kim Min Jun": a surname-first family name followed by given names. */
function surnameFirst(lineToks: LineTokens[], out: Candidate[]): void {
  for (const { caps, toks } of lineToks) {
    for (let i = 0; i + 1 < toks.length; i++) {
      const t = toks[i]!;
      if (!(caps ? t.shape === "upper" : t.shape === "cap") || !SURNAME_FIRST.has(nameKey(t.text))) continue;
      let j = i + 1;
      while (
        j < toks.length &&
        j < i + 4 &&
        joins(toks[j]!.gap) &&
        (caps ? toks[j]!.shape === "upper" : toks[j]!.shape === "cap")
      ) {
        if (!isGivenName(toks[j]!.text) || isNonNameWord(toks[j]!.text)) break;
        j++;
      }
      if (j - i < 3) continue; // family name + at least two given names, to stay clear of "Kim Smith"
      const parts = toks.slice(i, j);
      const rung: ScoreRung = "possible";
      out.push({
        element: "PERSON_NAME",
        start: parts[0]!.start,
        end: parts[parts.length - 1]!.end,
        rung,
        explanation: {
          candidate: "surname-first",
          validations: [
            { rule: "surname-first-lexicon", passed: true },
            { rule: "given-name-lexicon", passed: true },
          ],
          rung,
          note: "family name written first, then given names",
        },
      });
      i = j - 1;
    }
  }
}

/** Title-Case (or all-caps on shouting lines) sequences confirmed by the lexicons. */
interface LineTokens {
  line: Line;
  caps: boolean;
  toks: Token[];
}

function lineTokensOf(text: string): LineTokens[] {
  const out: LineTokens[] = [];
  for (const line of lines(text)) {
    // only lines with a capital letter can hold a Title Case or all-caps name
    if (line.text.length < 3 || !/\p{Lu}/u.test(line.text)) continue;
    out.push({ line, caps: isAllCapsLine(line.text), toks: tokenize(line.text, line.start) });
  }
  return out;
}

function sequences(text: string, lineToks: LineTokens[], out: Candidate[]): void {
  for (const { line, caps, toks } of lineToks) {
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      const shapeOk = caps ? t.shape === "upper" : t.shape === "cap";
      if (!shapeOk || isNonNameWord(t.text) || isCalendarWord(t.text) || !isGivenName(t.text)) {
        i++;
        continue;
      }
      // extend: given [given|initial|particle]* surname
      let best = -1;
      let bestClean = -1;
      for (let j = i + 1; j < Math.min(toks.length, i + 5); j++) {
        const u = toks[j]!;
        if (!joins(u.gap)) break;
        const okShape =
          u.shape === "initial" || u.shape === "particle" || (caps ? u.shape === "upper" : u.shape === "cap");
        if (!okShape || isNonNameWord(u.text) || isCalendarWord(u.text)) break;
        if (u.shape === "initial" || u.shape === "particle") continue;
        if (isSurname(u.text) || (toks[j - 1]!.shape === "particle" && u.shape === "cap")) {
          best = j;
          if (!evidence([u]).ambiguous) bestClean = j;
        }
        if (!isSurname(u.text) && !isGivenName(u.text)) break;
      }
      const end = bestClean > 0 ? bestClean : best;
      if (end < 0) {
        // a lone given name right after a relationship word: "his wife Lakisha called"
        const prevTok = i > 0 ? toks[i - 1] : undefined;
        const rel = prevTok && (joins(t.gap) || /^,[ ]$/.test(t.gap)) ? prevTok.text.toLowerCase() : "";
        const next = toks[i + 1];
        const nextJoins =
          next !== undefined && joins(next.gap) && (next.shape === "cap" || next.shape === "upper");
        if (RELATIONS.has(rel) && !nextJoins && !isAmbiguousName(t.text)) {
          const rung: ScoreRung = "likely";
          out.push({
            element: "PERSON_NAME",
            start: t.start,
            end: t.end,
            rung,
            explanation: {
              candidate: caps ? "allcaps" : "titlecase",
              validations: validations([t]),
              context: [`before:${rel}`],
              rung,
              note: "given name right after a relationship word",
            },
          });
        } else if (!caps && nextJoins && next !== undefined) unknownSurname(text, toks, i, out);
        i++;
        continue;
      }
      const parts = toks.slice(i, end + 1);
      if (ORG_TAILS.has(nameKey(toks[end]!.text))) {
        i = end + 1;
        continue;
      }
      const ev = evidence(parts);
      const first = parts[0]!;
      const lastTok = parts[parts.length - 1]!;
      const before = text.slice(Math.max(line.start, first.start - 12), first.start);
      const after = text.slice(lastTok.end, Math.min(line.end, lastTok.end + 16));
      if (PLACE_BEFORE.test(before) || ORG_AFTER.test(after) || orgLater(toks, end)) {
        i = end + 1;
        continue;
      }
      const prev = i > 0 ? toks[i - 1] : undefined;
      const prevKey =
        prev && /^[ ]{1,2}$|^\.?[ ]$/.test(first.gap) ? prev.text.toLowerCase().replace(/\.$/, "") : "";
      const ctxPerson = CONTEXT_BEFORE.has(prevKey);
      const ctxProvider = PROVIDER_BEFORE.has(prevKey);
      let rung: ScoreRung;
      const words = parts.filter((p) => p.shape !== "initial" && p.shape !== "particle").length;
      if (ctxPerson || ctxProvider) rung = "likely";
      else if (ev.ambiguous >= words) rung = "weak";
      else rung = "possible";
      if (caps && !ctxPerson && !ctxProvider && ev.ambiguous > 0) {
        i = end + 1;
        continue;
      }
      const cred = credentialAfter(text, lastTok.end);
      if (cred !== undefined) {
        rung = ev.given && ev.surname ? "confirmed" : "strong";
      }
      const context = prevKey && (ctxPerson || ctxProvider) ? [`before:${prevKey}`] : [];
      if (cred !== undefined) context.push(`credential:${cred}`);
      if (ev.ambiguous > 0) context.push(`ambiguous-words:${ev.ambiguous}`);
      out.push({
        element: ctxProvider || cred !== undefined ? "PROVIDER_NAME" : "PERSON_NAME",
        start: first.start,
        end: lastTok.end,
        rung,
        explanation: {
          candidate: caps ? "allcaps" : "titlecase",
          validations: validations(parts),
          context,
          rung,
          note:
            cred !== undefined
              ? "lexicon-confirmed name followed by a credential"
              : rung === "weak"
                ? "every part is also a common English word"
                : ctxPerson || ctxProvider
                  ? "context word before a lexicon-confirmed name"
                  : "given name then surname, both in the lexicons",
        },
      });
      i = end + 1;
    }
  }
}

const NOT_PERSON_HEADER =
  /\b(?:file|user|username|facility|plan|drug|med|meds|medication|company|employer|sheet|street|city|test|procedure|product|item|account|payer|payor|insurance|insurer|practice|clinic|hospital|department|dept|location|site|vendor|pharmacy|host|server|device|program|project|document|field|column|table|event|org|organization|business|group|app|unit|service|diagnosis|condition|lab|study|report|campaign|template|brand|generic)\b/i;
const ID_LIKE_HEADER =
  /\b(?:id|npi|dea|tin|ein|taxonomy|specialty|license|credentials?|#|number|num|no|dob|date|phone|tel|fax|address|addr|email|mrn|ssn|age|sex|gender|zip|city|state|status|type|code|amount|balance|room|bed|relationship|relation)\b/i;
const PROVIDER_HEADER_RE =
  /\b(?:provider|physician|doctor|attending|pcp|referring|ordering|rendering|surgeon|clinician|nurse|prescriber|practitioner)\b/i;
const PERSON_HEADER_RE =
  /^(?:patient|pt|client|member|subscriber|insured|guarantor|resident|mother|father|parent|guardian|spouse|contact|emergency contact|next of kin|nok|beneficiary|decedent|responsible party|first|last|surname|lname|fname|given|family|full|legal|maiden|preferred|middle)\b/i;

/** Which name element a column header announces, if any. */
export function headerKind(header: string): "PERSON_NAME" | "PROVIDER_NAME" | undefined {
  const h = header.trim().replace(/[_.]+/g, " ");
  if (h === "" || h.length > 48) return undefined;
  const hasName = /\bname\b|^(?:surname|lname|fname|last,? ?first)$/i.test(h) || /name$/i.test(h);
  if (PROVIDER_HEADER_RE.test(h) && (hasName || !ID_LIKE_HEADER.test(h))) return "PROVIDER_NAME";
  if (NOT_PERSON_HEADER.test(h)) return undefined;
  if (hasName) return "PERSON_NAME";
  if (PERSON_HEADER_RE.test(h) && !ID_LIKE_HEADER.test(h)) return "PERSON_NAME";
  return undefined;
}

function columns(text: string, out: Candidate[]): void {
  for (const table of findTables(text)) {
    const kinds = table.header.map((h) => headerKind(h.text));
    if (!kinds.some((k) => k)) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const kind = kinds[cell.column];
        if (!kind || cell.text === "" || /\d/.test(cell.text)) continue;
        const header = table.header[cell.column]!.text.trim().toLowerCase();
        let toks = tokenize(cell.text, cell.start).map((t, k) => (k === 0 ? { ...t, gap: "" } : t));
        let el: DataElement = kind;
        if (toks[0] && /^(dr|mr|mrs|ms|miss)\.?$/i.test(toks[0].text)) {
          if (/^dr/i.test(toks[0].text)) el = "PROVIDER_NAME";
          toks = toks.slice(1).map((t, k) => (k === 0 ? { ...t, gap: "" } : t));
        }
        const v = readName(toks, text, true, 5, { inValue: true });
        if (!v) continue;
        // the cell must be the name (plus at most a credential)
        const tail = text.slice(v.parts[v.parts.length - 1]!.end, cell.end).trim();
        if (tail !== "" && !/^,?\s*[A-Za-z./-]{1,8}$/.test(tail)) continue;
        const c = structured(v, el, "column", [`header:${header}`], { row: row.row });
        const cc = withCredential(c, v);
        if (cc) out.push(cc);
      }
    }
  }
}

/* ---------------------------------------------------------------- merge */

const RUNG_ORDER: ScoreRung[] = ["weak", "possible", "likely", "strong", "confirmed"];

function resolve(cands: Candidate[]): Candidate[] {
  // Provider evidence wins over person evidence on the same span, then the higher rung, the longer
  // span, a table cell (it carries the row key) and the earlier start.
  return keepBest(
    cands,
    (a, b) =>
      (b.element === "PROVIDER_NAME" ? 1 : 0) - (a.element === "PROVIDER_NAME" ? 1 : 0) ||
      RUNG_ORDER.indexOf(b.rung) - RUNG_ORDER.indexOf(a.rung) ||
      b.end - b.start - (a.end - a.start) ||
      (b.row !== undefined ? 1 : 0) - (a.row !== undefined ? 1 : 0) ||
      a.start - b.start,
  );
}

let lastText: string | undefined;
let lastFindings: Finding[] = [];

/** All name findings (both elements) for a text; the last result is memoised for the two detectors. */
export function detectNames(text: string): Finding[] {
  if (text === lastText) return lastFindings;
  lastFindings = computeNames(text);
  lastText = text;
  return lastFindings;
}

function computeNames(text: string): Finding[] {
  const cands: Candidate[] = [];
  labelled(text, cands);
  honorifics(text, cands);
  salutations(text, cands);
  bareSalutations(text, cands);
  signatures(text, cands);
  inverted(text, cands);
  const lineToks = lineTokensOf(text);
  sequences(text, lineToks, cands);
  surnameFirst(lineToks, cands);
  columns(text, cands);
  return resolve(cands).map((c) => {
    const f: Finding = {
      element: c.element,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      score: SCORE[c.rung],
      detector: PERSON_DETECTOR_ID,
      explanation: c.explanation,
    };
    if (c.row !== undefined) f.row = c.row;
    return f;
  });
}

export const personNameDetector: Detector = {
  meta: {
    id: PERSON_DETECTOR_ID,
    elements: ["PERSON_NAME", "PROVIDER_NAME"],
    description:
      "Personal names (patients, relatives, guarantors) and provider names from labels, titles, credentials, " +
      "salutations, signatures, 'Last, First' forms, name columns and lexicon-confirmed Title Case or all-caps text.",
    version: "1.0.0",
    examples: [
      { text: "Patient: Maria Gonzalez\nDOB: 01/02/1960", expect: ["Maria Gonzalez"] },
      { text: "Pt Name: O'Neil, Patrick J.", expect: ["O'Neil, Patrick J."] },
      { text: "Guarantor: Nguyen-Tran, Linh", expect: ["Nguyen-Tran, Linh"] },
      { text: "Dear Mrs. Thompson,\nYour results are ready.", expect: ["Thompson"] },
      { text: "Please call Robert Johnson about his refill.", expect: ["Robert Johnson"] },
      { text: "PT JOHN SMITH SEEN TODAY FOR F/U", expect: ["JOHN SMITH"] },
      { text: "Thanks,\nMaria", expect: ["Maria"] },
      {
        text: "Sheet: Census\nMRN\tPatient Name\tDOB\n12345\tJuan de la Cruz\t01/02/1950",
        expect: ["Juan de la Cruz"],
      },
      { text: "SMITH, JOHN\nJONES, MARY", expect: ["SMITH, JOHN", "JONES, MARY"] },
      { text: "Dear Team,\nPlease see the attached.", expect: [] },
      { text: "Best Regards,\nPatient Portal Support", expect: [] },
      { text: "He was admitted to Memorial Hospital on Monday.", expect: [] },
      { text: "Started metformin 500 mg BID in March.", expect: [] },
      { text: "The office on Grant Street will close in June.", expect: [] },
      { text: "Follow Up Visit Scheduled For Next Week", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return detectNames(doc.text).filter((f) => f.element === "PERSON_NAME");
  },
};

export const providerNameDetector: Detector = {
  meta: {
    id: "provider-name",
    elements: ["PROVIDER_NAME"],
    description:
      "Provider names: titled (Dr.), credentialed (MD, DO, NP, PA-C, RN…) or under a provider label or column " +
      "(Attending:, Referring physician:, PCP:).",
    version: "1.0.0",
    examples: [
      { text: "Attending: Sarah Chen, MD", expect: ["Sarah Chen"] },
      { text: "Referred by Dr. Amit Patel for evaluation.", expect: ["Amit Patel"] },
      { text: "Referring physician: Dr. Rosa Delgado", expect: ["Rosa Delgado"] },
      { text: "Seen with Karen Walsh, NP today.", expect: ["Karen Walsh"] },
      { text: "Thanks,\nMichael Brown, PA-C", expect: ["Michael Brown"] },
      { text: "Patient: Maria Gonzalez", expect: [] },
      { text: "Dear Ms. Lee,", expect: [] },
      { text: "Please call the doctor's office.", expect: [] },
      { text: "Drive to the clinic on Main St.", expect: [] },
      { text: "MD Anderson Cancer Center", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return detectNames(doc.text)
      .filter((f) => f.element === "PROVIDER_NAME")
      .map((f) => ({ ...f, detector: "provider-name" }));
  },
};
