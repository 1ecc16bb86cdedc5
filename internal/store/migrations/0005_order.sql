-- Orders (internal/order): order headers and lines (documents), their
-- status history (a ledger) and this workstation's number series (local).
-- Products, customers and warehouses belong to other packages: orders
-- refer to them by id and snapshot what must not change afterwards (SKU,
-- name, price, tax rate, addresses), never by a foreign key into their tables.

-- version increases by one with every change made through the order
-- service (header or lines), so the later of two saves of the same draft
-- is refused. Amounts are minor units of currency; discount_bps applies to
-- every line after its own discount. Addresses are JSON snapshots ('{}'
-- for none). prices_include_tax is the catalog setting when the order was
-- created: its lines' prices are gross when 1, net when 0.
-- number is not UNIQUE: numbers come from per-device series and sync will
-- bring in other devices' orders; the series keeps this device's unique.
CREATE TABLE orders (
	id TEXT PRIMARY KEY,
	number TEXT NOT NULL,
	customer_id TEXT,                      -- NULL for a walk-in sale
	customer_group TEXT NOT NULL DEFAULT '', -- the customer's, when set: it chose the prices
	channel TEXT NOT NULL CHECK (channel IN ('counter', 'phone', 'email', 'web')),
	status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'picking', 'packed', 'shipped', 'delivered', 'cancelled')),
	warehouse_id TEXT NOT NULL DEFAULT '',
	billing_address TEXT NOT NULL DEFAULT '{}',
	shipping_address TEXT NOT NULL DEFAULT '{}',
	notes TEXT NOT NULL DEFAULT '',
	discount_bps INTEGER NOT NULL DEFAULT 0 CHECK (discount_bps BETWEEN 0 AND 10000),
	shipping INTEGER NOT NULL DEFAULT 0 CHECK (shipping >= 0),
	currency TEXT NOT NULL,
	prices_include_tax INTEGER NOT NULL CHECK (prices_include_tax IN (0, 1)),
	subtotal INTEGER NOT NULL DEFAULT 0,   -- lines before discounts, as priced
	discount_total INTEGER NOT NULL DEFAULT 0,
	net_total INTEGER NOT NULL DEFAULT 0,
	tax_total INTEGER NOT NULL DEFAULT 0,
	total INTEGER NOT NULL DEFAULT 0,      -- gross lines plus shipping
	version INTEGER NOT NULL DEFAULT 1,
	created_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX orders_number ON orders (number);
CREATE INDEX orders_created ON orders (created_at);
CREATE INDEX orders_status ON orders (status, created_at);
CREATE INDEX orders_customer ON orders (customer_id, created_at);
INSERT INTO sync_tables (name, kind) VALUES ('orders', 'document');

-- Order lines. sku, name, unit_price, tax_class_id and tax_rate_bps are
-- snapshots taken when the line was added. reserved and backordered are
-- set on confirmation: reserved + backordered = quantity.
CREATE TABLE order_lines (
	id TEXT PRIMARY KEY,
	order_id TEXT NOT NULL REFERENCES orders (id),
	line_no INTEGER NOT NULL,
	product_id TEXT NOT NULL,
	sku TEXT NOT NULL,
	name TEXT NOT NULL,
	quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000000000),
	unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
	discount_bps INTEGER NOT NULL DEFAULT 0 CHECK (discount_bps BETWEEN 0 AND 10000),
	tax_class_id TEXT NOT NULL DEFAULT '',
	tax_rate_bps INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bps BETWEEN 0 AND 10000),
	discount INTEGER NOT NULL DEFAULT 0,   -- line and order discount, as priced
	net INTEGER NOT NULL DEFAULT 0,
	tax INTEGER NOT NULL DEFAULT 0,
	gross INTEGER NOT NULL DEFAULT 0,
	reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
	backordered INTEGER NOT NULL DEFAULT 0 CHECK (backordered >= 0),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX order_lines_order ON order_lines (order_id, line_no);
CREATE INDEX order_lines_product ON order_lines (product_id);
CREATE INDEX order_lines_backordered ON order_lines (product_id) WHERE backordered > 0;
INSERT INTO sync_tables (name, kind) VALUES ('order_lines', 'document');

-- The order's history: one row per status transition, insert-only.
-- from_status is '' for the creation of the draft.
CREATE TABLE order_events (
	id TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	from_status TEXT NOT NULL,
	to_status TEXT NOT NULL,
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	at TEXT NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, at);
INSERT INTO sync_tables (name, kind) VALUES ('order_events', 'ledger');

-- This workstation's number series, one row per kind and prefix
-- ('order:S01'), holding the last number given. Local: every device counts
-- its own series, and a number is taken in the transaction that uses it.
CREATE TABLE order_number_series (
	id TEXT PRIMARY KEY,
	last INTEGER NOT NULL CHECK (last >= 0),
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('order_number_series', 'local');
