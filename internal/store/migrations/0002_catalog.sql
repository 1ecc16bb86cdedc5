-- Catalog (internal/catalog): tax classes, the prices-include-tax setting,
-- products with their barcodes, price lists for customer groups and the
-- full-text search index over products.

CREATE TABLE tax_classes (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL COLLATE NOCASE UNIQUE,
	rate_bps INTEGER NOT NULL CHECK (rate_bps BETWEEN 0 AND 10000),   -- 1900 = 19 %
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('tax_classes', 'document');

-- One row, id 'catalog': whether entered prices include tax.
CREATE TABLE catalog_settings (
	id TEXT PRIMARY KEY CHECK (id = 'catalog'),
	prices_include_tax INTEGER NOT NULL DEFAULT 0 CHECK (prices_include_tax IN (0, 1)),
	updated_at TEXT NOT NULL
);
INSERT INTO catalog_settings (id, prices_include_tax, updated_at) VALUES ('catalog', 0, '');
INSERT INTO sync_tables (name, kind) VALUES ('catalog_settings', 'document');

-- Products. price is the default list price, cost the purchase cost, both in
-- minor units of the company currency. An archived product (active = 0)
-- keeps its history and cannot be sold. SKUs are unique regardless of ASCII
-- case.
CREATE TABLE products (
	id TEXT PRIMARY KEY,
	sku TEXT NOT NULL COLLATE NOCASE UNIQUE,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	unit TEXT NOT NULL DEFAULT 'pcs',
	price INTEGER NOT NULL CHECK (price BETWEEN 0 AND 1000000000000),
	cost INTEGER NOT NULL DEFAULT 0 CHECK (cost BETWEEN 0 AND 1000000000000),
	tax_class_id TEXT REFERENCES tax_classes (id),
	weight_g INTEGER NOT NULL DEFAULT 0 CHECK (weight_g >= 0),
	length_mm INTEGER NOT NULL DEFAULT 0 CHECK (length_mm >= 0),
	width_mm INTEGER NOT NULL DEFAULT 0 CHECK (width_mm >= 0),
	height_mm INTEGER NOT NULL DEFAULT 0 CHECK (height_mm >= 0),
	reorder_point INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
	reorder_qty INTEGER NOT NULL DEFAULT 0 CHECK (reorder_qty >= 0),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	archived_at TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
-- products_name covers the list's order and its active filter, so paging
-- deep into 300,000 products never reads the rows it skips.
CREATE INDEX products_name ON products (name COLLATE NOCASE, sku, active);
CREATE INDEX products_archived ON products (id) WHERE active = 0;
CREATE INDEX products_tax_class ON products (tax_class_id) WHERE tax_class_id IS NOT NULL;
CREATE INDEX products_reorder ON products (sku) WHERE reorder_point > 0 AND active = 1;
INSERT INTO sync_tables (name, kind) VALUES ('products', 'document');

-- Barcodes: a product has any number, a value belongs to one product.
-- symbology: ean13, upca, ean8 (check digit validated) or code128.
CREATE TABLE barcodes (
	id TEXT PRIMARY KEY,
	product_id TEXT NOT NULL REFERENCES products (id),
	value TEXT NOT NULL UNIQUE,
	symbology TEXT NOT NULL CHECK (symbology IN ('ean13', 'upca', 'ean8', 'code128')),
	created_at TEXT NOT NULL
);
CREATE INDEX barcodes_product ON barcodes (product_id);
INSERT INTO sync_tables (name, kind) VALUES ('barcodes', 'document');

-- Price lists for customer groups. A product without an item on a list
-- gets its default price less the list's discount_bps; customers of no
-- group (or of a group without a list) get the default price.
CREATE TABLE price_lists (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL COLLATE NOCASE UNIQUE,
	customer_group TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (customer_group <> ''),
	discount_bps INTEGER NOT NULL DEFAULT 0 CHECK (discount_bps BETWEEN 0 AND 10000),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('price_lists', 'document');

CREATE TABLE price_list_items (
	id TEXT PRIMARY KEY,
	price_list_id TEXT NOT NULL REFERENCES price_lists (id),
	product_id TEXT NOT NULL REFERENCES products (id),
	price INTEGER NOT NULL CHECK (price BETWEEN 0 AND 1000000000000),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (price_list_id, product_id)
);
CREATE INDEX price_list_items_product ON price_list_items (product_id);
INSERT INTO sync_tables (name, kind) VALUES ('price_list_items', 'document');

-- Search: a contentless FTS5 index over SKU, name and barcodes (the
-- values live in products and barcodes), plus a status column holding
-- 'archived' for archived products so "active only" is part of the match.
-- Its rowid is the product's rowid: products has indexes, so VACUUM keeps
-- its rowids (SQLite copies them when a table has indexes). The triggers
-- below keep it in step with every write, including writes applied by sync.
-- The tokenizer folds case and strips Latin diacritics, so "pho" finds
-- "Phở"; it leaves Greek accents, which product_fts_source strips from
-- names (and the catalog strips from queries), so "κοκκινο" finds
-- "Κόκκινο". prefix='1 2 3' adds prefix indexes so as-you-type queries of
-- one to three characters read one doclist instead of merging every
-- matching term.
CREATE VIRTUAL TABLE product_fts USING fts5 (
	sku, name, barcodes, status,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);

-- What the index holds for each product.
CREATE VIEW product_fts_source AS
SELECT p.id, p.rowid AS product_rowid, p.sku,
	replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(p.name, 'ά', 'α'), 'έ', 'ε'), 'ή', 'η'), 'ί', 'ι'), 'ό', 'ο'), 'ύ', 'υ'), 'ώ', 'ω'), 'ϊ', 'ι'), 'ϋ', 'υ'), 'ΐ', 'ι'), 'ΰ', 'υ'), 'Ά', 'Α'), 'Έ', 'Ε'), 'Ή', 'Η'), 'Ί', 'Ι'), 'Ό', 'Ο'), 'Ύ', 'Υ'), 'Ώ', 'Ω'), 'Ϊ', 'Ι'), 'Ϋ', 'Υ') AS name,
	COALESCE((SELECT group_concat(b.value, ' ') FROM barcodes b WHERE b.product_id = p.id), '') AS barcodes,
	CASE WHEN p.active = 1 THEN '' ELSE 'archived' END AS status
FROM products p;

CREATE TRIGGER catalog_fts_products_insert AFTER INSERT ON products BEGIN
	INSERT INTO product_fts (rowid, sku, name, barcodes, status)
	SELECT product_rowid, sku, name, barcodes, status FROM product_fts_source WHERE id = NEW.id;
END;

CREATE TRIGGER catalog_fts_products_update AFTER UPDATE OF sku, name, active ON products
WHEN NEW.sku IS NOT OLD.sku OR NEW.name IS NOT OLD.name OR NEW.active IS NOT OLD.active BEGIN
	DELETE FROM product_fts WHERE rowid = OLD.rowid;
	INSERT INTO product_fts (rowid, sku, name, barcodes, status)
	SELECT product_rowid, sku, name, barcodes, status FROM product_fts_source WHERE id = NEW.id;
END;

CREATE TRIGGER catalog_fts_products_delete AFTER DELETE ON products BEGIN
	DELETE FROM product_fts WHERE rowid = OLD.rowid;
END;

CREATE TRIGGER catalog_fts_barcodes_insert AFTER INSERT ON barcodes BEGIN
	DELETE FROM product_fts WHERE rowid = (SELECT rowid FROM products WHERE id = NEW.product_id);
	INSERT INTO product_fts (rowid, sku, name, barcodes, status)
	SELECT product_rowid, sku, name, barcodes, status FROM product_fts_source WHERE id = NEW.product_id;
END;

CREATE TRIGGER catalog_fts_barcodes_delete AFTER DELETE ON barcodes BEGIN
	DELETE FROM product_fts WHERE rowid = (SELECT rowid FROM products WHERE id = OLD.product_id);
	INSERT INTO product_fts (rowid, sku, name, barcodes, status)
	SELECT product_rowid, sku, name, barcodes, status FROM product_fts_source WHERE id = OLD.product_id;
END;

CREATE TRIGGER catalog_fts_barcodes_update AFTER UPDATE OF value, product_id ON barcodes BEGIN
	DELETE FROM product_fts WHERE rowid IN (SELECT rowid FROM products WHERE id IN (OLD.product_id, NEW.product_id));
	INSERT INTO product_fts (rowid, sku, name, barcodes, status)
	SELECT product_rowid, sku, name, barcodes, status FROM product_fts_source WHERE id IN (OLD.product_id, NEW.product_id);
END;
