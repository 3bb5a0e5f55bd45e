import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CaseError, initCase, openCase } from "./case.js";
import { digestFile, registerSource } from "./evidence.js";

describe("case", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bs-case-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a case, refuses to create it twice, and reopens it", async () => {
    const c = await initCase(join(dir, "c"), "Test incident");
    expect(c.info.name).toBe("Test incident");
    await c.store.close();
    await expect(initCase(join(dir, "c"))).rejects.toBeInstanceOf(CaseError);
    const again = await openCase(join(dir, "c"));
    expect(again.info.id).toBe(c.info.id);
    const log = await again.store.listAudit();
    expect(log.map((e) => e.command)).toEqual(["case init"]);
    await again.store.close();
  });

  it("says clearly when a directory is not a case", async () => {
    await expect(openCase(dir)).rejects.toThrow(/not a breachscope case.*case init/);
  });

  it("registers evidence once per content, whatever the path", async () => {
    const c = await initCase(join(dir, "c"));
    const a = join(dir, "a.eml");
    const b = join(dir, "b.eml");
    writeFileSync(a, "Subject: x\n\nbody");
    writeFileSync(b, "Subject: x\n\nbody");
    const d = await digestFile(a);
    expect(d).toEqual({
      size: 16,
      sha256: "250cf4d29121b0536d6644ad4b475a65bc3535259dd8de1f5506dc27ddd74242",
    });
    const first = await registerSource(c.store, a, d, "eml");
    const second = await registerSource(c.store, b, await digestFile(b), "eml");
    expect(first.isNew).toBe(true);
    expect(second.isNew).toBe(false);
    expect(second.source.id).toBe(first.source.id);
    expect(second.source.path).toBe(a);
    expect(await c.store.sourcePaths(first.source.id)).toEqual([a, b]);
    await c.store.close();
  });
});
