-- The order list (internal/order FindOrders): newest first, ties by id, so
-- every index below ends in (created_at, id) and a page seeks by that key.
-- Each also carries the other filter columns, so a walk of the list that
-- tests each order (a combined filter, a broad search) or a capped count
-- never reads the table. The one-column indexes of 0005 are replaced by
-- these, which also order the list.
CREATE INDEX orders_list ON orders (created_at, id, customer_id, status, channel);
CREATE INDEX orders_list_status ON orders (status, created_at, id, customer_id, channel);
CREATE INDEX orders_list_channel ON orders (channel, created_at, id, customer_id, status);
CREATE INDEX orders_list_customer ON orders (customer_id, created_at, id, status, channel);
DROP INDEX orders_created;
DROP INDEX orders_status;
DROP INDEX orders_customer;

-- An order number's serial, the digits after the prefix ("000123" of
-- "A1-000123"), for finding an order by the number people read out.
-- FindOrders queries this exact expression.
CREATE INDEX orders_serial ON orders (substr(number, instr(number, '-') + 1));

-- How many orders were created each day (UTC) per status and channel: a
-- cache of orders kept by the triggers below (so orders written by sync
-- are counted too), for the exact total of a list at any filter without
-- counting a million index entries. FindOrders sums the days inside a date
-- range and counts the two partial days at its ends on the indexes above.
CREATE TABLE order_list_counts (
	day TEXT NOT NULL,                     -- substr(created_at, 1, 10)
	status TEXT NOT NULL,
	channel TEXT NOT NULL,
	id TEXT NOT NULL,                      -- day/status/channel, for the store's capture
	n INTEGER NOT NULL,
	PRIMARY KEY (day, status, channel)
) WITHOUT ROWID;
INSERT INTO sync_tables (name, kind) VALUES ('order_list_counts', 'cache');
INSERT INTO order_list_counts (day, status, channel, id, n)
	SELECT substr(created_at, 1, 10), status, channel, substr(created_at, 1, 10) || '/' || status || '/' || channel, count(*)
	FROM orders GROUP BY 1, 2, 3;

CREATE TRIGGER order_list_counts_insert AFTER INSERT ON orders BEGIN
	INSERT INTO order_list_counts (day, status, channel, id, n)
	VALUES (substr(NEW.created_at, 1, 10), NEW.status, NEW.channel, substr(NEW.created_at, 1, 10) || '/' || NEW.status || '/' || NEW.channel, 1)
	ON CONFLICT (day, status, channel) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER order_list_counts_delete AFTER DELETE ON orders BEGIN
	UPDATE order_list_counts SET n = n - 1
	WHERE day = substr(OLD.created_at, 1, 10) AND status = OLD.status AND channel = OLD.channel;
END;

CREATE TRIGGER order_list_counts_update AFTER UPDATE OF status, channel, created_at ON orders
WHEN NEW.status IS NOT OLD.status OR NEW.channel IS NOT OLD.channel OR NEW.created_at IS NOT OLD.created_at BEGIN
	UPDATE order_list_counts SET n = n - 1
	WHERE day = substr(OLD.created_at, 1, 10) AND status = OLD.status AND channel = OLD.channel;
	INSERT INTO order_list_counts (day, status, channel, id, n)
	VALUES (substr(NEW.created_at, 1, 10), NEW.status, NEW.channel, substr(NEW.created_at, 1, 10) || '/' || NEW.status || '/' || NEW.channel, 1)
	ON CONFLICT (day, status, channel) DO UPDATE SET n = n + 1;
END;
