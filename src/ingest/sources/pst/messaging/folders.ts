import type { ExceptionInput } from "../../../../core/exception.js";
import { NodeScope } from "../ltp/node-scope.js";
import type { NameResolver } from "../ltp/property-context.js";
import { readPropertyContext } from "../ltp/property-context.js";
import { TableContext } from "../ltp/table-context.js";
import type { Ndb } from "../ndb/ndb.js";
import { hex, toException } from "../ndb/pst-error.js";
import { companionNid, NID_TYPE, nidType } from "./nids.js";

const PID_DISPLAY_NAME = 0x3001;
const PID_CONTENT_COUNT = 0x3602;
const PID_SUBFOLDERS = 0x360a;
const PID_CONTAINER_CLASS = 0x3613;

export interface PstFolder {
  nid: number;
  /** Display name ("" when the folder has none). */
  name: string;
  /** Folder names from the root folder down to this one (the root's own name first). */
  path: string[];
  parentNid?: number;
  /** A search folder: its rows point at messages stored in other folders, so they are not counted. */
  search: boolean;
  containerClass?: string;
  /** PidTagContentCount as the folder states it. */
  contentCount?: number;
  /** Messages the folder declares: rows of its contents table (0 for search folders). */
  declared: number;
  /** Rows of the row index of the contents table. */
  indexRows: number;
  /** Rows actually present in the row matrix (block sizes / row size). */
  matrixRows: number;
  /** Hidden (FAI) items in the associated contents table: views, rules, forms. Not read. */
  associated: number;
  /** Rows of a search folder's search contents table (references, not messages). */
  searchRows: number;
  subfolders: number[];
  exceptions: ExceptionInput[];
}

function tableRows(ndb: Ndb, nid: number): { index: number; matrix: number } | undefined {
  const node = ndb.tryNode(nid);
  if (!node) return undefined;
  const tc = new TableContext(new NodeScope(ndb, node.bidData, node.bidSub, `node ${hex(nid)}`));
  return { index: tc.rowCount(), matrix: tc.matrixRowCount() };
}

/** Reads one folder: its properties, subfolder list and the row counts of its tables. */
export function readFolder(
  ndb: Ndb,
  nid: number,
  parentPath: string[],
  names: NameResolver,
  parentNid?: number,
): PstFolder {
  const search = nidType(nid) === NID_TYPE.SEARCH_FOLDER;
  const f: PstFolder = {
    nid,
    name: "",
    path: [],
    search,
    declared: 0,
    indexRows: 0,
    matrixRows: 0,
    associated: 0,
    searchRows: 0,
    subfolders: [],
    exceptions: [],
  };
  if (parentNid !== undefined) f.parentNid = parentNid;
  const where = `folder ${hex(nid)}`;
  try {
    const node = ndb.node(nid);
    const pc = readPropertyContext(new NodeScope(ndb, node.bidData, node.bidSub, where), {
      names,
      maxValueBytes: 1 << 20,
    });
    f.exceptions.push(...pc.exceptions);
    const name = pc.props.tagged.get(PID_DISPLAY_NAME);
    if (typeof name === "string") f.name = name;
    const count = pc.props.tagged.get(PID_CONTENT_COUNT);
    if (typeof count === "number") f.contentCount = count;
    const cls = pc.props.tagged.get(PID_CONTAINER_CLASS);
    if (typeof cls === "string") f.containerClass = cls;
    const hasSub = pc.props.tagged.get(PID_SUBFOLDERS);
    readChildren(ndb, f, hasSub === true);
  } catch (err) {
    f.exceptions.push(toException(err, where));
  }
  f.path = [...parentPath, f.name];
  if (search) {
    try {
      f.searchRows = tableRows(ndb, companionNid(nid, NID_TYPE.SEARCH_CONTENTS_TABLE))?.index ?? 0;
    } catch (err) {
      f.exceptions.push(toException(err, `${where} search contents table`));
    }
    return f;
  }
  try {
    const rows = tableRows(ndb, companionNid(nid, NID_TYPE.CONTENTS_TABLE));
    if (rows) {
      f.indexRows = rows.index;
      f.matrixRows = rows.matrix;
      f.declared = Math.max(rows.index, rows.matrix);
      if (rows.index !== rows.matrix) {
        f.exceptions.push({
          reason: "corrupt",
          detail: `contents table index declares ${rows.index} rows but its row matrix holds ${rows.matrix}`,
          where,
        });
      }
    } else if ((f.contentCount ?? 0) > 0) {
      f.exceptions.push({ reason: "corrupt", detail: "contents table node is missing", where });
    }
  } catch (err) {
    f.exceptions.push(toException(err, `${where} contents table`));
  }
  if (f.contentCount !== undefined && f.contentCount !== f.declared) {
    f.exceptions.push({
      reason: "declared-not-read",
      detail: `folder states ${f.contentCount} messages (PidTagContentCount) but its contents table lists ${f.declared}`,
      where,
    });
  }
  try {
    f.associated = tableRows(ndb, companionNid(nid, NID_TYPE.ASSOC_CONTENTS_TABLE))?.index ?? 0;
  } catch (err) {
    f.exceptions.push(toException(err, `${where} associated contents table`));
  }
  return f;
}

function readChildren(ndb: Ndb, f: PstFolder, flagged: boolean): void {
  const hnid = companionNid(f.nid, NID_TYPE.HIERARCHY_TABLE);
  const where = `folder ${hex(f.nid)} hierarchy table`;
  try {
    const node = ndb.tryNode(hnid);
    if (!node) {
      if (flagged) f.exceptions.push({ reason: "corrupt", detail: "hierarchy table node is missing", where });
      return;
    }
    const tc = new TableContext(new NodeScope(ndb, node.bidData, node.bidSub, where));
    const declared = tc.rowCount();
    for (const row of tc.rows()) f.subfolders.push(row.rowId);
    if (f.subfolders.length < declared) {
      f.exceptions.push({
        reason: "declared-not-read",
        detail: `hierarchy table declares ${declared} subfolders, ${f.subfolders.length} could be listed`,
        where,
      });
    }
  } catch (err) {
    f.exceptions.push(toException(err, where));
  }
}
