/**
 * SQLite schema, as ordered migrations. Never edit a migration that has shipped: add a new one.
 * Each runs in a transaction and is recorded in schema_migrations.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "case, evidence registry, audit log, items, exceptions",
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  version TEXT NOT NULL,
  options TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  parent_id INTEGER REFERENCES sources(id),
  status TEXT NOT NULL DEFAULT 'pending',
  declared INTEGER,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);

-- Every path where a source's content was found: the same file in two exports is one source
-- (read once) with two locations, both kept for the chain of custody.
CREATE TABLE source_paths (
  source_id INTEGER NOT NULL REFERENCES sources(id),
  path TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (source_id, path)
);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  parent_id INTEGER REFERENCES items(id),
  kind TEXT NOT NULL,
  provenance TEXT NOT NULL UNIQUE,
  name TEXT,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  text_length INTEGER NOT NULL DEFAULT 0,
  declared INTEGER,
  duplicate_of INTEGER REFERENCES items(id),
  message_id TEXT,
  subject TEXT,
  from_addr TEXT,
  to_addr TEXT,
  cc_addr TEXT,
  bcc_addr TEXT,
  sent_at TEXT,
  meta TEXT,
  top_level INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX items_parent ON items(parent_id);
CREATE INDEX items_source ON items(source_id, top_level);
CREATE INDEX items_message ON items(message_id, sha256) WHERE message_id IS NOT NULL AND duplicate_of IS NULL;
CREATE INDEX items_sha ON items(sha256);

CREATE TABLE item_text (item_id INTEGER PRIMARY KEY REFERENCES items(id), text TEXT NOT NULL);

CREATE TABLE exceptions (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  item_id INTEGER REFERENCES items(id),
  parent_id INTEGER REFERENCES items(id),
  provenance TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  where_ TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (provenance, reason, where_)
);
CREATE INDEX exceptions_parent ON exceptions(parent_id);
CREATE INDEX exceptions_source ON exceptions(source_id);
`,
  },
  {
    id: 2,
    name: "findings and per-item detection status",
    sql: `
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  element TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  score REAL NOT NULL,
  detector TEXT NOT NULL,
  explanation TEXT NOT NULL,
  row_key TEXT
);
CREATE INDEX findings_item ON findings(item_id);
CREATE INDEX findings_element ON findings(element);

-- An item is detected once per detector set; a resumed run skips the items listed here.
CREATE TABLE item_detection (
  item_id INTEGER PRIMARY KEY REFERENCES items(id),
  detector_set TEXT NOT NULL,
  findings INTEGER NOT NULL,
  detected_at TEXT NOT NULL
);
`,
  },
];
