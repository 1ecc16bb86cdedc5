package server

import (
	"context"
	"testing"

	"oms/internal/store"
	omsync "oms/internal/sync"
)

// TestPull_PagesSnapshotThenLog: a fresh device pages through the snapshot
// in small batches, gets every live row once and no tombstone, and then
// the changes made while it paged, but never its own.
func TestPull_PagesSnapshotThenLog(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			ctx := context.Background()
			h := newHub(t, backend.url(t))
			a, b := h.device("A"), h.device("B")
			var ids []string
			var batch []omsync.Change
			for i := 0; i < 7; i++ {
				id := store.NewID()
				ids = append(ids, id)
				batch = append(batch, a.change("products", id, "insert", product(id, "P"+string(rune('A'+i)))))
			}
			batch = append(batch, a.change("products", ids[6], "delete", nil))
			h.push(a, batch...)

			seen := map[string]int{}
			cursor, total, pages := "", int64(0), 0
			var late string
			for {
				res, err := h.srv.Pull(ctx, b.Device, cursor, 3)
				if err != nil {
					t.Fatal(err)
				}
				pages++
				if res.Total > 0 {
					total = res.Total
				}
				for _, r := range res.Rows {
					seen[r.Entity+"/"+r.ID]++
				}
				if pages == 2 {
					// A change commits while B is inside the snapshot.
					late = store.NewID()
					h.push(a, a.change("products", late, "insert", product(late, "LATE")))
					h.push(b, b.change("products", ids[0], "update", map[string]any{"name": "B's own"}))
				}
				for _, c := range res.Changes {
					if c.Device == b.ID {
						t.Errorf("B was sent its own change %d", c.Seq)
					}
					seen["log/"+c.EntityID]++
				}
				cursor = res.Cursor
				if !res.More {
					break
				}
				if pages > 100 {
					t.Fatal("the pull never ends")
				}
			}
			live := 0
			for k, n := range seen {
				if n != 1 && k[:4] != "log/" {
					t.Errorf("%s sent %d times", k, n)
				}
				if k[:4] != "log/" {
					live++
				}
			}
			if int64(live) < total {
				t.Errorf("%d rows in the snapshot, the server counted %d", live, total)
			}
			for _, id := range ids[:6] {
				if seen["products/"+id] != 1 {
					t.Errorf("product %s missing from the snapshot", id)
				}
			}
			if seen["products/"+ids[6]] != 0 {
				t.Errorf("the deleted product came in the snapshot")
			}
			if seen["log/"+late] == 0 && seen["products/"+late] == 0 {
				t.Errorf("the product created during the snapshot never came")
			}
			if pages < 3 {
				t.Errorf("%d pages with limit 3", pages)
			}
		})
	}
}
