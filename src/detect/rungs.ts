import { SCORE, type ScoreRung } from "./types.js";

const ORDER: readonly ScoreRung[] = ["weak", "possible", "likely", "strong", "confirmed"];

/**
 * Evidence for one candidate, as the rung helper sees it.
 * - `context`: a label word or column header supports the candidate.
 * - `checksum`: a check digit/algorithm passed (a failed checksum should reject the candidate instead).
 * - `checksumAlone`: the rung a passing checksum earns without context. Defaults to `strong`; use a lower
 *   rung when the checksum is weak evidence by itself (a single mod-10 digit on a short number).
 * - `ranges`: value-range/shape rules passed (SSN area/group/serial, valid calendar date, NANP rules).
 * - `negative`: a context word argues against this reading (e.g. "order #" before an SSN shape).
 * - `base`: the rung the bare candidate pattern earns (default `weak`).
 */
export interface RungEvidence {
  context: boolean;
  checksum?: boolean;
  checksumAlone?: ScoreRung;
  ranges?: boolean;
  negative?: boolean;
  base?: ScoreRung;
}

/**
 * The ladder, in one place:
 *   bare candidate → base (weak unless the detector says otherwise)
 *   + context → at least likely
 *   + checksum → strong (or `checksumAlone`), confirmed with context
 *   + ranges (when there is no checksum) → one rung up
 *   + negative context → one rung down
 */
export function pickRung(e: RungEvidence): ScoreRung {
  let i = ORDER.indexOf(e.base ?? "weak");
  if (e.context) i = Math.max(i, 2);
  if (e.checksum) {
    i = Math.max(i, e.context ? 4 : ORDER.indexOf(e.checksumAlone ?? "strong"));
  } else if (e.ranges) i += 1;
  if (e.negative) i -= 1;
  return ORDER[Math.min(4, Math.max(0, i))]!;
}

export function rungScore(rung: ScoreRung): number {
  return SCORE[rung];
}

export function stepDown(rung: ScoreRung, steps = 1): ScoreRung {
  return ORDER[Math.max(0, ORDER.indexOf(rung) - steps)]!;
}

export function rungAtLeast(rung: ScoreRung, floor: ScoreRung): boolean {
  return ORDER.indexOf(rung) >= ORDER.indexOf(floor);
}
