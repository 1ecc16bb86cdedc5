package server

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/store"
	omsync "oms/internal/sync"
)

// classicOnly is a transport that never asks for the bulk form: the
// workstation merges a snapshot row by row, as a client of another schema
// does.
type classicOnly struct{}

func (classicOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	q := r.URL.Query()
	q.Del(omsync.BulkParam)
	r.URL.RawQuery = q.Encode()
	return http.DefaultTransport.RoundTrip(r)
}

// contents is every synced and derived row of a workstation, table by
// table, as JSON text; a cache's updated_at (when it was rebuilt) is left
// out, and so are the full-text indexes' rowids and the seeded payment
// methods' times.
func contents(t *testing.T, st *station) map[string]string {
	t.Helper()
	ctx := context.Background()
	list, err := st.db.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, ti := range list {
		if ti.Kind == "local" {
			continue
		}
		row := ti.RowJSON()
		switch {
		case ti.Kind == "cache":
			row = "json_remove(" + row + ", '$.updated_at')"
		case ti.Name == "payment_methods":
			// Seeded by a migration on each workstation, at its own time.
			row = "json_remove(" + row + ", '$.created_at', '$.updated_at')"
		}
		where := ""
		if _, ok := ti.Column("n"); ok && ti.Kind == "cache" {
			where = " WHERE n <> 0" // a count that went back to zero is no count
		}
		out[ti.Name] = st.scalar(`SELECT COALESCE(group_concat(r, char(10)), '') FROM (SELECT ` + row + ` AS r FROM ` + store.QuoteIdent(ti.Name) + where + ` ORDER BY 1)`)
	}
	out["product_fts"] = st.scalar(`SELECT COALESCE(group_concat(sku || '|' || name || '|' || barcodes || '|' || status, char(10)), '') FROM (SELECT * FROM product_fts ORDER BY sku)`)
	out["customers_fts"] = st.scalar(`SELECT COALESCE(group_concat(r, char(10)), '') FROM (SELECT json_array(code, name, company, email, phone, compact, state) AS r FROM customers_fts ORDER BY 1)`)
	return out
}

// TestPull_BulkEqualsRowByRow: a business made on one workstation (products
// with barcodes, customers with addresses, orders with lines, events,
// payments, settlements and stock movements) pulled by a fresh workstation
// in bulk form, in many small pages, and by another row by row: both hold
// exactly what the first holds, caches and full-text indexes included.
func TestPull_BulkEqualsRowByRow(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testPull_BulkEqualsRowByRow(t, backend.url(t)) })
	}
}

func testPull_BulkEqualsRowByRow(t *testing.T, url string) {
	ctx := context.Background()
	h := newHub(t, url)
	h.srv.hooks.bulkBytes = 48 << 10 // pages of a few dozen rows: many pages, each fetched while the last applies
	a := newStation(t)
	h.enrol(a, "A")
	a.must(catalog.GenerateProducts(ctx, a.db, 300, 7))
	a.must(customer.GenerateCustomers(ctx, a.db, 120, 7))
	a.must(order.GenerateOrders(ctx, a.db, 400, 7))
	a.sync()

	bulk := newStation(t)
	h.enrol(bulk, "Bulk")
	rowwise := newStation(t)
	var err error
	rowwise.client, err = omsync.NewClient(ctx, rowwise.db, &http.Client{Transport: classicOnly{}})
	a.must(err)
	h.enrol(rowwise, "Row by row")
	sb, sr := bulk.sync(), rowwise.sync()
	if sb.Pulled != sr.Pulled || sb.Failed != 0 || sr.Failed != 0 || sb.Pulled < 5000 {
		t.Fatalf("pulled in bulk %+v, row by row %+v", sb, sr)
	}
	if sb.Batches < 20 {
		t.Errorf("the bulk snapshot came in %d batches, want many", sb.Batches)
	}
	indexes := `SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)`
	if got, want := bulk.scalar(indexes), a.scalar(indexes); got != want {
		t.Errorf("after the snapshot the indexes are\n%s\nwant\n%s", got, want)
	}
	want := contents(t, a)
	for name, st := range map[string]*station{"bulk": bulk, "row by row": rowwise} {
		got := contents(t, st)
		for table, w := range want {
			if got[table] != w {
				t.Errorf("%s: %s differs from the workstation that made it:\n got %.300s\nwant %.300s", name, table, got[table], w)
			}
		}
		if n := st.pending(); n != 0 {
			t.Errorf("%s: %d changes waiting after a pull", name, n)
		}
	}
	// Both go on syncing as usual: an edit made on A arrives.
	id := a.scalar(`SELECT id FROM products ORDER BY sku LIMIT 1`)
	name := "Renamed after the snapshot"
	_, err = a.cat.UpdateProduct(ctx, actor, id, catalog.ProductUpdate{Name: &name})
	a.must(err)
	a.sync()
	bulk.sync()
	if got := bulk.scalar(`SELECT name FROM products WHERE id = ?`, id); got != name {
		t.Errorf("after the snapshot, the rename arrived as %q", got)
	}
}

// TestPull_BulkFormOnlyForThisSchema: the bulk form is what a client of
// the server's schema asks for; any other gets rows.
func TestPull_BulkFormOnlyForThisSchema(t *testing.T) {
	h := newHub(t, "")
	a := newStation(t)
	st := h.enrol(a, "A")
	cases := []struct {
		name, query, schema, accept string
		framed                      bool
		coding                      string
	}{
		{"bulk, zstd", "bulk=1", "", "zstd, gzip", true, "zstd"},
		{"bulk, gzip", "bulk=1", "", "gzip", true, "gzip"},
		{"bulk, no compression", "bulk=1", "", "", true, ""},
		{"rows when not asked", "", "", "zstd", false, "zstd"},
		{"rows for another schema", "bulk=1", "12", "zstd", false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", h.url+omsync.PathPull+"?cursor=&"+c.query, nil)
			req.Header.Set(omsync.HeaderProtocol, "1")
			schema := c.schema
			if schema == "" {
				schema = strconv.Itoa(store.SchemaVersion())
			}
			req.Header.Set(omsync.HeaderSchema, schema)
			req.Header.Set("Authorization", "Bearer "+st.Credential)
			if c.accept != "" {
				req.Header.Set("Accept-Encoding", c.accept)
			}
			resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if c.schema != "" {
				// An old schema is refused outright when below the range.
				if resp.StatusCode == 200 && resp.Header.Get("Content-Type") == omsync.ContentTypeFramed {
					t.Fatalf("schema %s got the bulk form", c.schema)
				}
				return
			}
			framed := resp.Header.Get("Content-Type") == omsync.ContentTypeFramed
			if resp.StatusCode != 200 || framed != c.framed || resp.Header.Get("Content-Encoding") != c.coding {
				t.Fatalf("status %d, type %q, coding %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"))
			}
		})
	}
}

// TestPull_SnapshotOrder: a snapshot sends the ledgers first, then the
// other tables, each by id, in pages that end anywhere, in bulk form and
// as rows alike; a snapshot cursor of the earlier order starts it again.
func TestPull_SnapshotOrder(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			ctx := context.Background()
			h := newHub(t, backend.url(t))
			a, b := h.device("A"), h.device("B")
			var batch []omsync.Change
			for i := 0; i < 3; i++ {
				id := store.NewID()
				batch = append(batch, a.change("products", id, "insert", product(id, "P"+strconv.Itoa(i))))
				e := store.NewID()
				batch = append(batch, a.change("order_events", e, "insert", h.required("order_events", e, nil)))
				w := store.NewID()
				batch = append(batch, a.change("warehouses", w, "insert", h.required("warehouses", w, map[string]any{"code": "W" + strconv.Itoa(i)})))
			}
			h.push(a, batch...)
			seeded := h.count(`SELECT count(*) FROM srv_entities WHERE deleted = ''`) - 9

			for _, bulk := range []bool{true, false} {
				var got []string
				cursor, pages := "", 0
				for {
					pull := h.srv.Pull
					if bulk {
						pull = func(ctx ctxT, dev Device, cursor string, limit int) (omsync.PullResponse, error) {
							return h.srv.PullBulk(ctx, dev, cursor, limit, pages == 1)
						}
					}
					res, err := pull(ctx, b.Device, cursor, 2)
					if err != nil {
						t.Fatal(err)
					}
					pages++
					if want := bulk && pages == 2 || !bulk && pages == 1; (res.Total == int64(9+seeded)) != want {
						t.Errorf("bulk %v: page %d gave the total %d", bulk, pages, res.Total)
					}
					for _, r := range res.Rows {
						got = append(got, r.Entity)
					}
					for _, g := range res.Groups {
						rows, err := g.Split()
						if err != nil {
							t.Fatal(err)
						}
						for _, r := range rows {
							got = append(got, r.Entity)
						}
					}
					cursor = res.Cursor
					if !res.Snapshot {
						break
					}
				}
				var own []string
				for _, e := range got {
					if e == "order_events" || e == "products" || e == "warehouses" {
						own = append(own, e)
					}
				}
				want := "order_events order_events order_events products products products warehouses warehouses warehouses"
				if strings.Join(own, " ") != want || len(got) != 9+seeded {
					t.Errorf("bulk %v: the snapshot sent %v (%d rows in %d pages)", bulk, own, len(got), pages)
				}
				if i := slices.Index(got, "order_events"); i != 0 {
					t.Errorf("bulk %v: a ledger comes at %d: %v", bulk, i, got)
				}
			}

			res, err := h.srv.PullBulk(ctx, b.Device, "s:3:products:zzz", 2, true)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Snapshot || res.Total == 0 || len(res.Groups) == 0 || res.Groups[0].Entity != "order_events" {
				t.Errorf("an earlier snapshot cursor gave %+v, not the snapshot's first page", res)
			}
		})
	}
}

// failAfter is a transport whose requests fail after the first n.
type failAfter struct {
	n    atomic.Int64
	left int64
}

func (f *failAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	if f.n.Add(1) > f.left {
		return nil, errors.New("the network went away")
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestPull_StoppedSnapshotKeepsItsIndexes: a snapshot cut short by the
// network leaves the workstation with every index (built again at once)
// and resumes where it stopped.
func TestPull_StoppedSnapshotKeepsItsIndexes(t *testing.T) {
	ctx := context.Background()
	h := newHub(t, "")
	h.srv.hooks.bulkBytes = 16 << 10
	a := newStation(t)
	h.enrol(a, "A")
	a.must(catalog.GenerateProducts(ctx, a.db, 200, 3))
	a.sync()

	b := newStation(t)
	h.enrol(b, "B")
	indexes := `SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)`
	want := b.scalar(indexes)
	var err error
	b.client, err = omsync.NewClient(ctx, b.db, &http.Client{Transport: &failAfter{left: 4}})
	a.must(err)
	if _, err := b.client.Round(ctx, nil); err == nil {
		t.Fatal("the round went through a network that went away")
	}
	if got := b.scalar(indexes); got != want {
		t.Errorf("after a stopped snapshot the indexes are\n%s\nwant\n%s", got, want)
	}
	if n := b.count(`SELECT (SELECT count(*) FROM barcodes) + (SELECT count(*) FROM products)`); n == 0 || n >= 400 {
		t.Fatalf("%d barcodes and products after the stopped snapshot, want some", n)
	}
	b.client, err = omsync.NewClient(ctx, b.db, nil)
	a.must(err)
	b.sync()
	if n := b.count(`SELECT count(*) FROM products`); n != 200 {
		t.Errorf("%d products after the snapshot resumed, want 200", n)
	}
	if got := b.scalar(indexes); got != want {
		t.Errorf("after the resumed snapshot the indexes are\n%s\nwant\n%s", got, want)
	}
}
