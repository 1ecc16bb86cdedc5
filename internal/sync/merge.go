package sync

import (
	"bytes"
	"encoding/json"
	"sort"
)

// The merge rules, one implementation for client and server (DESIGN.md):
//   - a document is a map of fields, each with the clock of the write that
//     set it; joining two states keeps, field by field, the value with the
//     newer clock (last writer wins per field);
//   - a delete is a tombstone with its clock; once a document is deleted it
//     stays deleted, whatever edits it meets (the tombstone wins);
//   - an order's status is a monotone state machine: the furthest stage
//     wins whatever the clocks, a cancel wins over every stage before
//     shipping, and a cancel that meets a shipment leaves the order shipped
//     and is reported as a conflict for a person to settle;
//   - a ledger row is written once: the union by id (the row first seen
//     stays; ledger rows never change, so every copy is the same).
// Join is commutative, associative and idempotent; the property tests in
// merge_test.go prove it on random states.

// Doc is a document's merged state. Clocks[""] is the clock of every field
// not named in Clocks, so a row written at once needs one clock.
type Doc struct {
	Fields  map[string]json.RawMessage `json:"fields"`
	Clocks  map[string]Clock           `json:"clocks"`
	Deleted Clock                      `json:"deleted,omitempty"`
}

// ClockOf returns the clock of field f.
func (d Doc) ClockOf(f string) Clock {
	if c, ok := d.Clocks[f]; ok {
		return c
	}
	return d.Clocks[""]
}

// ChangeDoc is the state a single change stands for.
func ChangeDoc(c Change) Doc {
	d := Doc{Fields: c.Fields, Clocks: map[string]Clock{"": c.Clock()}}
	if c.Op == "delete" {
		d.Fields = nil
		d.Deleted = c.Clock()
	}
	return d
}

// Conflict kinds Join reports.
const ConflictCancelShip = "cancel_ship"

// Effect is what joining a state into a current one changed.
type Effect struct {
	// Fields holds the fields whose value or clock changed (or that were
	// first set), with the new value.
	Fields map[string]json.RawMessage
	// Deleted is true when the join deleted a document that was not deleted.
	Deleted bool
	// Conflict is ConflictCancelShip when an order's cancel met its shipment.
	Conflict string
}

// Changed reports whether the join changed anything.
func (e Effect) Changed() bool { return len(e.Fields) > 0 || e.Deleted }

// Join merges state in into the current state cur of a document of entity,
// and returns the merged state with its effect on cur.
func Join(entity string, cur, in Doc) (Doc, Effect) {
	out := Doc{Fields: map[string]json.RawMessage{}, Deleted: cur.Deleted.Max(in.Deleted)}
	clocks := map[string]Clock{}
	eff := Effect{Fields: map[string]json.RawMessage{}, Deleted: cur.Deleted == "" && out.Deleted != ""}
	names := map[string]bool{}
	for f := range cur.Fields {
		names[f] = true
	}
	for f := range in.Fields {
		names[f] = true
	}
	for f := range names {
		cv, cok := cur.Fields[f]
		iv, iok := in.Fields[f]
		var v json.RawMessage
		var c Clock
		switch {
		case !iok:
			v, c = cv, cur.ClockOf(f)
		case !cok:
			v, c = iv, in.ClockOf(f)
		default:
			cc, ic := cur.ClockOf(f), in.ClockOf(f)
			if newer(entity, f, iv, ic, cv, cc) {
				v, c = iv, ic
			} else {
				v, c = cv, cc
			}
			if entity == "orders" && f == "status" && cancelMeetsShipment(cv, iv) {
				eff.Conflict = ConflictCancelShip
			}
		}
		out.Fields[f] = v
		clocks[f] = c
		// A newer clock on the same value is news too: replicas that do not
		// learn it would let an older write in between win there.
		if !cok || !bytes.Equal(cv, v) || c != cur.ClockOf(f) {
			eff.Fields[f] = v
		}
	}
	out.Clocks = compact(clocks)
	return out, eff
}

// newer reports whether value a with clock ac wins over b with clock bc.
func newer(entity, field string, a json.RawMessage, ac Clock, b json.RawMessage, bc Clock) bool {
	if entity == "orders" && field == "status" {
		ra, rb := statusRank(a), statusRank(b)
		if ra != rb {
			return ra > rb
		}
	}
	if c := ac.Compare(bc); c != 0 {
		return c > 0
	}
	// The same clock means the same write; differing bytes can only be a
	// forged or corrupt copy: order them anyway, so every replica agrees.
	return bytes.Compare(a, b) > 0
}

// statusRank orders an order's statuses for the monotone merge: cancelled
// sits after every stage before shipping (a cancel wins over them) and
// before shipped (goods that left cannot be cancelled back).
func statusRank(v json.RawMessage) int {
	var s string
	_ = json.Unmarshal(v, &s)
	switch s {
	case "draft":
		return 1
	case "confirmed":
		return 2
	case "picking":
		return 3
	case "packed":
		return 4
	case "cancelled":
		return 5
	case "shipped":
		return 6
	case "delivered":
		return 7
	}
	return 0
}

func cancelMeetsShipment(a, b json.RawMessage) bool {
	ra, rb := statusRank(a), statusRank(b)
	return (ra == 5 && rb >= 6) || (rb == 5 && ra >= 6)
}

// compact stores the most common clock once, as "".
func compact(clocks map[string]Clock) map[string]Clock {
	count := map[Clock]int{}
	for _, c := range clocks {
		count[c]++
	}
	var base Clock
	best := -1
	for c, n := range count {
		if n > best || (n == best && c > base) {
			base, best = c, n
		}
	}
	out := map[string]Clock{"": base}
	for f, c := range clocks {
		if c != base {
			out[f] = c
		}
	}
	return out
}

// Normal returns d with every field's clock named, for comparing states.
func (d Doc) Normal() Doc {
	out := Doc{Fields: map[string]json.RawMessage{}, Clocks: map[string]Clock{}, Deleted: d.Deleted}
	for f, v := range d.Fields {
		out.Fields[f] = v
		out.Clocks[f] = d.ClockOf(f)
	}
	return out
}

// Equal reports whether two states are the same.
func (d Doc) Equal(o Doc) bool {
	a, b := d.Normal(), o.Normal()
	if a.Deleted != b.Deleted || len(a.Fields) != len(b.Fields) {
		return false
	}
	for f, v := range a.Fields {
		w, ok := b.Fields[f]
		if !ok || !bytes.Equal(v, w) || a.Clocks[f] != b.Clocks[f] {
			return false
		}
	}
	return true
}

// MaxClock returns the newest clock in d.
func (d Doc) MaxClock() Clock {
	m := d.Deleted
	for _, c := range d.Clocks {
		m = m.Max(c)
	}
	return m
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
