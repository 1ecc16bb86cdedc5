-- Fulfilment: picking and shipping progress on order lines (internal/order),
-- carriers with their services and offline rate tables, shipments with
-- their packages, lines and tracking events (internal/shipping), and the
-- printers of this workstation (internal/printing).

-- How much of each order line was picked from the shelves and how much has
-- left in shipments. With reserved and backordered (0005) a confirmed
-- line keeps quantity = shipped + reserved + backordered: a shipment moves
-- units from reserved to shipped, a short pick from reserved to
-- backordered. picked counts every unit taken off a shelf, shipped ones
-- included: 0 <= picked <= quantity - backordered.
ALTER TABLE order_lines ADD COLUMN picked INTEGER NOT NULL DEFAULT 0 CHECK (picked >= 0);
ALTER TABLE order_lines ADD COLUMN shipped INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0);
-- Orders shipped before shipments existed shipped whole.
UPDATE order_lines SET picked = quantity, shipped = quantity
	WHERE order_id IN (SELECT id FROM orders WHERE status IN ('shipped', 'delivered'));

-- Carriers the admin configures: a parcel service or the business's own
-- delivery. tracking_url is a template for the customer-facing tracking
-- page with {tracking} standing for the tracking number ('' for none).
-- tracking_pattern, when set, generates tracking numbers for own delivery
-- from this workstation's series (see shipping.TrackingPattern); '' means
-- tracking numbers are typed or scanned from the carrier's label.
CREATE TABLE carriers (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 100),
	tracking_url TEXT NOT NULL DEFAULT '',
	tracking_pattern TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('carriers', 'document');

-- A carrier's services (standard, express, ...): code is the carrier's
-- own service code, printed on the label.
CREATE TABLE carrier_services (
	id TEXT PRIMARY KEY,
	carrier_id TEXT NOT NULL REFERENCES carriers (id),
	code TEXT NOT NULL CHECK (code <> '' AND length(code) <= 40),
	name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 100),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX carrier_services_carrier ON carrier_services (carrier_id, code);
INSERT INTO sync_tables (name, kind) VALUES ('carrier_services', 'document');

-- A carrier's zones: where a parcel goes decides its price. countries is a
-- comma-separated list of ISO 3166 alpha-2 codes, or '*' for every country
-- no other zone of the carrier names.
CREATE TABLE shipping_zones (
	id TEXT PRIMARY KEY,
	carrier_id TEXT NOT NULL REFERENCES carriers (id),
	name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 100),
	countries TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX shipping_zones_carrier ON shipping_zones (carrier_id);
INSERT INTO sync_tables (name, kind) VALUES ('shipping_zones', 'document');

-- The rate table: the price of one package of a service to a zone, by
-- weight band. A band covers weights above the next lighter band's
-- max_weight_g up to its own. price is minor units of the company's
-- currency.
CREATE TABLE shipping_rates (
	id TEXT PRIMARY KEY,
	service_id TEXT NOT NULL REFERENCES carrier_services (id),
	zone_id TEXT NOT NULL REFERENCES shipping_zones (id),
	max_weight_g INTEGER NOT NULL CHECK (max_weight_g BETWEEN 1 AND 100000000),
	price INTEGER NOT NULL CHECK (price >= 0),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX shipping_rates_lookup ON shipping_rates (service_id, zone_id, max_weight_g);
INSERT INTO sync_tables (name, kind) VALUES ('shipping_rates', 'document');

-- Shipments: what left for one order in one consignment. number is
-- "{station}-S{n:06}" from the workstation's 'shipment' series
-- (order_number_series), not UNIQUE for the same reason as orders.number.
-- carrier_name and service_name are snapshots for the documents; cost is
-- what the rate table said when it was packed, minor units of currency.
-- status is the latest of its events.
CREATE TABLE shipments (
	id TEXT PRIMARY KEY,
	number TEXT NOT NULL,
	order_id TEXT NOT NULL,
	carrier_id TEXT NOT NULL,
	service_id TEXT NOT NULL,
	carrier_name TEXT NOT NULL,
	service_code TEXT NOT NULL,
	service_name TEXT NOT NULL,
	tracking_number TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('label_created', 'in_transit', 'delivered', 'exception', 'returned')),
	cost INTEGER NOT NULL CHECK (cost >= 0),
	currency TEXT NOT NULL,
	weight_g INTEGER NOT NULL CHECK (weight_g >= 0),
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX shipments_order ON shipments (order_id, created_at);
CREATE INDEX shipments_number ON shipments (number);
CREATE INDEX shipments_tracking ON shipments (tracking_number) WHERE tracking_number <> '';
CREATE INDEX shipments_status ON shipments (status, created_at);
INSERT INTO sync_tables (name, kind) VALUES ('shipments', 'document');

-- A shipment's packages, numbered 1..n, with weight in grams and
-- dimensions in millimetres (0 when not measured). Insert-only.
CREATE TABLE shipment_packages (
	id TEXT PRIMARY KEY,
	shipment_id TEXT NOT NULL,
	package_no INTEGER NOT NULL CHECK (package_no >= 1),
	weight_g INTEGER NOT NULL CHECK (weight_g BETWEEN 1 AND 100000000),
	length_mm INTEGER NOT NULL DEFAULT 0 CHECK (length_mm BETWEEN 0 AND 100000),
	width_mm INTEGER NOT NULL DEFAULT 0 CHECK (width_mm BETWEEN 0 AND 100000),
	height_mm INTEGER NOT NULL DEFAULT 0 CHECK (height_mm BETWEEN 0 AND 100000),
	created_at TEXT NOT NULL
);
CREATE INDEX shipment_packages_shipment ON shipment_packages (shipment_id, package_no);
INSERT INTO sync_tables (name, kind) VALUES ('shipment_packages', 'ledger');

-- What a shipment holds: units of order lines, with the line's SKU and name
-- as snapshots. Insert-only: goods that left are a fact.
CREATE TABLE shipment_lines (
	id TEXT PRIMARY KEY,
	shipment_id TEXT NOT NULL,
	order_line_id TEXT NOT NULL,
	product_id TEXT NOT NULL,
	sku TEXT NOT NULL,
	name TEXT NOT NULL,
	quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000000000),
	created_at TEXT NOT NULL
);
CREATE INDEX shipment_lines_shipment ON shipment_lines (shipment_id);
CREATE INDEX shipment_lines_order_line ON shipment_lines (order_line_id);
INSERT INTO sync_tables (name, kind) VALUES ('shipment_lines', 'ledger');

-- A shipment's tracking history, insert-only: its creation (label_created)
-- and every status change after, dated, with who recorded it.
CREATE TABLE shipment_events (
	id TEXT PRIMARY KEY,
	shipment_id TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('label_created', 'in_transit', 'delivered', 'exception', 'returned')),
	note TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX shipment_events_shipment ON shipment_events (shipment_id, at);
INSERT INTO sync_tables (name, kind) VALUES ('shipment_events', 'ledger');

-- This workstation's printers, one per kind of document (id): invoice,
-- packing-slip, pick-list or label. kind says how the document gets
-- there: 'cups' (target is a CUPS queue name, printed with lp), 'zpl'
-- (target is host:port of a thermal printer taking raw ZPL, labels only)
-- or 'folder' (target is a directory the file is written into, for a
-- print server's hot folder). Local: each workstation has its own.
CREATE TABLE workstation_printers (
	id TEXT PRIMARY KEY CHECK (id IN ('invoice', 'packing-slip', 'pick-list', 'label')), -- the document
	kind TEXT NOT NULL CHECK (kind IN ('cups', 'zpl', 'folder')),
	target TEXT NOT NULL CHECK (target <> '' AND length(target) <= 500),
	updated_at TEXT NOT NULL,
	CHECK (kind <> 'zpl' OR id = 'label')
);
INSERT INTO sync_tables (name, kind) VALUES ('workstation_printers', 'local');
