-- Each order's payment status in the order list (internal/order FindOrders
-- with OrderFilter.PaymentStatus, and the list's payment column).
--
-- The status is derived, as order.PaymentSummary defines it, from the
-- order's total and status (a cancelled order is worth nothing) and its
-- row of order_payment_totals (0006), which every payment, refund,
-- settlement and return refund rebuilds. It changes when either changes,
-- so the triggers below keep it on both tables: whatever writes an order
-- or its payment totals (the services, the generator, sync) keeps the
-- cache right in the same transaction, and no code path can forget it.

-- The status of every order, derived now. The one SQL form of the rules of
-- order.summarize (payment.go), which tests hold it to:
--   due      = 0 for a cancelled order, else max(total - return_refund, 0)
--   net paid = paid - refunded
--   unpaid when nothing was ever paid; overpaid when net paid > due;
--   refunded when net paid = due after a refund; paid when net paid = due;
--   partly_paid when 0 < net paid < due; unpaid otherwise.
CREATE VIEW order_payment_status_derived AS
SELECT o.id AS id, o.created_at AS created_at, o.status AS status, o.channel AS channel, o.customer_id AS customer_id,
	CASE
		WHEN COALESCE(t.paid, 0) = 0 THEN 'unpaid'
		WHEN t.paid - t.refunded > CASE WHEN o.status = 'cancelled' THEN 0 ELSE max(o.total - t.return_refund, 0) END THEN 'overpaid'
		WHEN t.paid - t.refunded = CASE WHEN o.status = 'cancelled' THEN 0 ELSE max(o.total - t.return_refund, 0) END
			THEN CASE WHEN t.refunded > 0 THEN 'refunded' ELSE 'paid' END
		WHEN t.paid - t.refunded > 0 THEN 'partly_paid'
		ELSE 'unpaid'
	END AS payment_status
FROM orders o LEFT JOIN order_payment_totals t ON t.id = o.id;

-- The cache: one row per order (an order without payments is 'unpaid', so
-- the filter finds it like any other). created_at, status, channel and
-- customer_id are copies of the order's, so that a page with a payment
-- status walks one index in list order (created_at, id) testing the other
-- filters (and a broad search's customers) on it, and never reads the
-- orders table. Local to the workstation, rebuildable from the view at any
-- time; not synced, not audited.
CREATE TABLE order_payment_status (
	id TEXT PRIMARY KEY,                 -- the order's id
	payment_status TEXT NOT NULL CHECK (payment_status IN ('unpaid', 'partly_paid', 'paid', 'overpaid', 'refunded')),
	created_at TEXT NOT NULL,
	status TEXT NOT NULL,
	channel TEXT NOT NULL,
	customer_id TEXT                     -- NULL for a walk-in sale, as on the order
) WITHOUT ROWID;
INSERT INTO sync_tables (name, kind) VALUES ('order_payment_status', 'cache');
INSERT INTO order_payment_status (id, payment_status, created_at, status, channel, customer_id)
	SELECT id, payment_status, created_at, status, channel, customer_id FROM order_payment_status_derived;

-- The list with a payment status, newest first; the second serves a
-- payment status together with an order status, the third a search that
-- matches customers (their orders of a payment status, customer by
-- customer).
CREATE INDEX order_payment_status_list ON order_payment_status (payment_status, created_at, id, status, channel, customer_id);
CREATE INDEX order_payment_status_status ON order_payment_status (payment_status, status, created_at, id, channel, customer_id);
CREATE INDEX order_payment_status_customer ON order_payment_status (payment_status, customer_id, created_at, id, status, channel);

-- How many orders were created each day (UTC) per payment status, status
-- and channel, as order_list_counts (0008) without the payment status: the
-- exact total of a list with a payment status, summed by day.
CREATE TABLE order_payment_counts (
	payment_status TEXT NOT NULL,
	day TEXT NOT NULL,                   -- substr(created_at, 1, 10)
	status TEXT NOT NULL,
	channel TEXT NOT NULL,
	id TEXT NOT NULL,                    -- payment_status/day/status/channel, for the store's capture
	n INTEGER NOT NULL,
	PRIMARY KEY (payment_status, day, status, channel)
) WITHOUT ROWID;
INSERT INTO sync_tables (name, kind) VALUES ('order_payment_counts', 'cache');
INSERT INTO order_payment_counts (payment_status, day, status, channel, id, n)
	SELECT payment_status, substr(created_at, 1, 10), status, channel,
		payment_status || '/' || substr(created_at, 1, 10) || '/' || status || '/' || channel, count(*)
	FROM order_payment_status GROUP BY 1, 2, 3, 4;

-- The counts follow the cache.
CREATE TRIGGER order_payment_counts_insert AFTER INSERT ON order_payment_status BEGIN
	INSERT INTO order_payment_counts (payment_status, day, status, channel, id, n)
	VALUES (NEW.payment_status, substr(NEW.created_at, 1, 10), NEW.status, NEW.channel,
		NEW.payment_status || '/' || substr(NEW.created_at, 1, 10) || '/' || NEW.status || '/' || NEW.channel, 1)
	ON CONFLICT (payment_status, day, status, channel) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER order_payment_counts_delete AFTER DELETE ON order_payment_status BEGIN
	UPDATE order_payment_counts SET n = n - 1
	WHERE payment_status = OLD.payment_status AND day = substr(OLD.created_at, 1, 10) AND status = OLD.status AND channel = OLD.channel;
END;

CREATE TRIGGER order_payment_counts_update AFTER UPDATE ON order_payment_status
WHEN NEW.payment_status IS NOT OLD.payment_status OR NEW.created_at IS NOT OLD.created_at
	OR NEW.status IS NOT OLD.status OR NEW.channel IS NOT OLD.channel BEGIN
	UPDATE order_payment_counts SET n = n - 1
	WHERE payment_status = OLD.payment_status AND day = substr(OLD.created_at, 1, 10) AND status = OLD.status AND channel = OLD.channel;
	INSERT INTO order_payment_counts (payment_status, day, status, channel, id, n)
	VALUES (NEW.payment_status, substr(NEW.created_at, 1, 10), NEW.status, NEW.channel,
		NEW.payment_status || '/' || substr(NEW.created_at, 1, 10) || '/' || NEW.status || '/' || NEW.channel, 1)
	ON CONFLICT (payment_status, day, status, channel) DO UPDATE SET n = n + 1;
END;

-- The cache follows the orders (a new order, its total, status, channel,
-- customer or creation time changed, a draft deleted) and their payment
-- totals.
CREATE TRIGGER order_payment_status_order_insert AFTER INSERT ON orders BEGIN
	INSERT INTO order_payment_status (id, payment_status, created_at, status, channel, customer_id)
	SELECT id, payment_status, created_at, status, channel, customer_id FROM order_payment_status_derived WHERE id = NEW.id
	ON CONFLICT (id) DO UPDATE SET payment_status = excluded.payment_status, created_at = excluded.created_at,
		status = excluded.status, channel = excluded.channel, customer_id = excluded.customer_id;
END;

CREATE TRIGGER order_payment_status_order_update AFTER UPDATE OF total, status, channel, created_at, customer_id ON orders
WHEN NEW.total IS NOT OLD.total OR NEW.status IS NOT OLD.status OR NEW.channel IS NOT OLD.channel
	OR NEW.created_at IS NOT OLD.created_at OR NEW.customer_id IS NOT OLD.customer_id BEGIN
	UPDATE order_payment_status SET (payment_status, created_at, status, channel, customer_id) =
		(SELECT payment_status, created_at, status, channel, customer_id FROM order_payment_status_derived WHERE id = NEW.id)
	WHERE id = NEW.id;
END;

CREATE TRIGGER order_payment_status_order_delete AFTER DELETE ON orders BEGIN
	DELETE FROM order_payment_status WHERE id = OLD.id;
END;

CREATE TRIGGER order_payment_status_totals_insert AFTER INSERT ON order_payment_totals BEGIN
	UPDATE order_payment_status SET payment_status = (SELECT payment_status FROM order_payment_status_derived WHERE id = NEW.id)
	WHERE id = NEW.id;
END;

CREATE TRIGGER order_payment_status_totals_update AFTER UPDATE ON order_payment_totals BEGIN
	UPDATE order_payment_status SET payment_status = (SELECT payment_status FROM order_payment_status_derived WHERE id = NEW.id)
	WHERE id = NEW.id;
END;

CREATE TRIGGER order_payment_status_totals_delete AFTER DELETE ON order_payment_totals BEGIN
	UPDATE order_payment_status SET payment_status = (SELECT payment_status FROM order_payment_status_derived WHERE id = OLD.id)
	WHERE id = OLD.id;
END;
