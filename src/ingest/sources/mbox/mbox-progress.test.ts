import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { mboxReader } from "./mbox-reader.js";

describe("mboxReader progress", () => {
  it("reports rising fractions of the file read, without changing what is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bs-mbox-progress-"));
    try {
      const path = join(dir, "big.mbox");
      const body = "x".repeat(4000);
      const msgs: string[] = [];
      for (let i = 1; i <= 2500; i++) {
        msgs.push(`From a@b Mon Jan  1 00:00:00 2024\nSubject: m${i}\nMessage-ID: <${i}@b>\n\n${body}\n`);
      }
      writeFileSync(path, msgs.join("\n"));
      const fractions: number[] = [];
      let messages = 0;
      const gen = mboxReader.read(path, { limits: DEFAULT_LIMITS, onProgress: (f) => fractions.push(f) });
      for (;;) {
        const r = await gen.next();
        if (r.done) break;
        if (r.value.type === "message") messages++;
      }
      expect(messages).toBe(2500);
      expect(fractions.length).toBeGreaterThan(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
      expect(fractions.at(-1)).toBeLessThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
