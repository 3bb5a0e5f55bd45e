import type { ItemNode } from "../core/item.js";
import { type EntryJob, runEntryJob } from "./entry-job.js";
import { loadToolkit } from "./toolkit.js";

/** Worker-thread entry: builds one top-level entry into an item tree. */
export default async function buildEntry(job: EntryJob): Promise<ItemNode> {
  return runEntryJob(job, await loadToolkit());
}
