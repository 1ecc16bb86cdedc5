package sync

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"oms/internal/store"
)

// The generators draw small states so that collisions are frequent: a few
// fields, a few values, clocks from a 3x3 HLC range on 3 devices (and the
// zero clock the server seeds rows with).

var (
	testDevices  = []string{"dev-a", "dev-b", "dev-c"}
	testFields   = []string{"name", "price", "note", "status"}
	testValues   = []string{`"x"`, `"y"`, `1`, `2`, `null`, `"draft"`}
	testStatuses = []string{"draft", "confirmed", "picking", "packed", "cancelled", "shipped", "delivered"}
	testEntities = []string{"products", "orders"}
)

func genClock(t *rapid.T, label string) Clock {
	if rapid.IntRange(0, 9).Draw(t, label+".zero") == 0 {
		return ""
	}
	h := store.HLC{Wall: rapid.Int64Range(1, 3).Draw(t, label+".wall"), Counter: rapid.Int64Range(0, 2).Draw(t, label+".counter")}
	return MakeClock(h.String(), rapid.SampledFrom(testDevices).Draw(t, label+".device"))
}

func genValue(t *rapid.T, entity, field, label string) json.RawMessage {
	if entity == "orders" && field == "status" {
		return mustMarshal(rapid.SampledFrom(testStatuses).Draw(t, label))
	}
	return json.RawMessage(rapid.SampledFrom(testValues).Draw(t, label))
}

func mustMarshal(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// genDoc draws a document of entity: some fields with values, a base
// clock, some fields with clocks of their own, sometimes a tombstone.
func genDoc(t *rapid.T, entity, label string) Doc {
	d := Doc{Fields: map[string]json.RawMessage{}, Clocks: map[string]Clock{"": genClock(t, label+".base")}}
	for _, f := range testFields {
		if !rapid.Bool().Draw(t, label+"."+f+".set") {
			continue
		}
		d.Fields[f] = genValue(t, entity, f, label+"."+f)
		if rapid.Bool().Draw(t, label+"."+f+".own") {
			d.Clocks[f] = genClock(t, label+"."+f+".clock")
		}
	}
	if rapid.IntRange(0, 4).Draw(t, label+".deleted") == 0 {
		d.Deleted = genClock(t, label+".tombstone")
		if d.Deleted == "" {
			d.Deleted = MakeClock(store.HLC{Wall: 1}.String(), testDevices[0])
		}
	}
	return d
}

func drawEntity(t *rapid.T) string { return rapid.SampledFrom(testEntities).Draw(t, "entity") }

// show renders a state for failure messages, fields in order.
func show(d Doc) string {
	n := d.Normal()
	var parts []string
	for _, f := range sortedKeys(n.Fields) {
		parts = append(parts, fmt.Sprintf("%s=%s@{%s}", f, n.Fields[f], n.Clocks[f]))
	}
	s := "{" + strings.Join(parts, " ") + "}"
	if d.Deleted != "" {
		s += " deleted@{" + string(d.Deleted) + "}"
	}
	return s
}

func join(entity string, a, b Doc) Doc {
	d, _ := Join(entity, a, b)
	return d
}

func TestJoin_Commutative(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := drawEntity(t)
		a, b := genDoc(t, e, "a"), genDoc(t, e, "b")
		ab, effAB := Join(e, a, b)
		ba, effBA := Join(e, b, a)
		if !ab.Equal(ba) {
			t.Fatalf("%s: Join(a, b) = %s but Join(b, a) = %s\na = %s\nb = %s", e, show(ab), show(ba), show(a), show(b))
		}
		if effAB.Conflict != effBA.Conflict {
			t.Fatalf("%s: conflict %q one way, %q the other\na = %s\nb = %s", e, effAB.Conflict, effBA.Conflict, show(a), show(b))
		}
	})
}

func TestJoin_Associative(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := drawEntity(t)
		a, b, c := genDoc(t, e, "a"), genDoc(t, e, "b"), genDoc(t, e, "c")
		left := join(e, join(e, a, b), c)
		right := join(e, a, join(e, b, c))
		if !left.Equal(right) {
			t.Fatalf("%s: (a+b)+c = %s but a+(b+c) = %s\na = %s\nb = %s\nc = %s", e, show(left), show(right), show(a), show(b), show(c))
		}
	})
}

func TestJoin_Idempotent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := drawEntity(t)
		a, b := genDoc(t, e, "a"), genDoc(t, e, "b")
		aa, eff := Join(e, a, a)
		if !aa.Equal(a) {
			t.Fatalf("%s: Join(a, a) = %s, want a = %s", e, show(aa), show(a))
		}
		if eff.Changed() || eff.Conflict != "" {
			t.Fatalf("%s: Join(a, a) reports an effect %+v\na = %s", e, eff, show(a))
		}
		ab := join(e, a, b)
		abb, eff := Join(e, ab, b)
		if !abb.Equal(ab) {
			t.Fatalf("%s: Join(Join(a, b), b) = %s, want Join(a, b) = %s\na = %s\nb = %s", e, show(abb), show(ab), show(a), show(b))
		}
		if eff.Changed() {
			t.Fatalf("%s: joining b again changed %+v\na = %s\nb = %s", e, eff, show(a), show(b))
		}
		if aba := join(e, ab, a); !aba.Equal(ab) {
			t.Fatalf("%s: Join(Join(a, b), a) = %s, want Join(a, b) = %s", e, show(aba), show(ab))
		}
	})
}

func TestJoin_TombstoneAbsorbs(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := drawEntity(t)
		a, b, c := genDoc(t, e, "a"), genDoc(t, e, "b"), genDoc(t, e, "c")
		ab, eff := Join(e, a, b)
		wantDeleted := a.Deleted.Max(b.Deleted)
		if ab.Deleted != wantDeleted {
			t.Fatalf("%s: Join(a, b) deleted at %q, want %q\na = %s\nb = %s", e, ab.Deleted, wantDeleted, show(a), show(b))
		}
		if eff.Deleted != (a.Deleted == "" && b.Deleted != "") {
			t.Fatalf("%s: Effect.Deleted = %v joining b into a\na = %s\nb = %s", e, eff.Deleted, show(a), show(b))
		}
		// Whatever edits come later, a deleted document stays deleted.
		if ab.Deleted != "" {
			if abc := join(e, ab, c); abc.Deleted == "" {
				t.Fatalf("%s: a tombstone was lost joining c\nab = %s\nc = %s", e, show(ab), show(c))
			}
			if cab := join(e, c, ab); cab.Deleted == "" {
				t.Fatalf("%s: a tombstone was lost joining into c\nab = %s\nc = %s", e, show(ab), show(c))
			}
		}
	})
}

func TestJoin_StatusNeverGoesBack(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := genDoc(t, "orders", "a"), genDoc(t, "orders", "b")
		ab := join("orders", a, b)
		got := statusRank(ab.Fields["status"])
		for name, d := range map[string]Doc{"a": a, "b": b} {
			if v, ok := d.Fields["status"]; ok && statusRank(v) > got {
				t.Fatalf("the merged status %s is behind %s's %s\na = %s\nb = %s", ab.Fields["status"], name, v, show(a), show(b))
			}
		}
	})
}

func TestJoin_ConflictExactlyWhenCancelMeetsShipment(t *testing.T) {
	shippedOrLater := func(s string) bool { return s == "shipped" || s == "delivered" }
	rapid.Check(t, func(t *rapid.T) {
		e := drawEntity(t)
		a, b := genDoc(t, e, "a"), genDoc(t, e, "b")
		_, eff := Join(e, a, b)
		var sa, sb string
		_, aok := a.Fields["status"]
		_, bok := b.Fields["status"]
		_ = json.Unmarshal(a.Fields["status"], &sa)
		_ = json.Unmarshal(b.Fields["status"], &sb)
		want := e == "orders" && aok && bok &&
			((sa == "cancelled" && shippedOrLater(sb)) || (sb == "cancelled" && shippedOrLater(sa)))
		if got := eff.Conflict == ConflictCancelShip; got != want {
			t.Fatalf("%s: status %q meets %q: conflict %q, want reported = %v", e, sa, sb, eff.Conflict, want)
		}
		if eff.Conflict != "" && eff.Conflict != ConflictCancelShip {
			t.Fatalf("unknown conflict %q", eff.Conflict)
		}
	})
}

// TestJoin_EffectIsTheDifference: Effect.Fields holds exactly the fields
// whose value or clock the join set or changed, with the new value (a newer
// clock on the same value must reach the other replicas too).
func TestJoin_EffectIsTheDifference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := drawEntity(t)
		a, b := genDoc(t, e, "a"), genDoc(t, e, "b")
		ab, eff := Join(e, a, b)
		want := map[string]string{}
		for f, v := range ab.Fields {
			if old, ok := a.Fields[f]; !ok || string(old) != string(v) || ab.ClockOf(f) != a.ClockOf(f) {
				want[f] = string(v)
			}
		}
		got := map[string]string{}
		for f, v := range eff.Fields {
			got[f] = string(v)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: effect %v, want %v\na = %s\nb = %s", e, got, want, show(a), show(b))
		}
	})
}

func clk(wall, counter int64, device string) Clock {
	return MakeClock(store.HLC{Wall: wall, Counter: counter}.String(), device)
}

func TestClock_Compare(t *testing.T) {
	tests := []struct {
		name string
		a, b Clock
		want int
	}{
		{"BothZero", "", "", 0},
		{"ZeroIsOlder", "", clk(0, 0, "dev-a"), -1},
		{"ZeroIsOlderThanAny", "", clk(1, 0, "dev-a"), -1},
		{"AnyIsNewerThanZero", clk(1, 0, "dev-a"), "", 1},
		{"Same", clk(5, 2, "dev-a"), clk(5, 2, "dev-a"), 0},
		{"WallFirst", clk(6, 0, "dev-a"), clk(5, 9, "dev-z"), 1},
		{"WallOlder", clk(5, 9, "dev-z"), clk(6, 0, "dev-a"), -1},
		{"WallBeyondTextWidth", clk(10_000_000_000_000, 0, "dev-a"), clk(9_999_999_999_999, 0, "dev-a"), 1},
		{"CounterSecond", clk(5, 2, "dev-a"), clk(5, 1, "dev-z"), 1},
		{"CounterOlder", clk(5, 1, "dev-z"), clk(5, 2, "dev-a"), -1},
		{"CounterNumeric", clk(5, 10, "dev-a"), clk(5, 9, "dev-a"), 1},
		{"DeviceBreaksTie", clk(5, 2, "dev-b"), clk(5, 2, "dev-a"), 1},
		{"DeviceBreaksTieOlder", clk(5, 2, "dev-a"), clk(5, 2, "dev-b"), -1},
		{"UnpaddedHLC", MakeClock("5-2", "dev-a"), clk(5, 1, "dev-a"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Compare(tt.b); got != tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := tt.b.Compare(tt.a); got != -tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d (the reverse)", tt.b, tt.a, got, -tt.want)
			}
			wantMax := tt.a
			if tt.want < 0 {
				wantMax = tt.b
			}
			if got := tt.a.Max(tt.b); got != wantMax {
				t.Errorf("Max(%q, %q) = %q, want %q", tt.a, tt.b, got, wantMax)
			}
		})
	}
}

func raw(kv ...string) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = json.RawMessage(kv[i+1])
	}
	return m
}

func doc(c Clock, kv ...string) Doc {
	return Doc{Fields: raw(kv...), Clocks: map[string]Clock{"": c}}
}

func TestJoin_Effect(t *testing.T) {
	old, mid, new := clk(1, 0, "dev-a"), clk(2, 0, "dev-a"), clk(3, 0, "dev-b")
	tests := []struct {
		name        string
		entity      string
		cur, in     Doc
		wantFields  map[string]json.RawMessage
		wantDeleted bool
		wantDoc     Doc
		conflict    string
	}{
		{name: "NewDocument", entity: "products", cur: Doc{}, in: doc(mid, "name", `"Bolt"`, "price", `10`),
			wantFields: raw("name", `"Bolt"`, "price", `10`), wantDoc: doc(mid, "name", `"Bolt"`, "price", `10`)},
		{name: "NewerFieldWins", entity: "products", cur: doc(mid, "name", `"Bolt"`, "price", `10`), in: doc(new, "price", `12`),
			wantFields: raw("price", `12`),
			wantDoc:    Doc{Fields: raw("name", `"Bolt"`, "price", `12`), Clocks: map[string]Clock{"name": mid, "price": new}}},
		{name: "OlderFieldLoses", entity: "products", cur: doc(mid, "name", `"Bolt"`, "price", `10`), in: doc(old, "price", `12`),
			wantFields: raw(), wantDoc: doc(mid, "name", `"Bolt"`, "price", `10`)},
		{name: "SameValueNewerClock", entity: "products", cur: doc(mid, "price", `10`), in: doc(new, "price", `10`),
			wantFields: raw("price", `10`), wantDoc: doc(new, "price", `10`)},
		{name: "NewFieldOlderClock", entity: "products", cur: doc(mid, "price", `10`), in: doc(old, "note", `"n"`),
			wantFields: raw("note", `"n"`),
			wantDoc:    Doc{Fields: raw("price", `10`, "note", `"n"`), Clocks: map[string]Clock{"price": mid, "note": old}}},
		{name: "Delete", entity: "products", cur: doc(mid, "price", `10`), in: Doc{Deleted: old},
			wantFields: raw(), wantDeleted: true, wantDoc: Doc{Fields: raw("price", `10`), Clocks: map[string]Clock{"": mid}, Deleted: old}},
		{name: "EditAfterDelete", entity: "products", cur: Doc{Fields: raw("price", `10`), Clocks: map[string]Clock{"": old}, Deleted: mid}, in: doc(new, "price", `11`),
			wantFields: raw("price", `11`), wantDoc: Doc{Fields: raw("price", `11`), Clocks: map[string]Clock{"": new}, Deleted: mid}},
		{name: "DeleteAgain", entity: "products", cur: Doc{Deleted: mid}, in: Doc{Deleted: new},
			wantFields: raw(), wantDoc: Doc{Deleted: new}},
		{name: "StatusFurthestWinsOverClock", entity: "orders", cur: doc(new, "status", `"packed"`), in: doc(old, "status", `"shipped"`),
			wantFields: raw("status", `"shipped"`), wantDoc: doc(old, "status", `"shipped"`)},
		{name: "StatusCancelWinsBeforeShipping", entity: "orders", cur: doc(new, "status", `"packed"`), in: doc(old, "status", `"cancelled"`),
			wantFields: raw("status", `"cancelled"`), wantDoc: doc(old, "status", `"cancelled"`)},
		{name: "StatusCancelMeetsShipment", entity: "orders", cur: doc(old, "status", `"shipped"`), in: doc(new, "status", `"cancelled"`),
			wantFields: raw(), wantDoc: doc(old, "status", `"shipped"`), conflict: ConflictCancelShip},
		{name: "StatusCancelMeetsDelivery", entity: "orders", cur: doc(new, "status", `"cancelled"`), in: doc(old, "status", `"delivered"`),
			wantFields: raw("status", `"delivered"`), wantDoc: doc(old, "status", `"delivered"`), conflict: ConflictCancelShip},
		{name: "StatusOnlyForOrders", entity: "products", cur: doc(new, "status", `"packed"`), in: doc(old, "status", `"shipped"`),
			wantFields: raw(), wantDoc: doc(new, "status", `"packed"`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, eff := Join(tt.entity, tt.cur, tt.in)
			if !got.Equal(tt.wantDoc) {
				t.Errorf("merged %s, want %s", show(got), show(tt.wantDoc))
			}
			if fmt.Sprint(stringsOf(eff.Fields)) != fmt.Sprint(stringsOf(tt.wantFields)) {
				t.Errorf("Effect.Fields = %v, want %v", stringsOf(eff.Fields), stringsOf(tt.wantFields))
			}
			if eff.Deleted != tt.wantDeleted {
				t.Errorf("Effect.Deleted = %v, want %v", eff.Deleted, tt.wantDeleted)
			}
			if eff.Changed() != (len(tt.wantFields) > 0 || tt.wantDeleted) {
				t.Errorf("Effect.Changed() = %v", eff.Changed())
			}
			if eff.Conflict != tt.conflict {
				t.Errorf("Effect.Conflict = %q, want %q", eff.Conflict, tt.conflict)
			}
		})
	}
}

func stringsOf(m map[string]json.RawMessage) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+string(v))
	}
	sort.Strings(out)
	return out
}

func TestChangeDoc(t *testing.T) {
	c := Change{Device: "dev-a", HLC: store.HLC{Wall: 7}.String(), Op: "update", Fields: raw("price", `3`)}
	if d := ChangeDoc(c); !d.Equal(doc(clk(7, 0, "dev-a"), "price", `3`)) || d.Deleted != "" {
		t.Errorf("update: %s", show(d))
	}
	c.Op = "delete"
	if d := ChangeDoc(c); len(d.Fields) != 0 || d.Deleted != clk(7, 0, "dev-a") {
		t.Errorf("delete: %s", show(d))
	}
}
