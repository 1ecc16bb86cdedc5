-- Payments (internal/order payment.go, paymethod.go, drawer.go): payment
-- methods (documents), payments and refunds (an insert-only ledger), the
-- later pay-out of pending refunds, store credit, the cash drawer sessions
-- of each workstation with their closing counts, and a local cache of each
-- order's payment totals.
--
-- Amounts are minor units of the order's currency. Payments never hold a
-- card number: reference is the terminal slip, transfer id, PayPal id or
-- gift card code, and the service refuses anything that passes as a card
-- number.

-- Payment methods. id is a short code ('cash', 'card', or a new UUIDv7 for
-- a method an admin adds). kind is fixed once created: the rules (change
-- for cash, credit limit for on account, balance for store credit) follow
-- the kind, the name is only what people see. Methods are deactivated,
-- never deleted, since payments snapshot them.
CREATE TABLE payment_methods (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'transfer', 'paypal', 'account', 'gift_card', 'store_credit')),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	sort INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('payment_methods', 'document');
INSERT INTO payment_methods (id, name, kind, active, sort, created_at, updated_at) VALUES
	('cash', 'Cash', 'cash', 1, 10, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('card', 'Card terminal', 'card', 1, 20, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('transfer', 'Bank transfer', 'transfer', 1, 30, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('paypal', 'PayPal', 'paypal', 1, 40, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('account', 'On account', 'account', 1, 50, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('gift_card', 'Gift card', 'gift_card', 1, 60, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	('store_credit', 'Store credit', 'store_credit', 1, 70, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Payments and refunds, insert-only: amount > 0 is a payment, < 0 a refund.
-- method_kind and method_name are snapshots. tendered and change are set
-- for cash payments (tendered - change = amount). reason is required for
-- refunds; return_id is '' unless the refund comes from a return.
-- status 'pending' is a refund still to be paid out (after a cancellation
-- or a return); it is completed by a row in payment_settlements, never by
-- an update, so the ledger merges by union. drawer_session_id is the open
-- cash drawer of the device when the payment was taken ('' for none).
-- approved_by is the manager who let an on-account payment exceed the
-- customer's credit limit.
CREATE TABLE payments (
	id TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	method_id TEXT NOT NULL,
	method_kind TEXT NOT NULL CHECK (method_kind IN ('cash', 'card', 'transfer', 'paypal', 'account', 'gift_card', 'store_credit')),
	method_name TEXT NOT NULL,
	currency TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount <> 0),
	tendered INTEGER NOT NULL DEFAULT 0 CHECK (tendered >= 0),
	change INTEGER NOT NULL DEFAULT 0 CHECK (change >= 0),
	reference TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL DEFAULT '',
	return_id TEXT NOT NULL DEFAULT '',
	drawer_session_id TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('completed', 'pending')),
	approved_by TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	at TEXT NOT NULL,
	device_id TEXT NOT NULL,
	CHECK (status = 'completed' OR amount < 0),
	CHECK (amount > 0 OR reason <> '')
);
CREATE INDEX payments_order ON payments (order_id, at);
CREATE INDEX payments_drawer ON payments (drawer_session_id) WHERE drawer_session_id <> '';
CREATE INDEX payments_return ON payments (return_id) WHERE return_id <> '';
INSERT INTO sync_tables (name, kind) VALUES ('payments', 'ledger');

-- The pay-out of a pending refund, for its whole amount. The service
-- allows one per payment; there is no UNIQUE index on payment_id because a
-- ledger merges by id, and two offline devices paying out the same refund
-- is a real event sync must bring in (and show), not refuse.
-- drawer_session_id is the drawer the cash came out of ('' for none).
CREATE TABLE payment_settlements (
	id TEXT PRIMARY KEY,
	payment_id TEXT NOT NULL,
	drawer_session_id TEXT NOT NULL DEFAULT '',
	reference TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	at TEXT NOT NULL,
	device_id TEXT NOT NULL
);
CREATE INDEX payment_settlements_payment ON payment_settlements (payment_id);
CREATE INDEX payment_settlements_drawer ON payment_settlements (drawer_session_id) WHERE drawer_session_id <> '';
INSERT INTO sync_tables (name, kind) VALUES ('payment_settlements', 'ledger');

-- Store credit per customer, insert-only: + issued (a refund to store
-- credit, e.g. from a return), - used (a payment by store credit). The
-- balance is the sum.
CREATE TABLE store_credits (
	id TEXT PRIMARY KEY,
	customer_id TEXT NOT NULL,
	currency TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount <> 0),
	payment_id TEXT NOT NULL DEFAULT '',
	return_id TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX store_credits_customer ON store_credits (customer_id, at);
INSERT INTO sync_tables (name, kind) VALUES ('store_credits', 'ledger');

-- Each order's payment totals: a cache, local to this workstation, derived
-- from payments and payment_settlements and rebuildable from them at any
-- time (order.rebuildPaymentTotals, which every payment, refund and
-- settlement calls in its own transaction, and which sync calls for the
-- orders whose payments it brings in). It is a cache because the ledgers
-- are the truth and merge by union across devices: a synced sum would be a
-- second truth that could disagree with them. Not synced, not audited.
-- id is the order's id. paid: completed payments; refunded: completed
-- refunds (positive); pending_refund: refunds still to be paid out
-- (positive); return_refund: refunds of returns, completed or pending
-- (positive), which lower what the order is still worth. A refund is
-- completed if its status is, or it has a settlement.
CREATE TABLE order_payment_totals (
	id TEXT PRIMARY KEY,
	paid INTEGER NOT NULL DEFAULT 0,
	refunded INTEGER NOT NULL DEFAULT 0,
	pending_refund INTEGER NOT NULL DEFAULT 0,
	return_refund INTEGER NOT NULL DEFAULT 0,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('order_payment_totals', 'cache');

-- Cash drawer sessions: one per opening of a device's drawer, at most one
-- open per device (the partial unique index; device ids never repeat
-- across devices, so sync cannot meet a second open session).
-- opening_float is the cash put in at opening.
CREATE TABLE cash_sessions (
	id TEXT PRIMARY KEY,
	device_id TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
	currency TEXT NOT NULL,
	opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
	opened_by TEXT NOT NULL,
	opened_by_name TEXT NOT NULL,
	opened_at TEXT NOT NULL,
	closed_by TEXT NOT NULL DEFAULT '',
	closed_by_name TEXT NOT NULL DEFAULT '',
	closed_at TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX cash_sessions_open ON cash_sessions (device_id) WHERE status = 'open';
CREATE INDEX cash_sessions_opened ON cash_sessions (opened_at);
INSERT INTO sync_tables (name, kind) VALUES ('cash_sessions', 'document');

-- The counts taken when a drawer closes, one row per method: expected from
-- the session's payments, counted by the person closing, difference =
-- counted - expected.
CREATE TABLE cash_session_counts (
	id TEXT PRIMARY KEY,
	session_id TEXT NOT NULL,
	method_id TEXT NOT NULL,
	method_name TEXT NOT NULL,
	method_kind TEXT NOT NULL,
	expected INTEGER NOT NULL,
	counted INTEGER NOT NULL,
	difference INTEGER NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX cash_session_counts_session ON cash_session_counts (session_id);
INSERT INTO sync_tables (name, kind) VALUES ('cash_session_counts', 'ledger');
