package sync

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/order"
	"oms/internal/store"
)

// The client side of the merge: other devices' changes and snapshot rows
// are joined with what this workstation holds (its rows, the clocks sync
// recorded, and its own changes still in the outbox) and the winning
// values are written through a store.Remote transaction.

// farAhead is how far a remote clock may run ahead of this workstation's
// before it is flagged and not followed.
const farAhead = 5 * time.Minute

// tables caches the synced tables' shape by name.
type tables map[string]store.TableInfo

var quoteIdent = store.QuoteIdent

// localDoc returns this workstation's state of an entity: the row's values
// (as the capture triggers write them), the recorded clocks, overlaid with
// the clocks of its own changes still waiting in the outbox.
func localDoc(tx *store.Tx, t store.TableInfo, id, self string) (Doc, bool, error) {
	d := Doc{Clocks: map[string]Clock{}}
	var raw sql.NullString
	err := tx.QueryRowContext(tx.Context(), fmt.Sprintf(`SELECT %s FROM %s WHERE id = ?`, t.RowJSON(), quoteIdent(t.Name)), id).Scan(&raw)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return d, false, err
	}
	if exists {
		if err := json.Unmarshal([]byte(raw.String), &d.Fields); err != nil {
			return d, false, err
		}
	}
	var clocks string
	err = tx.QueryRowContext(tx.Context(), `SELECT clocks FROM sync_clocks WHERE entity = ? AND entity_id = ?`, t.Name, id).Scan(&clocks)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return d, false, err
	}
	if err == nil {
		if err := json.Unmarshal([]byte(clocks), &d.Clocks); err != nil {
			return d, false, fmt.Errorf("clocks of %s %s: %w", t.Name, id, err)
		}
		if del, ok := d.Clocks["~"]; ok {
			d.Deleted = del
			delete(d.Clocks, "~")
		}
	}
	// Named clocks for every field, so that overlaying pending changes keeps
	// the others' clocks.
	full := map[string]Clock{}
	for f := range d.Fields {
		full[f] = d.ClockOf(f)
	}
	rows, err := tx.QueryContext(tx.Context(), `SELECT op, fields, hlc FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq`, t.Name, id)
	if err != nil {
		return d, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var op, fields, hlc string
		if err := rows.Scan(&op, &fields, &hlc); err != nil {
			return d, false, err
		}
		clock := MakeClock(hlc, self)
		if op == "delete" {
			d.Deleted = d.Deleted.Max(clock)
			continue
		}
		var fs map[string]json.RawMessage
		if err := json.Unmarshal([]byte(fields), &fs); err != nil {
			return d, false, err
		}
		for f := range fs {
			full[f] = full[f].Max(clock)
		}
	}
	if err := rows.Err(); err != nil {
		return d, false, err
	}
	if len(full) > 0 {
		d.Clocks = compact(full)
	}
	return d, exists, nil
}

func saveClocks(tx *store.Tx, entity, id string, d Doc) error {
	clocks := map[string]Clock{}
	for f, c := range d.Clocks {
		clocks[f] = c
	}
	if d.Deleted != "" {
		clocks["~"] = d.Deleted
	}
	b, err := json.Marshal(clocks)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(tx.Context(), `INSERT INTO sync_clocks (entity, entity_id, clocks) VALUES (?, ?, ?)
		ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks`, entity, id, string(b))
	return err
}

// applyDoc joins state in into the local entity and writes what won.
func applyDoc(tx *store.Tx, t store.TableInfo, id, self string, in Doc) error {
	if t.Kind == "ledger" {
		if in.Deleted != "" {
			return fmt.Errorf("%s is a ledger: its rows are never deleted", t.Name)
		}
		return insertRow(tx, t, in.Fields, true)
	}
	cur, exists, err := localDoc(tx, t, id, self)
	if err != nil {
		return err
	}
	merged, eff := Join(t.Name, cur, in)
	switch {
	case merged.Deleted != "":
		if exists {
			if _, err := tx.ExecContext(tx.Context(), fmt.Sprintf(`DELETE FROM %s WHERE id = ?`, quoteIdent(t.Name)), id); err != nil {
				return err
			}
		}
	case !exists:
		if err := insertRow(tx, t, merged.Fields, false); err != nil {
			return err
		}
	case len(eff.Fields) > 0:
		if err := updateRow(tx, t, id, eff.Fields); err != nil {
			return err
		}
	}
	return saveClocks(tx, t.Name, id, merged)
}

// valueExpr reads a column's value from the JSON argument ?1.
func valueExpr(c store.ColumnInfo) string {
	e := fmt.Sprintf(`json_extract(?1, %s)`, "'$.\""+strings.ReplaceAll(c.Name, "'", "''")+"\"'")
	if c.Blob() {
		e = "unhex(" + e + ")"
	}
	return e
}

func insertRow(tx *store.Tx, t store.TableInfo, fields map[string]json.RawMessage, ignore bool) error {
	_, err := insertRowResult(tx, t, fields, ignore)
	return err
}

func insertRowResult(tx *store.Tx, t store.TableInfo, fields map[string]json.RawMessage, ignore bool) (sql.Result, error) {
	var cols, vals []string
	for _, c := range t.Columns {
		if _, ok := fields[c.Name]; !ok {
			continue
		}
		cols = append(cols, quoteIdent(c.Name))
		vals = append(vals, valueExpr(c))
	}
	for f := range fields {
		if _, ok := t.Column(f); !ok {
			return nil, fmt.Errorf("%s has no column %q here: this workstation needs an upgrade", t.Name, f)
		}
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("a new %s row came without fields", t.Name)
	}
	b, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	q := fmt.Sprintf(`INSERT INTO %s (%s) SELECT %s WHERE true`, quoteIdent(t.Name), strings.Join(cols, ", "), strings.Join(vals, ", "))
	if ignore {
		q += ` ON CONFLICT (id) DO NOTHING`
	}
	return tx.ExecContext(tx.Context(), q, string(b))
}

func updateRow(tx *store.Tx, t store.TableInfo, id string, fields map[string]json.RawMessage) error {
	var sets []string
	for _, c := range t.Columns {
		if _, ok := fields[c.Name]; ok && c.Name != "id" {
			sets = append(sets, quoteIdent(c.Name)+" = "+valueExpr(c))
		}
	}
	for f := range fields {
		if _, ok := t.Column(f); !ok {
			return fmt.Errorf("%s has no column %q here: this workstation needs an upgrade", t.Name, f)
		}
	}
	if len(sets) == 0 {
		return nil
	}
	b, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(tx.Context(), fmt.Sprintf(`UPDATE %s SET %s WHERE id = ?2`, quoteIdent(t.Name), strings.Join(sets, ", ")), string(b), id)
	return err
}

// inboxEntry records a change that could not be applied or was refused.
func inboxEntry(tx *store.Tx, direction string, c Change, reason string) error {
	fields, _ := json.Marshal(c.Fields)
	_, err := tx.ExecContext(tx.Context(), `INSERT INTO sync_inbox (id, direction, change_id, entity, entity_id, op, fields, reason, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, store.NewID(), direction, c.ID, c.Entity, c.EntityID, c.Op, string(fields), reason, store.FormatTime(tx.Now))
	return err
}

// applyBatch applies a pulled batch and moves the cursor in the same
// transaction. A change that cannot be applied goes to the inbox with the
// reason and the rest go on. It returns how many were applied and a clock
// warning when a remote clock ran far ahead.
//
// A row new here (a snapshot's, or another device's insert) is written by
// one INSERT and keeps no clocks: the server logs only the values that won
// there, so later changes of it are newer, and only this device's own
// writes need clocks to meet them (the outbox's, and sync_clocks once
// acknowledged). Rows that exist here go through the full merge.
func applyBatch(tx *store.Tx, ts tables, self string, res PullResponse) (applied, failed int, warning string, err error) {
	var newest store.HLC
	var newestDevice string
	see := func(hlc, device string) {
		if h, err := store.ParseHLC(hlc); err == nil && (h.Wall > newest.Wall || (h.Wall == newest.Wall && h.Counter > newest.Counter)) {
			newest, newestDevice = h, device
		}
	}
	apply := func(entity, id string, in Doc, full bool) (string, error) {
		t, ok := ts[entity]
		if !ok || !t.Synced() {
			return fmt.Sprintf("%q is not a table this workstation syncs: it needs an upgrade", entity), nil
		}
		// One statement: a failure rolls back only itself (and its triggers).
		if t.Kind == "ledger" || (full && in.Deleted == "") {
			inserted, ferr := insertNew(tx, t, in.Fields)
			if ferr != nil {
				return ferr.Error(), nil
			}
			if inserted || t.Kind == "ledger" {
				return "", nil
			}
		}
		if _, err := tx.ExecContext(tx.Context(), `SAVEPOINT change`); err != nil {
			return "", err
		}
		if ferr := applyDoc(tx, t, id, self, in); ferr != nil {
			if _, err := tx.ExecContext(tx.Context(), `ROLLBACK TO SAVEPOINT change`); err != nil {
				return "", err
			}
			_, _ = tx.ExecContext(tx.Context(), `RELEASE SAVEPOINT change`)
			return ferr.Error(), nil
		}
		_, err := tx.ExecContext(tx.Context(), `RELEASE SAVEPOINT change`)
		return "", err
	}
	// Payment totals are a cache rebuilt from the ledgers by Go code, not by
	// triggers: rebuild them for the orders whose payments came in.
	touched := map[string]bool{}
	touch := func(entity string, fields map[string]json.RawMessage) {
		switch entity {
		case "payments":
			var id string
			if json.Unmarshal(fields["order_id"], &id) == nil && id != "" {
				touched[id] = true
			}
		case "payment_settlements":
			var pid, id string
			if json.Unmarshal(fields["payment_id"], &pid) == nil &&
				tx.QueryRowContext(tx.Context(), `SELECT order_id FROM payments WHERE id = ?`, pid).Scan(&id) == nil {
				touched[id] = true
			}
		}
	}
	rows := res.Rows
	for _, g := range res.Groups {
		t, ok := ts[g.Entity]
		done := false
		if ok {
			if done, err = bulkInsert(tx, t, g); err != nil {
				return applied, failed, warning, err
			}
		}
		if !done {
			split, err := g.Split()
			if err != nil {
				return applied, failed, warning, err
			}
			rows = append(rows, split...)
			continue
		}
		applied += g.Count
		if hlc, ok := NewestHLC(g.Clocks); ok {
			see(hlc, "")
		} else if split, err := g.Split(); err == nil {
			for _, r := range split {
				see(strings.SplitN(string(maxClock(r.Clocks)), "@", 2)[0], "")
			}
		}
		if err := touchGroup(tx, g, touched); err != nil {
			return applied, failed, warning, err
		}
	}
	for _, r := range rows {
		reason, err := apply(r.Entity, r.ID, Doc{Fields: r.Fields, Clocks: r.Clocks}, true)
		if err != nil {
			return applied, failed, warning, err
		}
		if reason != "" {
			failed++
			if err := inboxEntry(tx, "pull", Change{Entity: r.Entity, EntityID: r.ID, Op: "insert", Fields: r.Fields}, reason); err != nil {
				return applied, failed, warning, err
			}
			continue
		}
		applied++
		touch(r.Entity, r.Fields)
		see(strings.SplitN(string(maxClock(r.Clocks)), "@", 2)[0], "")
	}
	for _, c := range res.Changes {
		reason, err := apply(c.Entity, c.EntityID, ChangeDoc(c), c.Op == "insert")
		if err != nil {
			return applied, failed, warning, err
		}
		if reason != "" {
			failed++
			if err := inboxEntry(tx, "pull", c, reason); err != nil {
				return applied, failed, warning, err
			}
			continue
		}
		applied++
		touch(c.Entity, c.Fields)
		see(c.HLC, c.Device)
	}
	if err := order.RebuildPaymentTotalsOf(tx, sortedKeys(touched)); err != nil {
		return applied, failed, warning, err
	}
	// The clock is followed even when far ahead: a write made here after
	// these changes must order after them, or it would lose to them
	// everywhere but here. The gap is flagged (and the server flags the
	// device whose clock runs ahead of its own).
	if newest.Wall > 0 {
		if ahead := time.UnixMilli(newest.Wall).Sub(tx.Now); ahead > farAhead {
			who := "another device"
			if newestDevice != "" {
				who = "device " + newestDevice
			}
			warning = fmt.Sprintf("The clock of %s runs %s ahead of this workstation's: check the clocks of both.", who, ahead.Round(time.Second))
		}
		if err := tx.ObserveHLC(newest); err != nil {
			return applied, failed, warning, err
		}
	}
	return applied, failed, warning, tx.SetPullCursor(res.Cursor, !res.Snapshot)
}

// insertNew inserts a row that is new here, or does nothing when its id is
// here already, or, for a document, when this device has clocks or waiting
// changes of it (it deleted it, say); it reports whether it inserted.
func insertNew(tx *store.Tx, t store.TableInfo, fields map[string]json.RawMessage) (bool, error) {
	if t.Kind == "document" {
		var id string
		_ = json.Unmarshal(fields["id"], &id)
		var known bool
		if err := tx.QueryRowContext(tx.Context(), `SELECT EXISTS (SELECT 1 FROM sync_clocks WHERE entity = ?1 AND entity_id = ?2)
			OR EXISTS (SELECT 1 FROM outbox WHERE entity = ?1 AND entity_id = ?2)`, t.Name, id).Scan(&known); err != nil {
			return false, err
		}
		if known {
			return false, nil // clocks or changes of it here (a tombstone, a delete waiting): the full merge decides
		}
	}
	res, err := insertRowResult(tx, t, fields, true)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

func maxClock(m map[string]Clock) Clock {
	var out Clock
	for _, c := range m {
		out = out.Max(c)
	}
	return out
}

// acknowledge records the server's answers to pushed changes in one
// transaction: the clocks of the applied ones (this device's writes need
// them to meet other devices' changes that arrive later), the refused ones
// in the inbox, and the outbox rows dropped up to the last answered seq.
func acknowledge(tx *store.Tx, ts tables, self string, sent []Change, results []Result) error {
	bySeq := map[int64]Result{}
	var last int64
	for _, r := range results {
		bySeq[r.Seq] = r
		last = max(last, r.Seq)
	}
	for _, c := range sent {
		r, ok := bySeq[c.Seq]
		if !ok {
			continue
		}
		if r.Status == StatusRejected {
			if err := inboxEntry(tx, "push", c, r.Reason); err != nil {
				return err
			}
			continue
		}
		if t, ok := ts[c.Entity]; !ok || t.Kind != "document" {
			continue
		}
		if err := recordClock(tx, c); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(tx.Context(), `DELETE FROM outbox WHERE seq <= ?`, last)
	return err
}

// recordClock merges the clock of one of this device's changes into the
// entity's recorded clocks.
func recordClock(tx *store.Tx, c Change) error {
	clock := c.Clock()
	clocks := map[string]Clock{}
	var text string
	err := tx.QueryRowContext(tx.Context(), `SELECT clocks FROM sync_clocks WHERE entity = ? AND entity_id = ?`, c.Entity, c.EntityID).Scan(&text)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if c.Op == "insert" {
			clocks[""] = clock // every field of a new row
		}
	case err != nil:
		return err
	default:
		if err := json.Unmarshal([]byte(text), &clocks); err != nil {
			return fmt.Errorf("clocks of %s %s: %w", c.Entity, c.EntityID, err)
		}
	}
	if c.Op == "delete" {
		clocks["~"] = clocks["~"].Max(clock)
	} else if _, whole := clocks[""]; !whole || clocks[""] != clock {
		for f := range c.Fields {
			cur, ok := clocks[f]
			if !ok {
				cur = clocks[""]
			}
			clocks[f] = cur.Max(clock)
		}
	}
	b, err := json.Marshal(clocks)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(tx.Context(), `INSERT INTO sync_clocks (entity, entity_id, clocks) VALUES (?, ?, ?)
		ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks`, c.Entity, c.EntityID, string(b))
	return err
}
