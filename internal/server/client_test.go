package server

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/store"
	omsync "oms/internal/sync"
)

// at fixes a station's clock.
func (st *station) at(t time.Time) { st.db.Now = func() time.Time { return t } }

func (st *station) count(q string, args ...any) int {
	st.t.Helper()
	n, err := strconv.Atoi(st.scalar(q, args...))
	if err != nil {
		st.t.Fatal(err)
	}
	return n
}

func (st *station) pending() int {
	st.t.Helper()
	n, err := st.db.PendingChanges(context.Background())
	if err != nil {
		st.t.Fatal(err)
	}
	return n
}

// TestClient_RejectedPushAndUnappliablePull: two stations create the same
// SKU offline (differing only in case). The later push is refused: it lands
// in that station's inbox with its reason and leaves the outbox. The pull
// that brings the other station's product cannot insert it (the local
// UNIQUE constraint): it goes to the inbox as 'pull' and the rest of the
// batch applies.
func TestClient_RejectedPushAndUnappliablePull(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testClient_RejectedPushAndUnappliablePull(t, backend.url(t)) })
	}
}

func testClient_RejectedPushAndUnappliablePull(t *testing.T, url string) {
	ctx := context.Background()
	h := newHub(t, url)
	a, b := newStation(t), newStation(t)
	h.enrol(a, "A")
	h.enrol(b, "B")
	a.sync()
	b.sync()

	boltA, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt from A", Price: 100})
	a.must(err)
	nut, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "NUT", Name: "Nut", Price: 20})
	a.must(err)
	boltB, err := b.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "bolt", Name: "Bolt from B", Price: 110})
	b.must(err)

	if s := a.sync(); s.Rejected != 0 {
		t.Fatalf("A's sync: %v", s)
	}
	s := b.sync()
	if s.Rejected != 1 {
		t.Errorf("B's sync refused %d changes, want 1 (its product): %v", s.Rejected, s)
	}
	if s.Failed != 1 {
		t.Errorf("B's sync could not apply %d pulled changes, want 1 (A's product): %v", s.Failed, s)
	}
	if n := b.pending(); n != 0 {
		t.Errorf("B's outbox holds %d changes after the push was answered", n)
	}
	if got := b.scalar(`SELECT reason FROM sync_inbox WHERE direction = 'push' AND entity = 'products' AND entity_id = ?`, boltB.ID); !strings.Contains(got, "already has a products row with sku") {
		t.Errorf("B's inbox gives the refusal as %q", got)
	}
	if got := b.scalar(`SELECT op || ' ' || json_extract(fields, '$.sku') FROM sync_inbox WHERE direction = 'push' AND entity_id = ?`, boltB.ID); got != "insert bolt" {
		t.Errorf("B's inbox holds the refused change as %q, want its insert", got)
	}
	if got := b.scalar(`SELECT reason FROM sync_inbox WHERE direction = 'pull' AND entity = 'products' AND entity_id = ?`, boltA.ID); !strings.Contains(strings.ToUpper(got), "UNIQUE") {
		t.Errorf("B's inbox gives the failed pull as %q", got)
	}
	if n := b.count(`SELECT count(*) FROM sync_inbox`); n != 2 {
		t.Errorf("B's inbox holds %d entries, want 2", n)
	}
	if got := b.scalar(`SELECT name FROM products WHERE id = ?`, nut.ID); got != "Nut" {
		t.Errorf("the rest of the batch: B's nut is %q", got)
	}
	if got := b.scalar(`SELECT name FROM products WHERE sku = 'BOLT'`); got != "Bolt from B" {
		t.Errorf("B's own bolt is now %q", got)
	}
	st, err := b.db.SyncState(ctx)
	b.must(err)
	if !st.SnapshotDone || !strings.HasPrefix(st.PullCursor, "p:") {
		t.Errorf("B's cursor did not move past the batch: %q", st.PullCursor)
	}
	// Nothing is retried for ever: the next round is quiet.
	if s := b.sync(); s.Rejected != 0 || s.Failed != 0 || s.Pushed != 0 {
		t.Errorf("B's next sync: %v", s)
	}
	if n := a.count(`SELECT count(*) FROM sync_inbox`); n != 0 {
		t.Errorf("A's inbox holds %d entries", n)
	}
}

// TestClient_FieldLevelLWW: edits of different fields of one product made
// offline on two stations both survive everywhere; edits of the same field
// converge on the later clock, whichever station syncs first.
func TestClient_FieldLevelLWW(t *testing.T) {
	tests := []struct {
		name      string
		laterIsB  bool
		syncOrder string
	}{
		{"LaterIsB_ASyncsFirst", true, "ab"},
		{"LaterIsB_BSyncsFirst", true, "ba"},
		{"LaterIsA_ASyncsFirst", false, "ab"},
		{"LaterIsA_BSyncsFirst", false, "ba"},
	}
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					ctx := context.Background()
					h := newHub(t, backend.url(t))
					a, b := newStation(t), newStation(t)
					h.enrol(a, "A")
					h.enrol(b, "B")
					p, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 100, Description: "plain"})
					a.must(err)
					a.sync()
					b.sync()
					first, second := a, b
					if tt.syncOrder == "ba" {
						first, second = b, a
					}
					round := func() { first.sync(); second.sync(); first.sync() }

					// Different fields.
					t0 := time.Now()
					a.at(t0.Add(1 * time.Second))
					b.at(t0.Add(2 * time.Second))
					name, price := "Bolt M6", int64(150)
					_, err = a.cat.UpdateProduct(ctx, actor, p.ID, catalog.ProductUpdate{Name: &name})
					a.must(err)
					_, err = b.cat.UpdateProduct(ctx, actor, p.ID, catalog.ProductUpdate{Price: &price})
					b.must(err)
					round()
					for who, st := range map[string]*station{"A": a, "B": b} {
						if got := st.scalar(`SELECT name || ' ' || price || ' ' || description FROM products WHERE id = ?`, p.ID); got != "Bolt M6 150 plain" {
							t.Errorf("%s holds %q after edits of different fields, want both edits", who, got)
						}
					}

					// The same field.
					late, early := b, a
					want := "from B"
					if !tt.laterIsB {
						late, early, want = a, b, "from A"
					}
					early.at(t0.Add(3 * time.Second))
					late.at(t0.Add(4 * time.Second))
					fromA, fromB := "from A", "from B"
					_, err = a.cat.UpdateProduct(ctx, actor, p.ID, catalog.ProductUpdate{Description: &fromA})
					a.must(err)
					_, err = b.cat.UpdateProduct(ctx, actor, p.ID, catalog.ProductUpdate{Description: &fromB})
					b.must(err)
					round()
					for who, st := range map[string]*station{"A": a, "B": b} {
						if got := st.scalar(`SELECT description FROM products WHERE id = ?`, p.ID); got != want {
							t.Errorf("%s's description is %q, want %q (the later write)", who, got, want)
						}
						if got := st.scalar(`SELECT name || ' ' || price FROM products WHERE id = ?`, p.ID); got != "Bolt M6 150" {
							t.Errorf("%s's other fields are %q", who, got)
						}
						if n := st.pending(); n != 0 {
							t.Errorf("%s's outbox holds %d", who, n)
						}
					}
					var server string
					if err := h.db.sql.QueryRow(h.db.q(`SELECT fields FROM srv_entities WHERE entity = 'products' AND id = ?`), p.ID).Scan(&server); err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(server, `"description":"`+want+`"`) {
						t.Errorf("the server holds %s, want description %q", server, want)
					}
				})
			}
		})
	}
}

// TestClient_DeleteBeatsUpdate: one station edits a customer's address while
// another deletes it; the delete wins on both, whichever clock is later.
func TestClient_DeleteBeatsUpdate(t *testing.T) {
	tests := []struct {
		name          string
		updateIsLater bool
	}{{"UpdateLater", true}, {"DeleteLater", false}}
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					ctx := context.Background()
					h := newHub(t, backend.url(t))
					a, b := newStation(t), newStation(t)
					h.enrol(a, "A")
					h.enrol(b, "B")
					addr := customer.AddressInput{Kind: "shipping", Default: true, Name: "Ada", Line1: "1 Main St", PostalCode: "1000", City: "Brussels", Country: "BE"}
					c, err := customer.NewService(a.db).CreateCustomer(ctx, actor, customer.CustomerInput{Name: "Ada", Addresses: []customer.AddressInput{addr}})
					a.must(err)
					if len(c.Addresses) != 1 {
						t.Fatalf("the customer has %d addresses", len(c.Addresses))
					}
					id := c.Addresses[0].ID
					a.sync()
					b.sync()
					if n := b.count(`SELECT count(*) FROM customer_addresses WHERE id = ?`, id); n != 1 {
						t.Fatalf("B did not get the address")
					}
					t0 := time.Now()
					if tt.updateIsLater {
						b.at(t0.Add(1 * time.Second))
						a.at(t0.Add(2 * time.Second))
					} else {
						a.at(t0.Add(1 * time.Second))
						b.at(t0.Add(2 * time.Second))
					}
					addr.City = "Antwerp"
					_, err = customer.NewService(a.db).UpdateAddress(ctx, actor, id, addr)
					a.must(err)
					b.must(customer.NewService(b.db).DeleteAddress(ctx, actor, id))
					a.sync()
					b.sync()
					a.sync()
					for who, st := range map[string]*station{"A": a, "B": b} {
						if n := st.count(`SELECT count(*) FROM customer_addresses WHERE id = ?`, id); n != 0 {
							t.Errorf("%s still has the deleted address (%s)", who, st.scalar(`SELECT city FROM customer_addresses WHERE id = ?`, id))
						}
						if n := st.count(`SELECT count(*) FROM customers WHERE id = ?`, c.ID); n != 1 {
							t.Errorf("%s lost the customer", who)
						}
					}
					if n := h.count(`SELECT count(*) FROM srv_entities WHERE entity = 'customer_addresses' AND id = ? AND deleted <> ''`, id); n != 1 {
						t.Errorf("the server does not hold the address as deleted")
					}
					// A later edit does not bring it back either.
					fresh := newStation(t)
					h.enrol(fresh, "C")
					fresh.sync()
					if n := fresh.count(`SELECT count(*) FROM customer_addresses WHERE id = ?`, id); n != 0 {
						t.Errorf("a fresh station's snapshot holds the deleted address")
					}
				})
			}
		})
	}
}

// TestClient_UpgradeRequiredKeepsOutbox: a server that answers 426 leaves
// the outbox as it was; once the versions match again everything goes.
func TestClient_UpgradeRequiredKeepsOutbox(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testClient_UpgradeRequiredKeepsOutbox(t, backend.url(t)) })
	}
}

func testClient_UpgradeRequiredKeepsOutbox(t *testing.T, url string) {
	ctx := context.Background()
	h := newHub(t, url)
	var upgrade atomic.Bool
	next := h.srv.Handler()
	ws := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if upgrade.Load() {
			// The server was upgraded past this workstation's schema: the
			// real handler answers with its range.
			r.Header.Set(omsync.HeaderSchema, strconv.Itoa(omsync.MinSchema-1))
		}
		next.ServeHTTP(w, r)
	}))
	t.Cleanup(ws.Close)
	wh := *h
	wh.url = ws.URL

	a := newStation(t)
	wh.enrol(a, "A")
	_, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 100})
	a.must(err)
	before := a.pending()
	if before == 0 {
		t.Fatal("nothing waiting in the outbox")
	}
	upgrade.Store(true)
	for i := 0; i < 2; i++ {
		_, err = a.client.Round(ctx, nil)
		if !omsync.UpgradeRequired(err) {
			t.Fatalf("round %d: %v, want upgrade required", i, err)
		}
		if n := a.pending(); n != before {
			t.Fatalf("the outbox went from %d to %d changes on an upgrade-required answer", before, n)
		}
	}
	st, err := a.db.SyncState(ctx)
	a.must(err)
	if !strings.Contains(st.LastError, "Upgrade required") {
		t.Errorf("the last error is %q", st.LastError)
	}
	if n := h.count(`SELECT count(*) FROM srv_log`); n != 0 {
		t.Errorf("the server logged %d changes from refused requests", n)
	}
	upgrade.Store(false)
	if s := a.sync(); s.Pushed != before || s.Rejected != 0 {
		t.Errorf("after the upgrade: %v, want %d pushed", s, before)
	}
	if n := a.pending(); n != 0 {
		t.Errorf("%d changes still waiting", n)
	}
	st, err = a.db.SyncState(ctx)
	a.must(err)
	if st.LastError != "" {
		t.Errorf("the last error stays %q after a good round", st.LastError)
	}
}

// TestClient_LostAnswerIsSafe: the server commits a push but its answer is
// lost; the client keeps its outbox, sends it again and gets the stored
// results, and the server applies nothing twice.
func TestClient_LostAnswerIsSafe(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testClient_LostAnswerIsSafe(t, backend.url(t)) })
	}
}

func testClient_LostAnswerIsSafe(t *testing.T, url string) {
	ctx := context.Background()
	h := newHub(t, url)
	var lose atomic.Bool
	next := h.srv.Handler()
	ws := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if lose.Load() && r.URL.Path == omsync.PathPush {
			next.ServeHTTP(httptest.NewRecorder(), r) // applied and committed, answer dropped
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		next.ServeHTTP(w, r)
	}))
	t.Cleanup(ws.Close)
	wh := *h
	wh.url = ws.URL

	a := newStation(t)
	wh.enrol(a, "A")
	_, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 100})
	a.must(err)
	before := a.pending()
	lose.Store(true)
	if _, err := a.client.Round(ctx, nil); err == nil {
		t.Fatal("a round whose push answer was lost succeeded")
	}
	if n := a.pending(); n != before {
		t.Fatalf("the outbox went from %d to %d changes without an answer", before, n)
	}
	logged := h.count(`SELECT count(*) FROM srv_log`)
	if logged == 0 {
		t.Fatal("the server did not apply the push whose answer was lost")
	}
	lose.Store(false)
	if s := a.sync(); s.Pushed != before || s.Rejected != 0 {
		t.Errorf("the push sent again: %v, want %d applied", s, before)
	}
	if n := a.pending(); n != 0 {
		t.Errorf("%d changes still waiting", n)
	}
	if n := h.count(`SELECT count(*) FROM srv_log`); n != logged {
		t.Errorf("srv_log went from %d to %d: a change was applied twice", logged, n)
	}
}

// TestClient_CopiedDatabaseIsRefused: a copy of an enrolled workstation's
// database writes its own changes under the same seqs; the server refuses
// the copy's push as a copy and keeps the original's changes.
func TestClient_CopiedDatabaseIsRefused(t *testing.T) {
	ctx := context.Background()
	h := newHub(t, "")
	a := newStation(t)
	h.enrol(a, "A")
	a.sync()
	// Copy the files as a backup tool would, while nothing writes.
	var seq int
	var name, src string
	if err := a.db.Reader().QueryRowContext(ctx, `PRAGMA database_list`).Scan(&seq, &name, &src); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil && !(suffix != "" && os.IsNotExist(err)) {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	copyDB, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { copyDB.Close() })
	client, err := omsync.NewClient(ctx, copyDB, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 100})
	a.must(err)
	_, err = catalog.NewService(copyDB).CreateProduct(ctx, actor, catalog.ProductInput{SKU: "NUT", Name: "Nut", Price: 100})
	if err != nil {
		t.Fatal(err)
	}
	a.sync()
	logged := h.count(`SELECT count(*) FROM srv_log`)
	_, err = client.Round(ctx, nil)
	var re *omsync.RemoteError
	if !errors.As(err, &re) || re.Code != omsync.CodeCopy || re.Status != 409 {
		t.Fatalf("the copy's round: %v, want 409 %s", err, omsync.CodeCopy)
	}
	if n := h.count(`SELECT count(*) FROM srv_log`); n != logged {
		t.Errorf("the copy's push logged %d changes", n-logged)
	}
	if n := h.count(`SELECT count(*) FROM srv_entities WHERE entity = 'products' AND fields LIKE '%"NUT"%'`); n != 0 {
		t.Errorf("the copy's product reached the server")
	}
	if n, err := copyDB.PendingChanges(ctx); err != nil || n == 0 {
		t.Errorf("the copy's outbox holds %d (%v): its changes must be kept", n, err)
	}

	// Enrolled again, the copy is a new station: its waiting product
	// arrives, the original's data reaches it, and its numbers are its own.
	tok, err := h.db.CreateToken(ctx, "Copy", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	st, err := client.Reenrol(ctx, h.url, tok)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := a.db.SyncState(ctx)
	if st.DeviceID == orig.DeviceID || st.StationCode == orig.StationCode || st.StationCode == "" {
		t.Fatalf("re-enrolled as device %s station %s; the original is %s %s", st.DeviceID, st.StationCode, orig.DeviceID, orig.StationCode)
	}
	if _, err := client.Round(ctx, nil); err != nil {
		t.Fatalf("the re-enrolled copy's round: %v", err)
	}
	if n := h.count(`SELECT count(*) FROM srv_entities WHERE entity = 'products' AND fields LIKE '%"NUT"%'`); n != 1 {
		t.Errorf("the copy's product is on the server %d times, want 1", n)
	}
	var bolts int
	copyDB.Reader().QueryRow(`SELECT count(*) FROM products WHERE sku = 'BOLT'`).Scan(&bolts)
	if bolts != 1 {
		t.Errorf("the copy has %d of the original's BOLT, want 1", bolts)
	}
	if n, _ := copyDB.PendingChanges(ctx); n != 0 {
		t.Errorf("the copy still has %d changes waiting", n)
	}
}

// TestClient_WriteDuringRound: a local edit made after the push and before
// the pull of a round meets a remote edit of the same field; both stations
// converge on the later clock.
func TestClient_WriteDuringRound(t *testing.T) {
	tests := []struct {
		name       string
		localLater bool
	}{{"RemoteLater", false}, {"LocalLater", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			h := newHub(t, "")
			a, b := newStation(t), newStation(t)
			h.enrol(a, "A")
			h.enrol(b, "B")
			p, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 100})
			a.must(err)
			a.sync()
			b.sync()
			t0 := time.Now()
			b.at(t0.Add(2 * time.Second))
			fromB := "from B"
			_, err = b.cat.UpdateProduct(ctx, actor, p.ID, catalog.ProductUpdate{Name: &fromB})
			b.must(err)
			b.sync()

			local := t0.Add(1 * time.Second)
			want := fromB
			if tt.localLater {
				local, want = t0.Add(3*time.Second), "from A"
			}
			a.at(local)
			// Something to push, so that the round reports its push before
			// it pulls.
			_, err = a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "NUT", Name: "Nut", Price: 10})
			a.must(err)
			fromA := "from A"
			edited := false
			_, err = a.client.Round(ctx, func(phase string, done, total int64) {
				if phase != "push" || edited {
					return
				}
				edited = true
				_, err := a.cat.UpdateProduct(ctx, actor, p.ID, catalog.ProductUpdate{Name: &fromA})
				a.must(err)
			})
			a.must(err)
			if !edited {
				t.Fatal("the progress callback never ran between push and pull")
			}
			if got := a.scalar(`SELECT name FROM products WHERE id = ?`, p.ID); got != want {
				t.Errorf("right after the round A's name is %q, want %q", got, want)
			}
			a.sync()
			b.sync()
			a.sync()
			for who, st := range map[string]*station{"A": a, "B": b} {
				if got := st.scalar(`SELECT name FROM products WHERE id = ?`, p.ID); got != want {
					t.Errorf("%s's name is %q, want %q", who, got, want)
				}
			}
		})
	}
}

// TestClient_LargeOutboxAndSnapshot: more changes than one push and more rows
// than one pull carry (compressed both ways) all arrive.
func TestClient_LargeOutboxAndSnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("1,100 products through sync: not in -short")
	}
	ctx := context.Background()
	h := newHub(t, "")
	a, b := newStation(t), newStation(t)
	h.enrol(a, "A")
	const n = 1100
	for i := 0; i < n; i++ {
		_, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "SKU-" + strconv.Itoa(i), Name: strings.Repeat("long name ", 5), Price: int64(i)})
		a.must(err)
	}
	pending := a.pending()
	s := a.sync()
	if s.Pushed != pending || s.Batches < 3 {
		t.Errorf("A's sync: %v in %d batches, want %d pushed", s, s.Batches, pending)
	}
	h.enrol(b, "B")
	s = b.sync()
	if s.Failed != 0 {
		t.Errorf("B's sync: %v", s)
	}
	if got := b.count(`SELECT count(*) FROM products`); got != n {
		t.Errorf("B has %d products, want %d", got, n)
	}
}
