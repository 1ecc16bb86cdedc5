-- Store internals: device identity and sync state, the per-transaction
-- context the capture triggers read, the registry of captured tables, the
-- outbox and the audit log.

CREATE TABLE sync_state (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	device_id TEXT NOT NULL,
	device_name TEXT NOT NULL,
	station_code TEXT NOT NULL DEFAULT '',
	last_seq INTEGER NOT NULL DEFAULT 0,
	hlc_wall INTEGER NOT NULL DEFAULT 0,
	hlc_counter INTEGER NOT NULL DEFAULT 0,
	server_url TEXT NOT NULL DEFAULT '',
	last_sync_at TEXT NOT NULL DEFAULT '',
	last_error TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);

-- One row, set by the store at the start of every write transaction and
-- cleared before it commits. A write outside a store transaction finds
-- active = 0 and the capture triggers abort it.
CREATE TABLE tx_context (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	active INTEGER NOT NULL DEFAULT 0,
	capture INTEGER NOT NULL DEFAULT 1,
	user_id TEXT NOT NULL DEFAULT '',
	user_name TEXT NOT NULL DEFAULT '',
	hlc TEXT NOT NULL DEFAULT '',
	now TEXT NOT NULL DEFAULT '',
	schema_version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tx_context (id) VALUES (1);

-- Every table holding business data is registered here by the migration
-- that creates it. kind: document (field-level last-writer-wins), ledger
-- (insert-only, union by id), local (this workstation only: audited, not
-- synced) or cache (derived from other tables by triggers, e.g. stock levels
-- from the movement ledger: neither synced nor audited, since its source is). audit_omit: columns whose values the audit log never shows.
CREATE TABLE sync_tables (
	name TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('document', 'ledger', 'local', 'cache')),
	audit_omit TEXT NOT NULL DEFAULT ''
);

CREATE TABLE outbox (
	seq INTEGER PRIMARY KEY,           -- equals device_seq
	id TEXT NOT NULL UNIQUE,           -- change id, UUIDv7
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
	fields TEXT NOT NULL,              -- JSON object of the new values of changed columns
	hlc TEXT NOT NULL,
	user_id TEXT NOT NULL,
	schema_version INTEGER NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
	id TEXT PRIMARY KEY,
	at TEXT NOT NULL,
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	device_id TEXT NOT NULL,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	changes TEXT NOT NULL              -- JSON: {"column": [old, new]} for updates, values for insert/delete
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);

-- Users and roles (internal/auth).
CREATE TABLE users (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL COLLATE NOCASE UNIQUE,
	full_name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'counter', 'warehouse')),
	password_hash TEXT NOT NULL DEFAULT '',
	pin_hash TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind, audit_omit) VALUES ('users', 'document', 'password_hash,pin_hash');

-- Wrong PIN and password attempts on this workstation.
CREATE TABLE login_failures (
	id TEXT PRIMARY KEY REFERENCES users (id),   -- the user's id
	failures INTEGER NOT NULL,
	locked_until TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('login_failures', 'local');

-- The company (internal/company): one row, id 'company'.
CREATE TABLE company (
	id TEXT PRIMARY KEY CHECK (id = 'company'),
	name TEXT NOT NULL,
	address_line1 TEXT NOT NULL DEFAULT '',
	address_line2 TEXT NOT NULL DEFAULT '',
	postal_code TEXT NOT NULL DEFAULT '',
	city TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL,
	currency TEXT NOT NULL,
	tax_id TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	logo TEXT NOT NULL DEFAULT '',               -- data URL of a PNG or JPEG
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind, audit_omit) VALUES ('company', 'document', 'logo');
