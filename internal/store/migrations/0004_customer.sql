-- Customers (internal/customer): customers, their addresses, the
-- interaction log and the full-text search index over customers.
--
-- Personal data columns are listed in audit_omit: the audit log keeps who
-- changed which field and when, never the personal values themselves, so a
-- GDPR erasure leaves no copy of them behind in the (never rewritten) audit
-- log. Business fields (code, group, credit limit, active, erasure) stay
-- fully audited.

CREATE TABLE customers (
	id TEXT PRIMARY KEY,
	code TEXT NOT NULL COLLATE NOCASE UNIQUE,
	name TEXT NOT NULL,
	company TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	tax_id TEXT NOT NULL DEFAULT '',
	customer_group TEXT NOT NULL DEFAULT '',     -- key of a catalog price list
	credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),  -- minor units
	notes TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1,
	erased_at TEXT NOT NULL DEFAULT '',          -- set once by a GDPR erasure
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE, code);
CREATE INDEX customers_active_name ON customers (active, name COLLATE NOCASE, code);
INSERT INTO sync_tables (name, kind, audit_omit) VALUES ('customers', 'document', 'name,company,email,phone,tax_id,notes');

-- Billing and shipping addresses; at most one default of each kind per
-- customer, enforced by the partial unique index.
CREATE TABLE customer_addresses (
	id TEXT PRIMARY KEY,
	customer_id TEXT NOT NULL REFERENCES customers (id),
	kind TEXT NOT NULL CHECK (kind IN ('billing', 'shipping')),
	is_default INTEGER NOT NULL DEFAULT 0,
	name TEXT NOT NULL DEFAULT '',
	company TEXT NOT NULL DEFAULT '',
	line1 TEXT NOT NULL DEFAULT '',
	line2 TEXT NOT NULL DEFAULT '',
	postal_code TEXT NOT NULL DEFAULT '',
	city TEXT NOT NULL DEFAULT '',
	region TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL,                       -- ISO 3166-1 alpha-2
	phone TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id, kind);
CREATE UNIQUE INDEX customer_addresses_one_default ON customer_addresses (customer_id, kind) WHERE is_default = 1;
INSERT INTO sync_tables (name, kind, audit_omit) VALUES ('customer_addresses', 'document', 'name,company,line1,line2,postal_code,city,region,phone');

-- The interaction log is a ledger (insert-only, union by id on sync): what
-- happened, with whom, who recorded it and when. The text lives beside it in
-- a document table with the same id, because a GDPR erasure must overwrite
-- it and a ledger refuses every update.
CREATE TABLE customer_interactions (
	id TEXT PRIMARY KEY,
	customer_id TEXT NOT NULL REFERENCES customers (id),
	kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'visit', 'note', 'complaint')),
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL,
	occurred_at TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX customer_interactions_timeline ON customer_interactions (customer_id, occurred_at, id);
INSERT INTO sync_tables (name, kind) VALUES ('customer_interactions', 'ledger');

CREATE TABLE customer_interaction_texts (
	id TEXT PRIMARY KEY,                         -- the interaction's id
	customer_id TEXT NOT NULL REFERENCES customers (id),
	text TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX customer_interaction_texts_customer ON customer_interaction_texts (customer_id);
INSERT INTO sync_tables (name, kind, audit_omit) VALUES ('customer_interaction_texts', 'document', 'text');

-- Search: FTS5 over code, name, company, email and phone, kept in step with
-- customers by the triggers below, so rows written by sync are indexed too.
-- rowid is the customer's rowid (customers has indexes, so VACUUM keeps its
-- rowids). The tokenizer folds case and Latin diacritics (Müller = muller,
-- Nguyễn = nguyen). The "compact" column adds what it does not: the code
-- without punctuation and the phone's digits run together ("C000123",
-- "4930123"), and the name and company with the letters it keeps folded:
-- Greek accents (Παπαδόπουλος = παπαδοπουλος), ё, đ, ß, ł, ø, æ. The search
-- folds the typed words the same way (searchFold in search.go; a test keeps
-- the two lists equal).
CREATE VIEW customers_search AS
SELECT rowid AS rid, code, name, company, email, phone,
	CASE WHEN active = 1 THEN '' ELSE char(57344) || 'archived' END AS state,
	replace(replace(replace(replace(code, '-', ''), '.', ''), '_', ''), '/', '') || ' ' ||
	replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '') || ' ' ||
	replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name || ' ' || company
		, 'ά', 'α'), 'έ', 'ε'), 'ή', 'η'), 'ί', 'ι'), 'ό', 'ο'), 'ύ', 'υ'), 'ώ', 'ω'), 'ϊ', 'ι')
		, 'ϋ', 'υ'), 'ΐ', 'ι'), 'ΰ', 'υ'), 'Ά', 'α'), 'Έ', 'ε'), 'Ή', 'η'), 'Ί', 'ι'), 'Ό', 'ο')
		, 'Ύ', 'υ'), 'Ώ', 'ω'), 'Ϊ', 'ι'), 'Ϋ', 'υ'), 'ё', 'е'), 'Ё', 'е'), 'đ', 'd'), 'Đ', 'd')
		, 'ß', 'ss'), 'ẞ', 'ss'), 'ł', 'l'), 'Ł', 'l'), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae') AS compact
FROM customers;

CREATE VIRTUAL TABLE customers_fts USING fts5 (
	code, name, company, email, phone, compact, state,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
-- "state" holds a marker word for archived customers, to leave them out of
-- a search at no cost. It starts with U+E000, a private-use character the
-- tokenizer keeps in words but the search never puts in what it looks for,
-- so nothing typed can find the marker. secure-delete removes a deleted or
-- changed row's words from the index at once, so an erased name is not left
-- behind in old index segments.
INSERT INTO customers_fts (customers_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers
BEGIN
	INSERT INTO customers_fts (rowid, code, name, company, email, phone, compact, state)
	SELECT rid, code, name, company, email, phone, compact, state FROM customers_search WHERE rid = NEW.rowid;
END;

CREATE TRIGGER customers_fts_update AFTER UPDATE OF code, name, company, email, phone, active ON customers
BEGIN
	DELETE FROM customers_fts WHERE rowid = OLD.rowid;
	INSERT INTO customers_fts (rowid, code, name, company, email, phone, compact, state)
	SELECT rid, code, name, company, email, phone, compact, state FROM customers_search WHERE rid = NEW.rowid;
END;

CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers
BEGIN
	DELETE FROM customers_fts WHERE rowid = OLD.rowid;
END;
