-- Returns (internal/order return.go): an RMA of a shipped or delivered
-- order, its lines with what happened to the goods, and the refund. The
-- money itself is in the payments ledger (0006: negative payments with
-- return_id, or store credit), the goods in the stock ledger (0003:
-- 'return' movements with ref_type 'return'), the history in order_events.

-- The return header, a document. status is 'completed': a return is
-- recorded when the goods are back and decided on (an approval step would
-- add statuses). number is "{station}-R{n:06}" from the workstation's
-- 'return' series (order_number_series), not UNIQUE for the same reason
-- as orders.number. customer_id is '' for a walk-in sale. refund_method
-- says how the money went back: 'original' (negative payments by the
-- methods paid), 'store_credit' (a refund to the customer's store credit)
-- or 'none'. refund_total is the money given back, minor units of currency
-- (0 for 'none'); it is the sum of the lines' refund. Shipping is never
-- refunded by a return.
CREATE TABLE returns (
	id TEXT PRIMARY KEY,
	number TEXT NOT NULL,
	order_id TEXT NOT NULL,
	customer_id TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('completed')),
	reason TEXT NOT NULL CHECK (reason <> '' AND length(reason) <= 500),
	refund_method TEXT NOT NULL CHECK (refund_method IN ('original', 'store_credit', 'none')),
	refund_total INTEGER NOT NULL CHECK (refund_total >= 0),
	currency TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX returns_order ON returns (order_id, created_at);
CREATE INDEX returns_created ON returns (created_at, id);
CREATE INDEX returns_number ON returns (number);
INSERT INTO sync_tables (name, kind) VALUES ('returns', 'document');

-- The lines of a return, a ledger: once goods are back and decided on,
-- the line is a fact like a stock movement, never edited. Insert-only
-- keeps "returned so far" (the sum over an order line) from being changed
-- after the stock and the money followed it, and two devices returning
-- parts of the same order offline merge by union: both returns stand, as
-- both sales of a last unit do. order_id is copied from the return so the
-- returned quantities of an order are one indexed sum. sku and name are
-- snapshots of the order line. disposition: 'restock' puts the goods back
-- into bin_id of warehouse_id with a stock 'return' movement
-- (movement_id); 'write_off' records goods that came back damaged or
-- unsellable and never re-enter stock: no movement at all (the sale
-- already took them off the shelf, and they go to no bin), bin_id and
-- movement_id ''. refund is the money given back for this line (0 when the
-- return refunds nothing): the line's gross x returned / ordered, so that
-- returning every unit over several returns refunds exactly the gross.
CREATE TABLE return_lines (
	id TEXT PRIMARY KEY,
	return_id TEXT NOT NULL,
	order_id TEXT NOT NULL,
	order_line_id TEXT NOT NULL,
	line_no INTEGER NOT NULL,
	product_id TEXT NOT NULL,
	sku TEXT NOT NULL,
	name TEXT NOT NULL,
	quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000000000),
	disposition TEXT NOT NULL CHECK (disposition IN ('restock', 'write_off')),
	warehouse_id TEXT NOT NULL,
	bin_id TEXT NOT NULL DEFAULT '',
	movement_id TEXT NOT NULL DEFAULT '',
	refund INTEGER NOT NULL CHECK (refund >= 0),
	created_at TEXT NOT NULL,
	CHECK ((disposition = 'restock') = (bin_id <> ''))
);
CREATE INDEX return_lines_return ON return_lines (return_id, line_no);
CREATE INDEX return_lines_order ON return_lines (order_id, order_line_id);
INSERT INTO sync_tables (name, kind) VALUES ('return_lines', 'ledger');
