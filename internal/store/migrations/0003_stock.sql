-- Stock (internal/stock): warehouses and bins, the movement ledger and the
-- stock levels derived from it, suppliers, purchase orders and stock counts.
-- Products are the catalog's: stock refers to them by id and checks them
-- through the catalog's Go API, never by a foreign key into its tables.

CREATE TABLE warehouses (
	id TEXT PRIMARY KEY,
	code TEXT NOT NULL COLLATE NOCASE UNIQUE,
	name TEXT NOT NULL,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('warehouses', 'document');

-- Bin locations. sort_key orders codes by path with numbers compared as
-- numbers ("A-2" before "A-10"); the stock service computes it.
CREATE TABLE bins (
	id TEXT PRIMARY KEY,
	warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
	code TEXT NOT NULL COLLATE NOCASE,
	sort_key TEXT NOT NULL,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (warehouse_id, code)
);
CREATE INDEX bins_sort ON bins (warehouse_id, sort_key);
INSERT INTO sync_tables (name, kind) VALUES ('bins', 'document');

-- The movement ledger: insert-only (its capture triggers refuse updates and
-- deletes), merged on sync by union of ids. quantity is signed: receipt,
-- return and reservation add, sale and release take away, adjustment,
-- transfer and count go either way. reservation and release move the
-- reserved quantity; every other kind moves the quantity on hand.
-- bin_id is NULL for stock not kept in a bin.
CREATE TABLE stock_movements (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('receipt', 'sale', 'reservation', 'release', 'return', 'adjustment', 'transfer', 'count')),
	product_id TEXT NOT NULL,
	warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
	bin_id TEXT REFERENCES bins (id),
	quantity INTEGER NOT NULL CHECK (quantity BETWEEN -1000000000 AND 1000000000 AND CASE
		WHEN kind IN ('receipt', 'return', 'reservation') THEN quantity > 0
		WHEN kind IN ('sale', 'release') THEN quantity < 0
		ELSE quantity <> 0 END),
	unit_cost INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
	reason TEXT NOT NULL DEFAULT '',
	ref_type TEXT NOT NULL DEFAULT '',     -- order, po, count, transfer, ...
	ref_id TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX stock_movements_product ON stock_movements (product_id, created_at);
CREATE INDEX stock_movements_ref ON stock_movements (ref_type, ref_id);
INSERT INTO sync_tables (name, kind) VALUES ('stock_movements', 'ledger');

-- Stock levels: a cache of the ledger's sums per product, warehouse and bin
-- ('' for no bin), local to this workstation and never edited but by the
-- trigger below, which also applies movements that sync brings in. A test
-- checks it against the ledger after random operations, and
-- stock.VerifyLevels does in production.
CREATE TABLE stock_levels (
	product_id TEXT NOT NULL,
	warehouse_id TEXT NOT NULL,
	bin_id TEXT NOT NULL DEFAULT '',
	id TEXT NOT NULL,                      -- product_id/warehouse_id/bin_id, for the audit log
	on_hand INTEGER NOT NULL DEFAULT 0,
	reserved INTEGER NOT NULL DEFAULT 0,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (product_id, warehouse_id, bin_id)
) WITHOUT ROWID;                           -- one b-tree: a movement touches few pages
CREATE INDEX stock_levels_place ON stock_levels (warehouse_id, bin_id);
INSERT INTO sync_tables (name, kind) VALUES ('stock_levels', 'cache');

CREATE TRIGGER stock_levels_apply AFTER INSERT ON stock_movements BEGIN
	INSERT INTO stock_levels (id, product_id, warehouse_id, bin_id, on_hand, reserved, updated_at)
	VALUES (NEW.product_id || '/' || NEW.warehouse_id || '/' || COALESCE(NEW.bin_id, ''),
		NEW.product_id, NEW.warehouse_id, COALESCE(NEW.bin_id, ''),
		CASE WHEN NEW.kind IN ('reservation', 'release') THEN 0 ELSE NEW.quantity END,
		CASE WHEN NEW.kind IN ('reservation', 'release') THEN NEW.quantity ELSE 0 END,
		NEW.created_at)
	ON CONFLICT (product_id, warehouse_id, bin_id) DO UPDATE SET
		on_hand = on_hand + excluded.on_hand,
		reserved = reserved + excluded.reserved,
		updated_at = excluded.updated_at;
END;

CREATE TABLE suppliers (
	id TEXT PRIMARY KEY,
	code TEXT NOT NULL COLLATE NOCASE UNIQUE,
	name TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX suppliers_name ON suppliers (name COLLATE NOCASE);
INSERT INTO sync_tables (name, kind) VALUES ('suppliers', 'document');

CREATE TABLE purchase_orders (
	id TEXT PRIMARY KEY,
	number TEXT NOT NULL,
	supplier_id TEXT NOT NULL REFERENCES suppliers (id),
	warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
	status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partly_received', 'received', 'cancelled')),
	notes TEXT NOT NULL DEFAULT '',
	sent_at TEXT NOT NULL DEFAULT '',
	closed_at TEXT NOT NULL DEFAULT '',    -- when received in full or cancelled
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX purchase_orders_status ON purchase_orders (status, created_at);
CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, created_at);
INSERT INTO sync_tables (name, kind) VALUES ('purchase_orders', 'document');

-- received may exceed quantity: receiving more than ordered is allowed
-- when confirmed, and recorded.
CREATE TABLE purchase_order_lines (
	id TEXT PRIMARY KEY,
	purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id),
	line_no INTEGER NOT NULL,
	product_id TEXT NOT NULL,
	quantity INTEGER NOT NULL CHECK (quantity > 0),
	received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
	unit_cost INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost BETWEEN 0 AND 1000000000000),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (purchase_order_id, line_no)
);
CREATE INDEX purchase_order_lines_product ON purchase_order_lines (product_id);
INSERT INTO sync_tables (name, kind) VALUES ('purchase_order_lines', 'document');

-- Stock counts of a warehouse, or of some of its bins (bin_ids, a JSON
-- array; empty for the whole warehouse). Posting turns the variances into
-- count movements, once.
CREATE TABLE stock_counts (
	id TEXT PRIMARY KEY,
	warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
	bin_ids TEXT NOT NULL DEFAULT '[]',
	status TEXT NOT NULL CHECK (status IN ('open', 'posted', 'cancelled')),
	reason TEXT NOT NULL DEFAULT '',
	opened_by TEXT NOT NULL,
	closed_by TEXT NOT NULL DEFAULT '',
	closed_at TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX stock_counts_status ON stock_counts (status, created_at);
INSERT INTO sync_tables (name, kind) VALUES ('stock_counts', 'document');

-- One line per product and bin ('' for no bin). expected is the quantity
-- on hand when the line was last counted (or the count opened); counted is
-- NULL until someone counts it.
CREATE TABLE stock_count_lines (
	id TEXT PRIMARY KEY,
	count_id TEXT NOT NULL REFERENCES stock_counts (id),
	product_id TEXT NOT NULL,
	bin_id TEXT NOT NULL DEFAULT '',
	expected INTEGER NOT NULL,
	counted INTEGER CHECK (counted >= 0),
	counted_by TEXT NOT NULL DEFAULT '',
	counted_at TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (count_id, product_id, bin_id)
);
INSERT INTO sync_tables (name, kind) VALUES ('stock_count_lines', 'document');
