import type { Attachment } from "./attachment.js";
import type { AttachmentSource } from "./attachment-source.js";
import type { GenContext } from "./context.js";
import { DOCUMENT_KINDS } from "./documents.js";
import {
  type DocumentFormat,
  documentAttachment,
  sheetAttachment,
  zipAttachment,
} from "./make-attachment.js";

/**
 * Where messages get their files: newly rendered ones, or in size-driven (`bulk`) runs, once
 * enough exist, files sent before. Size-driven runs also lean on long scanned packets: that is
 * what makes real mailboxes big, and it keeps generation fast (a file is rendered and
 * base64-encoded once). The pool is bounded, so memory does not grow with size.
 */
export function createFileSource(ctx: GenContext, bulk: boolean): AttachmentSource {
  const { rng } = ctx;
  const pool: Attachment[] = [];
  const POOL = 64;
  const remember = (a: Attachment): Attachment => {
    if (pool.length < POOL) pool.push(a);
    else pool[rng.int(0, POOL - 1)] = a;
    return a;
  };
  const reuse = (): Attachment | undefined =>
    bulk && pool.length >= POOL / 4 && rng.chance(0.9) ? rng.pick(pool) : undefined;
  const docFormat = (): DocumentFormat =>
    rng.weighted<DocumentFormat>([
      ["pdf", 35],
      ["docx", 20],
      ["pdf-scan", bulk ? 30 : 15],
      ["png", bulk ? 2 : 10],
      ["jpeg", 10],
    ]);
  const maxExtraPages = bulk ? 14 : 2;
  const source: AttachmentSource = {
    sheet: async (patients) =>
      reuse() ?? remember(await sheetAttachment(ctx, patients, rng.chance(0.55) ? "xlsx" : "csv")),
    document: async (kind, p) =>
      reuse() ?? remember(await documentAttachment(ctx, kind, p, docFormat(), maxExtraPages)),
    bundle: async (patients) => {
      const again = reuse();
      if (again) return again;
      const members = [await sheetAttachment(ctx, patients, rng.chance(0.5) ? "xlsx" : "csv")];
      for (let i = rng.int(1, 3); i > 0; i--) {
        members.push(
          await documentAttachment(
            ctx,
            rng.pick(DOCUMENT_KINDS),
            rng.pick(patients),
            docFormat(),
            maxExtraPages,
          ),
        );
      }
      return remember(zipAttachment(ctx, members));
    },
    resend: () => (pool.length ? rng.pick(pool) : undefined),
  };

  return source;
}
