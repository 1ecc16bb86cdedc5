package sync

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"oms/internal/store"
)

// The bulk form applied: a group goes in by one statement when all its
// rows are new here, and row by row otherwise, with the same outcome.

const testClock = "1796179791766-000000@server-device"

func bulkDB(t *testing.T) (*store.DB, tables) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	list, err := db.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ts := tables{}
	for _, ti := range list {
		ts[ti.Name] = ti
	}
	return db, ts
}

func group(entity string, rows ...string) Group {
	clocks := make([]string, len(rows))
	for i := range clocks {
		clocks[i] = `{"":"` + testClock + `"}`
	}
	return Group{Entity: entity, Count: len(rows), Rows: []byte("[" + strings.Join(rows, ",") + "]"), Clocks: []byte("[" + strings.Join(clocks, ",") + "]")}
}

func productRow(id, sku, name string) string {
	return fmt.Sprintf(`{"id":%q,"sku":%q,"name":%q,"description":"","unit":"pcs","price":100,"cost":50,"tax_class_id":null,"weight_g":0,"length_mm":0,"width_mm":0,"height_mm":0,"reorder_point":0,"reorder_qty":0,"active":1,"archived_at":"","created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}`, id, sku, name)
}

func applyPage(t *testing.T, db *store.DB, ts tables, res PullResponse) (applied, failed int) {
	t.Helper()
	err := db.Remote(context.Background(), func(tx *store.Tx) error {
		var err error
		applied, failed, _, err = applyBatch(tx, ts, "this-device", res)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return applied, failed
}

func scalar(t *testing.T, db *store.DB, q string, args ...any) string {
	t.Helper()
	var s string
	if err := db.Reader().QueryRow(q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

func TestApplyGroups(t *testing.T) {
	type check struct{ query, want string }
	cases := []struct {
		name string
		// before runs on the workstation first, in a remote transaction.
		before         string
		groups         []Group
		applied, inbox int
		checks         []check
	}{
		{
			name:    "new rows go in, followed by the full-text index, without clocks, outbox or audit",
			groups:  []Group{group("products", productRow("p1", "BOLT", "Hex bolt"), productRow("p2", "NUT", "Hex nut"))},
			applied: 2,
			checks: []check{
				{`SELECT group_concat(sku, ',') FROM (SELECT sku FROM products ORDER BY sku)`, "BOLT,NUT"},
				{`SELECT count(*) FROM product_fts WHERE product_fts MATCH 'hex'`, "2"},
				{`SELECT count(*) FROM sync_clocks`, "0"},
				{`SELECT count(*) FROM outbox`, "0"},
				{`SELECT count(*) FROM audit_log WHERE entity = 'products'`, "0"},
			},
		},
		{
			name:    "a missing field takes the column's default",
			groups:  []Group{group("products", `{"id":"p1","sku":"OLD","name":"From before a column","price":5,"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}`)},
			applied: 1,
			checks:  []check{{`SELECT unit || '/' || active || '/' || cost || '/' || quote(tax_class_id) FROM products WHERE id = 'p1'`, "pcs/1/0/NULL"}},
		},
		{
			name:    "a row that breaks a unique key goes to the inbox, the others go in",
			before:  `INSERT INTO products (id, sku, name, price, created_at, updated_at) VALUES ('mine', 'bolt', 'Local bolt', 1, '', '')`,
			groups:  []Group{group("products", productRow("p1", "BOLT", "Their bolt"), productRow("p2", "NUT", "Nut"))},
			applied: 1, inbox: 1,
			checks: []check{
				{`SELECT group_concat(id, ',') FROM (SELECT id FROM products ORDER BY id)`, "mine,p2"},
				{`SELECT entity_id || ': ' || (instr(reason, 'UNIQUE') > 0) FROM sync_inbox`, "p1: 1"},
			},
		},
		{
			name:    "a row already here is merged: the server's values win over a seed's",
			before:  `INSERT INTO products (id, sku, name, price, created_at, updated_at) VALUES ('p1', 'BOLT', 'Seeded name', 1, '', '')`,
			groups:  []Group{group("products", productRow("p1", "BOLT", "Server name"), productRow("p2", "NUT", "Nut"))},
			applied: 2,
			checks: []check{
				{`SELECT name || '/' || price FROM products WHERE id = 'p1'`, "Server name/100"},
				{`SELECT count(*) FROM products`, "2"},
			},
		},
		{
			name:    "a row this device has a recorded clock of is merged by clocks",
			before:  `INSERT INTO products (id, sku, name, price, created_at, updated_at) VALUES ('p1', 'BOLT', 'My newer name', 1, '', ''); INSERT INTO sync_clocks (entity, entity_id, clocks) VALUES ('products', 'p1', '{"name":"1796179799999-000000@this-device"}')`,
			groups:  []Group{group("products", productRow("p1", "BOLT", "Older server name"), productRow("p2", "NUT", "Nut"))},
			applied: 2,
			checks: []check{
				{`SELECT name || '/' || price FROM products WHERE id = 'p1'`, "My newer name/100"},
				{`SELECT count(*) FROM products`, "2"},
			},
		},
		{
			name:   "a ledger row already here is skipped",
			before: `INSERT INTO order_events (id, order_id, from_status, to_status, user_id, user_name, note, at) VALUES ('e1', 'o1', '', 'draft', '', 'x', '', '2026-01-01T00:00:00.000Z')`,
			groups: []Group{group("order_events",
				`{"id":"e1","order_id":"o1","from_status":"","to_status":"draft","user_id":"","user_name":"x","note":"","at":"2026-01-01T00:00:00.000Z"}`,
				`{"id":"e2","order_id":"o1","from_status":"draft","to_status":"confirmed","user_id":"","user_name":"x","note":"","at":"2026-01-01T00:01:00.000Z"}`)},
			applied: 2,
			checks:  []check{{`SELECT group_concat(to_status, ',') FROM (SELECT to_status FROM order_events ORDER BY at)`, "draft,confirmed"}},
		},
		{
			name:    "a table this workstation does not know goes to the inbox row by row",
			groups:  []Group{group("gift_cards", `{"id":"g1"}`, `{"id":"g2"}`)},
			applied: 0, inbox: 2,
			checks: []check{{`SELECT group_concat(entity_id || ':' || (instr(reason, 'upgrade') > 0), ',') FROM (SELECT entity_id, reason FROM sync_inbox ORDER BY entity_id)`, "g1:1,g2:1"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, ts := bulkDB(t)
			if c.before != "" {
				if err := db.Remote(context.Background(), func(tx *store.Tx) error {
					_, err := tx.ExecContext(tx.Context(), c.before)
					return err
				}); err != nil {
					t.Fatal(err)
				}
			}
			applied, failed := applyPage(t, db, ts, PullResponse{Groups: c.groups, Cursor: "s:1:x:y", Snapshot: true, More: true})
			if applied != c.applied || failed != c.inbox {
				t.Errorf("applied %d, to the inbox %d; want %d, %d", applied, failed, c.applied, c.inbox)
			}
			for _, ch := range c.checks {
				if got := scalar(t, db, ch.query); got != ch.want {
					t.Errorf("%s = %q, want %q", ch.query, got, ch.want)
				}
			}
			if got := scalar(t, db, `SELECT pull_cursor FROM sync_state WHERE id = 1`); got != "s:1:x:y" {
				t.Errorf("cursor %q after the page", got)
			}
		})
	}
}

// TestApplyGroups_FollowsTheNewestClock: the workstation's clock moves past
// the newest clock of a bulk page, as with rows.
func TestApplyGroups_FollowsTheNewestClock(t *testing.T) {
	db, ts := bulkDB(t)
	g := group("products", productRow("p1", "BOLT", "Bolt"))
	g.Clocks = []byte(`[{"":"1796179791766-000000@a","name":"4102444800000-000007@b"}]`) // 2100
	applyPage(t, db, ts, PullResponse{Groups: []Group{g}, Cursor: "p:1"})
	var wall int64
	if err := db.Reader().QueryRow(`SELECT hlc_wall FROM sync_state WHERE id = 1`).Scan(&wall); err != nil {
		t.Fatal(err)
	}
	if wall < 4102444800000 {
		t.Fatalf("the clock stands at %d, before the page's newest", wall)
	}
}

// TestBulkInsert_Decides: the one-statement path is taken exactly when
// nothing here can meet the rows, and writes nothing when it is not.
func TestBulkInsert_Decides(t *testing.T) {
	cases := []struct {
		name, before string
		want         bool
		products     string
	}{
		{"all new", "", true, "2"},
		{"an id is here", `INSERT INTO products (id, sku, name, price, created_at, updated_at) VALUES ('p2', 'X', 'x', 1, '', '')`, false, "1"},
		{"a change of the table waits in the outbox", `INSERT INTO outbox (seq, id, entity, entity_id, op, fields, hlc, user_id, schema_version, created_at) VALUES (1, 'c', 'products', 'p9', 'delete', '{}', '0000000000001-000000', '', 13, '')`, false, "0"},
		{"clocks of the table are recorded", `INSERT INTO sync_clocks (entity, entity_id, clocks) VALUES ('products', 'p9', '{}')`, false, "0"},
		{"a unique key breaks", `INSERT INTO products (id, sku, name, price, created_at, updated_at) VALUES ('p9', 'nut', 'x', 1, '', '')`, false, "1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, ts := bulkDB(t)
			var done bool
			err := db.Remote(context.Background(), func(tx *store.Tx) error {
				if c.before != "" {
					if _, err := tx.ExecContext(tx.Context(), c.before); err != nil {
						return err
					}
				}
				var err error
				done, err = bulkInsert(tx, ts["products"], group("products", productRow("p1", "BOLT", "Bolt"), productRow("p2", "NUT", "Nut")))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if done != c.want {
				t.Errorf("bulkInsert = %v, want %v", done, c.want)
			}
			if got := scalar(t, db, `SELECT count(*) FROM products`); got != c.products {
				t.Errorf("%s products after it, want %s", got, c.products)
			}
		})
	}
}

// TestPrepareGroups: rows that parse are handed over as JSONB; a group
// that does not parse is left as text, for the merge to refuse.
func TestPrepareGroups(t *testing.T) {
	db, _ := bulkDB(t)
	res := PullResponse{Groups: []Group{{Entity: "products", Rows: []byte(`[{`)}, {Entity: "products", Rows: []byte(`[{"id":"a"}]`)}}}
	if err := prepareGroups(context.Background(), db, &res); err != nil {
		t.Fatal(err)
	}
	if res.Groups[0].jsonb != nil {
		t.Errorf("a group that is not JSON became JSONB")
	}
	if res.Groups[1].jsonb == nil {
		t.Errorf("a group of JSON was not turned into JSONB")
	}
}
