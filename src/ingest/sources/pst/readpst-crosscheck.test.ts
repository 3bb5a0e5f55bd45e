import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES, packageFile } from "../../../../test/fixtures.js";
import { openPst } from "./pst-file.js";

const READPST = "/usr/bin/readpst";
const hasReadpst = existsSync(READPST);
const NO_READPST = hasReadpst ? "" : "(skipped: readpst, Debian package pst-utils, is not installed)";

/**
 * Items per output folder of `readpst -r`: one mbox/calendar/contacts/journal file per folder.
 * mbox messages start with "From " lines (bodies are escaped); other items are vCard/iCalendar.
 */
function readpstCounts(file: string): Map<string, number> {
  const out = mkdtempSync(join(tmpdir(), "readpst-"));
  try {
    // readpst 0.6.76 aborts now and then on the 2013-format OSTs (about 1 run in 30 here, a
    // crash of the reference tool, not a disagreement): run it again before giving up.
    let r = spawnSync(READPST, ["-D", "-r", "-q", "-o", out, file], { timeout: 120_000 });
    for (let attempt = 1; attempt < 5 && r.status !== 0; attempt++) {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out);
      r = spawnSync(READPST, ["-D", "-r", "-q", "-o", out, file], { timeout: 120_000 });
    }
    if (r.status !== 0) throw new Error(`readpst exited with ${r.status} (signal ${r.signal})`);
    const counts = new Map<string, number>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) {
          walk(p);
          continue;
        }
        const text = readFileSync(p, "latin1");
        // An mbox can hold iCalendar text inside attachments, so each file type has its own marker.
        const marker = name === "mbox" ? /^From /gm : /^BEGIN:(VEVENT|VTODO|VJOURNAL|VCARD)\r?$/gm;
        const n = (text.match(marker) ?? []).length;
        counts.set(dir, (counts.get(dir) ?? 0) + n);
      }
    };
    walk(out);
    return new Map([...counts].filter(([, n]) => n > 0).map(([d, n]) => [basename(d), n]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function ourCounts(file: string): { name: string; declared: number }[] {
  const f = openPst(file);
  try {
    return [...f.folders()]
      .filter((x) => x.declared > 0)
      .map((x) => ({ name: x.name, declared: x.declared }));
  } finally {
    f.close();
  }
}

const FILES = [
  fixture("pst/libyal-outlook.pst"),
  fixture("pst/tika-testPST.pst"),
  fixture("pst/tika-testPST_variousBodyTypes.pst"),
  packageFile("pst-extractor", "example/testdata/enron.pst"),
  packageFile("pst-extractor", "example/testdata/pstextractortest@outlook.com.ost"),
  packageFile("pst-extractor", "example/testdata/pstextractortestpdf@outlook.com.ost"),
].filter(existsSync);

describe.skipIf(!hasFixtures || !hasReadpst)(
  `per-folder counts agree with readpst ${NO_FIXTURES} ${NO_READPST}`.trimEnd(),
  () => {
    it.each(FILES)("%s", (file) => {
      const theirs = readpstCounts(file);
      const ours = ourCounts(file);
      // readpst names the top folders after the store, so compare the multiset of counts, then
      // every folder whose name both sides share.
      expect(ours.map((x) => x.declared).sort((a, b) => a - b)).toEqual(
        [...theirs.values()].sort((a, b) => a - b),
      );
      for (const [name, n] of theirs) {
        const mine = ours.filter((x) => x.name === name);
        if (mine.length === 0) continue;
        expect({ name, n: mine.some((x) => x.declared === n) }).toEqual({ name, n: true });
      }
    });
  },
);
