/**
 * Provenance is a path from the evidence file down to a piece of content:
 * `mailbox:jdoe.pst/folder:Inbox/msg:2097188/att:2:labs.zip/entry:results.xlsx`.
 * Segments are `type:name`; a `/` inside a name is escaped as `%2F` and `%` as `%25`
 * so that the path can be split unambiguously.
 */
export type SegmentType = "source" | "folder" | "msg" | "att" | "entry" | "part" | "file" | "embedded";

export type Segment = string;

function escapeName(name: string): string {
  return name
    .replace(/%/g, "%25")
    .replace(/\//g, "%2F")
    .replace(/[\r\n\t]/g, " ");
}

export function segment(type: SegmentType, name: string | number): Segment {
  return `${type}:${escapeName(String(name))}`;
}

export const seg = {
  source: (name: string) => segment("source", name),
  folder: (name: string) => segment("folder", name),
  msg: (id: string | number) => segment("msg", id),
  /** An attachment: its 1-based position among the message's attachments, then its file name if any. */
  att: (index: number, name?: string) => segment("att", name ? `${index}:${name}` : String(index)),
  entry: (name: string) => segment("entry", name),
  part: (id: string) => segment("part", id),
  file: (relPath: string) => segment("file", relPath),
  embedded: (index: number) => segment("embedded", index),
};

export function joinPath(parts: readonly Segment[]): string {
  return parts.join("/");
}

export function splitPath(path: string): { type: string; name: string }[] {
  return path.split("/").map((s) => {
    const i = s.indexOf(":");
    const raw = i < 0 ? s : s.slice(i + 1);
    return { type: i < 0 ? "" : s.slice(0, i), name: raw.replace(/%2F/g, "/").replace(/%25/g, "%") };
  });
}
