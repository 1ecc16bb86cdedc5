package server

import (
	"context"
	"fmt"
	"sync"
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

// TestPull_ConcurrentPushesNeverSkipped: devices push concurrently while a
// reader pulls the log with its cursor; the reader sees every change once.
// On PostgreSQL the pushes run in parallel transactions.
func TestPull_ConcurrentPushesNeverSkipped(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			ctx := context.Background()
			h := newHub(t, backend.url(t))
			reader := h.device("R")
			const devices, pushes, perPush = 4, 15, 3
			devs := make([]*device, devices)
			for i := range devs {
				devs[i] = h.device(fmt.Sprintf("D%d", i))
			}
			var wg sync.WaitGroup
			for i, d := range devs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for p := 0; p < pushes; p++ {
						var batch []omsync.Change
						for k := 0; k < perPush; k++ {
							id := store.NewID()
							batch = append(batch, d.change("products", id, "insert", product(id, fmt.Sprintf("D%d-%d-%d", i, p, k))))
						}
						if _, err := h.srv.Push(ctx, d.Device, omsync.PushRequest{Device: d.ID, Changes: batch}); err != nil {
							t.Errorf("device %d push %d: %v", i, p, err)
							return
						}
					}
				}()
			}
			done := make(chan struct{})
			go func() { wg.Wait(); close(done) }()
			seen := map[string]int{}
			cursor := "p:0"
			pull := func() bool {
				res, err := h.srv.Pull(ctx, reader.Device, cursor, 7)
				if err != nil {
					t.Fatalf("pull: %v", err)
				}
				for _, c := range res.Changes {
					seen[c.ID]++
				}
				cursor = res.Cursor
				return res.More
			}
		loop:
			for {
				select {
				case <-done:
					break loop
				default:
					pull()
				}
			}
			for pull() {
			}
			if t.Failed() {
				return
			}
			want := devices * pushes * perPush
			if len(seen) != want {
				t.Errorf("the reader saw %d changes, want %d", len(seen), want)
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("change %s seen %d times", id, n)
				}
			}
			if n := h.count(`SELECT count(*) FROM srv_log`); n != want {
				t.Errorf("srv_log holds %d, want %d", n, want)
			}
		})
	}
}
