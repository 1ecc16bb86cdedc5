-- Sync (internal/sync): what the client keeps to talk to the server, the
-- clocks of the values it holds, the inbox of changes the server refused or
-- that could not be applied here, and the exceptions the server raises.

-- The device's enrolment and the position of its pull. credential is the
-- device's secret for the server (it authenticates every request); it is
-- never logged or shown. pull_cursor is opaque, given by the server.
ALTER TABLE sync_state ADD COLUMN server_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN credential TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN enrolled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN pull_cursor TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN snapshot_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN last_attempt_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN clock_warning TEXT NOT NULL DEFAULT '';

-- The clock of each value that sync merged or this device had acknowledged:
-- {"": "hlc@device" for the row, "column": "hlc@device", ..., "~": tombstone}.
-- Changes still in the outbox carry their own clocks. Store internal.
CREATE TABLE sync_clocks (
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	clocks TEXT NOT NULL,
	PRIMARY KEY (entity, entity_id)
) WITHOUT ROWID;

-- Changes the server refused (direction push) and pulled changes this
-- workstation could not apply (direction pull), with the reason, for the
-- admin's sync page. One bad change never blocks the rest. Store internal.
CREATE TABLE sync_inbox (
	id TEXT PRIMARY KEY,
	direction TEXT NOT NULL CHECK (direction IN ('push', 'pull')),
	change_id TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	op TEXT NOT NULL,
	fields TEXT NOT NULL,
	reason TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX sync_inbox_at ON sync_inbox (at);

-- Pending changes of an entity, looked up when a pulled change meets them.
CREATE INDEX outbox_entity ON outbox (entity, entity_id);

-- Exceptions the server raises when merged data breaks a rule that no single
-- workstation could see: a product sold below zero in a warehouse by
-- stations that were offline (oversold, one per product and warehouse), or
-- an order cancelled on one station and shipped on another (cancel_ship,
-- one per order). A manager settles them. orders is a JSON array of the
-- ids of the orders involved.
CREATE TABLE sync_exceptions (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('oversold', 'cancel_ship')),
	product_id TEXT NOT NULL DEFAULT '',
	warehouse_id TEXT NOT NULL DEFAULT '',
	order_id TEXT NOT NULL DEFAULT '',
	orders TEXT NOT NULL DEFAULT '[]',
	shortage INTEGER NOT NULL DEFAULT 0,
	detail TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('open', 'settled')),
	resolution TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('', 'backorder', 'transfer', 'refund', 'accept')),
	note TEXT NOT NULL DEFAULT '',
	settled_by TEXT NOT NULL DEFAULT '',
	settled_at TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX sync_exceptions_status ON sync_exceptions (status, created_at);
INSERT INTO sync_tables (name, kind) VALUES ('sync_exceptions', 'document');
