/** Node ids and NID types of the messaging layer ([MS-PST] 2.2.2.1 and 2.4). */
export const NID_MESSAGE_STORE = 0x21;
export const NID_NAME_TO_ID_MAP = 0x61;
export const NID_ROOT_FOLDER = 0x122;

/** Subnodes of a message node. */
export const NID_ATTACHMENT_TABLE = 0x671;
export const NID_RECIPIENT_TABLE = 0x692;

export const NID_TYPE = {
  NORMAL_FOLDER: 0x02,
  SEARCH_FOLDER: 0x03,
  NORMAL_MESSAGE: 0x04,
  ATTACHMENT: 0x05,
  ASSOC_MESSAGE: 0x08,
  HIERARCHY_TABLE: 0x0d,
  CONTENTS_TABLE: 0x0e,
  ASSOC_CONTENTS_TABLE: 0x0f,
  SEARCH_CONTENTS_TABLE: 0x10,
} as const;

export function nidType(nid: number): number {
  return nid & 0x1f;
}

/** The NID of a folder's companion table (hierarchy, contents, associated contents, search contents). */
export function companionNid(folderNid: number, type: number): number {
  return ((folderNid >>> 5) << 5) | type;
}
