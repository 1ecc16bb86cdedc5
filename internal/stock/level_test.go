package stock

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// modelKey is a place in the test's own model of stock.
type modelKey struct{ product, warehouse, bin string }

type modelLevel struct{ onHand, reserved int64 }

// stockModel computes stock the simple way, independently of the ledger,
// the cache and their SQL.
type stockModel struct {
	levels map[modelKey]*modelLevel
	held   map[string]map[modelKey]int64 // order -> place -> reserved
}

func (m *stockModel) at(k modelKey) *modelLevel {
	if m.levels[k] == nil {
		m.levels[k] = &modelLevel{}
	}
	return m.levels[k]
}

func (m *stockModel) available(product, warehouse string) int64 {
	var n int64
	for k, l := range m.levels {
		if k.product == product && k.warehouse == warehouse {
			n += l.onHand - l.reserved
		}
	}
	return n
}

// TestLevels_CacheEqualsLedger runs thousands of random stock operations,
// failing and rolled-back ones included, and checks after each batch that
// the stock_levels cache equals both the ledger (VerifyLevels) and an
// independent model, and that each operation succeeded exactly when the
// model says it should.
func TestLevels_CacheEqualsLedger(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	products := []*catalog.Product{e.bolt, e.nut}
	type place struct{ w, b string }
	places := []place{{e.main.ID, e.binA.ID}, {e.main.ID, e.binB.ID}, {e.main.ID, ""}, {e.second.ID, e.binX.ID}, {e.second.ID, ""}}
	m := &stockModel{levels: map[modelKey]*modelLevel{}, held: map[string]map[modelKey]int64{}}
	orders := []string{"o-1", "o-2", "o-3", "o-4"}
	pick := func() (*catalog.Product, place) {
		return products[rng.IntN(len(products))], places[rng.IntN(len(places))]
	}
	update := func(fn func(tx *store.Tx) error) error { return e.db.Update(ctx, testActor, fn) }
	done, refused := map[string]int{}, map[string]int{}
	check := func(op string, i int, err error, wantOK bool) {
		t.Helper()
		if err == nil {
			done[op]++
		} else {
			refused[op]++
		}
		if wantOK && err != nil {
			t.Fatalf("op %d %s: %v", i, op, err)
		}
		if !wantOK && (err == nil || errs.Code(err) == errs.EINTERNAL) {
			t.Fatalf("op %d %s: err = %v, want a coded refusal", i, op, err)
		}
	}
	for i := 0; i < 3000; i++ {
		p, pl := pick()
		k := modelKey{p.ID, pl.w, pl.b}
		q := 1 + rng.Int64N(8)
		order := orders[rng.IntN(len(orders))]
		switch op := rng.IntN(10); op {
		case 0, 1: // receipt
			_, err := e.s.PostMovement(ctx, testActor, MovementInput{Kind: KindReceipt, ProductID: p.ID, WarehouseID: pl.w, BinID: pl.b, Quantity: q})
			check("receipt", i, err, true)
			m.at(k).onHand += q
		case 2: // adjustment either way
			if rng.IntN(2) == 0 {
				q = -q
			}
			_, err := e.s.PostMovement(ctx, testActor, MovementInput{Kind: KindAdjustment, ProductID: p.ID, WarehouseID: pl.w, BinID: pl.b, Quantity: q, Reason: "random"})
			check("adjustment", i, err, true)
			m.at(k).onHand += q
		case 3: // reserve at warehouse level
			wk := modelKey{p.ID, pl.w, ""}
			ok := m.available(p.ID, pl.w) >= q
			err := update(func(tx *store.Tx) error {
				_, err := Reserve(tx, Request{ProductID: p.ID, WarehouseID: pl.w, Quantity: q, RefType: RefOrder, RefID: order})
				return err
			})
			check("reserve", i, err, ok)
			if ok {
				m.at(wk).reserved += q
				if m.held[order] == nil {
					m.held[order] = map[modelKey]int64{}
				}
				m.held[order][wk] += q
			}
		case 4: // release part of a reservation
			wk := modelKey{p.ID, pl.w, ""}
			ok := m.held[order][wk] >= q
			err := update(func(tx *store.Tx) error {
				_, err := Release(tx, Request{ProductID: p.ID, WarehouseID: pl.w, Quantity: q, RefType: RefOrder, RefID: order})
				return err
			})
			check("release", i, err, ok)
			if ok {
				m.at(wk).reserved -= q
				m.held[order][wk] -= q
			}
		case 5: // ship an order: release all it holds, sell from a bin
			err := update(func(tx *store.Tx) error {
				if _, err := ReleaseAll(tx, RefOrder, order, "shipped"); err != nil {
					return err
				}
				_, err := RecordSale(tx, Request{ProductID: p.ID, WarehouseID: pl.w, BinID: pl.b, Quantity: q, RefType: RefOrder, RefID: order})
				return err
			})
			check("ship", i, err, true)
			for hk, n := range m.held[order] {
				m.at(hk).reserved -= n
			}
			delete(m.held, order)
			m.at(k).onHand -= q
		case 6: // return
			err := update(func(tx *store.Tx) error {
				_, err := RecordReturn(tx, Request{ProductID: p.ID, WarehouseID: pl.w, BinID: pl.b, Quantity: q, RefType: RefReturn, RefID: "rma"})
				return err
			})
			check("return", i, err, true)
			m.at(k).onHand += q
		case 7: // transfer
			_, to := pick()
			same := to == pl
			ok := !same && m.at(k).onHand >= q && (pl.w == to.w || m.available(p.ID, pl.w) >= q)
			_, err := e.s.Transfer(ctx, testActor, TransferInput{ProductID: p.ID, FromWarehouseID: pl.w, FromBinID: pl.b,
				ToWarehouseID: to.w, ToBinID: to.b, Quantity: q})
			check("transfer", i, err, ok)
			if ok {
				m.at(k).onHand -= q
				m.at(modelKey{p.ID, to.w, to.b}).onHand += q
			}
		case 8: // a count of one warehouse with a few entries
			c, err := e.s.OpenCount(ctx, testActor, CountInput{WarehouseID: pl.w, Reason: "random count"})
			check("open count", i, err, true)
			counted := map[modelKey]int64{}
			for j := 0; j < 1+rng.IntN(3); j++ {
				cp, cpl := pick()
				if cpl.w != pl.w {
					continue
				}
				n := rng.Int64N(12)
				_, err := e.s.RecordCount(ctx, testActor, c.ID, CountEntry{ProductID: cp.ID, BinID: cpl.b, Quantity: n})
				check("record count", i, err, true)
				counted[modelKey{cp.ID, cpl.w, cpl.b}] = n
			}
			_, _, err = e.s.PostCount(ctx, testActor, c.ID, "")
			check("post count", i, err, true)
			for ck, n := range counted {
				m.at(ck).onHand = n
			}
		case 9: // an order that fails after reserving and selling: nothing stays
			err := update(func(tx *store.Tx) error {
				if _, err := RecordSale(tx, Request{ProductID: p.ID, WarehouseID: pl.w, BinID: pl.b, Quantity: q}); err != nil {
					return err
				}
				return errs.Errorf(errs.ECONFLICT, "payment declined")
			})
			check("rolled back", i, err, false)
		}
		if i%250 == 249 {
			compareModel(t, e, m, i)
		}
	}
	compareModel(t, e, m, -1)
	// Guard against a degenerate run: each kind of refusal happened.
	for _, op := range []string{"reserve", "release", "transfer"} {
		if done[op] == 0 || refused[op] == 0 {
			t.Fatalf("%s: %d done, %d refused; the run does not exercise both", op, done[op], refused[op])
		}
	}
	t.Logf("done %v, refused %v", done, refused)
}

func compareModel(t *testing.T, e *env, m *stockModel, at int) {
	t.Helper()
	ctx := context.Background()
	if err := e.s.VerifyLevels(ctx); err != nil {
		t.Fatalf("after op %d: %v", at, err)
	}
	got := map[modelKey]modelLevel{}
	for _, p := range []*catalog.Product{e.bolt, e.nut} {
		levels, err := e.s.FindLevels(ctx, LevelFilter{ProductID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range levels {
			got[modelKey{l.ProductID, l.WarehouseID, l.BinID}] = modelLevel{l.OnHand, l.Reserved}
		}
	}
	for k, want := range m.levels {
		if got[k] != *want {
			t.Fatalf("after op %d: %s = %+v, model says %+v", at, fmt.Sprint(k), got[k], *want)
		}
	}
	for k, g := range got {
		if w := m.levels[k]; w == nil && (g != modelLevel{}) {
			t.Fatalf("after op %d: %v = %+v, model has nothing there", at, k, g)
		}
	}
}
