package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"oms/internal/store"
	omsync "oms/internal/sync"
)

// device is a device enrolled directly on a hub, whose changes the tests
// write by hand.
type device struct {
	Device
	cred string
	seq  int64
}

func (h *hub) device(name string) *device {
	h.t.Helper()
	ctx := context.Background()
	tok, err := h.db.CreateToken(ctx, name, time.Now())
	if err != nil {
		h.t.Fatal(err)
	}
	res, err := h.db.Enrol(ctx, omsync.EnrolRequest{Token: tok, DeviceID: store.NewID(), DeviceName: name}, time.Now())
	if err != nil {
		h.t.Fatal(err)
	}
	cred := res.DeviceID + "." + res.Credential
	dev, err := h.db.Authenticate(ctx, cred)
	if err != nil {
		h.t.Fatal(err)
	}
	return &device{Device: dev, cred: cred}
}

// change returns the device's next change.
func (d *device) change(entity, id, op string, fields map[string]any) omsync.Change {
	d.seq++
	raw := map[string]json.RawMessage{}
	for k, v := range fields {
		raw[k] = mustJSON(v)
	}
	return omsync.Change{ID: store.NewID(), Device: d.ID, Seq: d.seq, Entity: entity, EntityID: id, Op: op, Fields: raw,
		HLC: store.HLC{Wall: time.Now().UnixMilli(), Counter: d.seq}.String(), SchemaVersion: store.SchemaVersion(),
		CreatedAt: store.FormatTime(time.Now())}
}

func product(id, sku string) map[string]any {
	now := store.FormatTime(time.Now())
	return map[string]any{"id": id, "sku": sku, "name": "Product " + sku, "price": 100, "created_at": now, "updated_at": now}
}

func (h *hub) push(d *device, changes ...omsync.Change) omsync.PushResponse {
	h.t.Helper()
	res, err := h.srv.Push(context.Background(), d.Device, omsync.PushRequest{Device: d.ID, Changes: changes})
	if err != nil {
		h.t.Fatalf("push: %v", err)
	}
	return res
}

func (h *hub) count(q string, args ...any) int {
	h.t.Helper()
	var n int
	if err := h.db.sql.QueryRow(h.db.q(q), args...).Scan(&n); err != nil {
		h.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// call sends a request to the hub's handler with the current versions
// unless headers overrides them ("" removes a header).
func (h *hub) call(method, path, cred string, headers map[string]string, body any) (int, omsync.ErrorResponse, []byte) {
	h.t.Helper()
	var rd *bytes.Reader
	if body != nil {
		rd = bytes.NewReader(mustJSON(body))
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, h.url+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set(omsync.HeaderProtocol, strconv.Itoa(omsync.ProtocolVersion))
	req.Header.Set(omsync.HeaderSchema, strconv.Itoa(store.SchemaVersion()))
	if cred != "" {
		req.Header.Set("Authorization", "Bearer "+cred)
	}
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	var er omsync.ErrorResponse
	_ = json.Unmarshal(buf.Bytes(), &er)
	return resp.StatusCode, er, buf.Bytes()
}

// TestPush_Refusals: every refusal of a whole request, through the handler.
func TestPush_Refusals(t *testing.T) {
	ctx := context.Background()
	type req struct {
		method, path, cred string
		headers            map[string]string
		body               any
	}
	pushOf := func(d *device, cs ...omsync.Change) req {
		return req{method: "POST", path: omsync.PathPush, cred: d.cred, body: omsync.PushRequest{Device: d.ID, Changes: cs}}
	}
	tests := []struct {
		name       string
		prepare    func(t *testing.T, h *hub) req
		wantStatus int
		wantCode   string
		check      func(t *testing.T, h *hub, er omsync.ErrorResponse)
	}{
		{name: "NoCredential", wantStatus: 401, wantCode: omsync.CodeUnauthorized, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			r := pushOf(d, d.change("products", store.NewID(), "insert", nil))
			r.cred = ""
			return r
		}},
		{name: "MalformedCredential", wantStatus: 401, wantCode: omsync.CodeUnauthorized, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			r := pushOf(d)
			r.cred = "not-a-credential"
			return r
		}},
		{name: "WrongSecret", wantStatus: 401, wantCode: omsync.CodeUnauthorized, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			r := pushOf(d)
			r.cred = d.ID + ".wrong"
			return r
		}},
		{name: "UnknownDevice", wantStatus: 401, wantCode: omsync.CodeUnauthorized, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			r := pushOf(d)
			_, secret, _ := strings.Cut(d.cred, ".")
			r.cred = store.NewID() + "." + secret
			return r
		}},
		{name: "RevokedDevice", wantStatus: 403, wantCode: omsync.CodeRevoked, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			if _, err := h.db.Revoke(ctx, d.StationCode, time.Now()); err != nil {
				t.Fatal(err)
			}
			return pushOf(d, d.change("products", store.NewID(), "insert", product(store.NewID(), "X")))
		}},
		{name: "RevokedDevicePull", wantStatus: 403, wantCode: omsync.CodeRevoked, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			if _, err := h.db.Revoke(ctx, d.ID, time.Now()); err != nil {
				t.Fatal(err)
			}
			return req{method: "GET", path: omsync.PathPull + "?cursor=", cred: d.cred}
		}},
		{name: "ChangeOfAnotherDevice", wantStatus: 403, wantCode: omsync.CodeForbidden, prepare: func(t *testing.T, h *hub) req {
			a, b := h.device("A"), h.device("B")
			id := store.NewID()
			return pushOf(a, b.change("products", id, "insert", product(id, "X")))
		}},
		{name: "PushNamingAnotherDevice", wantStatus: 403, wantCode: omsync.CodeForbidden, prepare: func(t *testing.T, h *hub) req {
			a, b := h.device("A"), h.device("B")
			id := store.NewID()
			r := pushOf(b, b.change("products", id, "insert", product(id, "X")))
			r.cred = a.cred
			return r
		}},
		{name: "Gap", wantStatus: 409, wantCode: omsync.CodeGap, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			id := store.NewID()
			h.push(d, d.change("products", id, "insert", product(id, "X")))
			d.seq++ // change 2 is lost
			return pushOf(d, d.change("products", id, "update", map[string]any{"name": "Y"}))
		}, check: func(t *testing.T, h *hub, er omsync.ErrorResponse) {
			if er.Expected != 2 {
				t.Errorf("Expected = %d, want 2", er.Expected)
			}
		}},
		{name: "NotConsecutive", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			id := store.NewID()
			c1 := d.change("products", id, "insert", product(id, "X"))
			d.seq++
			return pushOf(d, c1, d.change("products", id, "update", map[string]any{"name": "Y"}))
		}},
		{name: "Copy", wantStatus: 409, wantCode: omsync.CodeCopy, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			id := store.NewID()
			h.push(d, d.change("products", id, "insert", product(id, "X")))
			d.seq = 0 // a copy of the database before the push writes its own change 1
			return pushOf(d, d.change("products", id, "update", map[string]any{"name": "Y"}))
		}},
		{name: "SeqZero", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			d.seq = -1
			id := store.NewID()
			return pushOf(d, d.change("products", id, "insert", product(id, "X")))
		}},
		{name: "SeqNegative", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			d.seq = -5
			id := store.NewID()
			return pushOf(d, d.change("products", id, "insert", product(id, "X")))
		}},
		{name: "NoProtocolHeader", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderProtocol: ""}
			return r
		}},
		{name: "NoSchemaHeader", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderSchema: ""}
			return r
		}},
		{name: "ProtocolNotANumber", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderProtocol: "one"}
			return r
		}},
		{name: "ProtocolTooNew", wantStatus: 426, wantCode: omsync.CodeUpgrade, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderProtocol: strconv.Itoa(omsync.ProtocolVersion + 1)}
			return r
		}},
		{name: "ProtocolTooOld", wantStatus: 426, wantCode: omsync.CodeUpgrade, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderProtocol: strconv.Itoa(omsync.ProtocolVersion - 1)}
			return r
		}},
		{name: "SchemaTooOld", wantStatus: 426, wantCode: omsync.CodeUpgrade, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderSchema: strconv.Itoa(omsync.MinSchema - 1)}
			return r
		}, check: func(t *testing.T, h *hub, er omsync.ErrorResponse) {
			if er.SchemaMin != omsync.MinSchema || er.SchemaMax != store.SchemaVersion() {
				t.Errorf("range %d..%d, want %d..%d", er.SchemaMin, er.SchemaMax, omsync.MinSchema, store.SchemaVersion())
			}
		}},
		{name: "SchemaTooNew", wantStatus: 426, wantCode: omsync.CodeUpgrade, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.headers = map[string]string{omsync.HeaderSchema: strconv.Itoa(store.SchemaVersion() + 1)}
			return r
		}},
		{name: "EnrolSchemaTooNew", wantStatus: 426, wantCode: omsync.CodeUpgrade, prepare: func(t *testing.T, h *hub) req {
			tok, err := h.db.CreateToken(ctx, "A", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			return req{method: "POST", path: omsync.PathEnrol, headers: map[string]string{omsync.HeaderSchema: strconv.Itoa(store.SchemaVersion() + 1)},
				body: omsync.EnrolRequest{Token: tok, DeviceID: store.NewID()}}
		}, check: func(t *testing.T, h *hub, er omsync.ErrorResponse) {
			if n := h.count(`SELECT count(*) FROM srv_devices`); n != 0 {
				t.Errorf("%d devices enrolled by a refused request", n)
			}
		}},
		{name: "TokenUnknown", wantStatus: 401, wantCode: omsync.CodeToken, prepare: func(t *testing.T, h *hub) req {
			return req{method: "POST", path: omsync.PathEnrol, body: omsync.EnrolRequest{Token: "omst_nope", DeviceID: store.NewID()}}
		}},
		{name: "TokenUsedTwice", wantStatus: 401, wantCode: omsync.CodeToken, prepare: func(t *testing.T, h *hub) req {
			tok, err := h.db.CreateToken(ctx, "A", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if status, er, _ := h.call("POST", omsync.PathEnrol, "", nil, omsync.EnrolRequest{Token: tok, DeviceID: store.NewID()}); status != 200 {
				t.Fatalf("first enrolment: %d %+v", status, er)
			}
			return req{method: "POST", path: omsync.PathEnrol, body: omsync.EnrolRequest{Token: tok, DeviceID: store.NewID()}}
		}, check: func(t *testing.T, h *hub, er omsync.ErrorResponse) {
			if n := h.count(`SELECT count(*) FROM srv_devices`); n != 1 {
				t.Errorf("%d devices enrolled with one token, want 1", n)
			}
		}},
		{name: "TokenExpired", wantStatus: 401, wantCode: omsync.CodeToken, prepare: func(t *testing.T, h *hub) req {
			tok, err := h.db.CreateToken(ctx, "A", time.Now().Add(-TokenLifetime-time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			return req{method: "POST", path: omsync.PathEnrol, body: omsync.EnrolRequest{Token: tok, DeviceID: store.NewID()}}
		}},
		{name: "EnrolSameDeviceTwice", wantStatus: 409, wantCode: omsync.CodeCopy, prepare: func(t *testing.T, h *hub) req {
			d := h.device("A")
			tok, err := h.db.CreateToken(ctx, "A again", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			return req{method: "POST", path: omsync.PathEnrol, body: omsync.EnrolRequest{Token: tok, DeviceID: d.ID}}
		}},
		{name: "BodyNotJSON", wantStatus: 400, wantCode: omsync.CodeBadRequest, prepare: func(t *testing.T, h *hub) req {
			r := pushOf(h.device("A"))
			r.body = "not a push"
			return r
		}},
	}
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					h := newHub(t, backend.url(t))
					r := tt.prepare(t, h)
					logBefore := h.count(`SELECT count(*) FROM srv_log`)
					status, er, body := h.call(r.method, r.path, r.cred, r.headers, r.body)
					if status != tt.wantStatus || er.Code != tt.wantCode {
						t.Fatalf("got %d %q, want %d %q; body %s", status, er.Code, tt.wantStatus, tt.wantCode, body)
					}
					if er.Error == "" {
						t.Errorf("the refusal has no message: %s", body)
					}
					if n := h.count(`SELECT count(*) FROM srv_log`); n != logBefore {
						t.Errorf("a refused request logged %d changes", n-logBefore)
					}
					if tt.check != nil {
						tt.check(t, h, er)
					}
				})
			}
		})
	}
}

// TestPush_Rejections: changes the server consumes without effect, with a
// reason, while the push goes on.
func TestPush_Rejections(t *testing.T) {
	tests := []struct {
		name string
		// bad returns the change to reject; it may push others first.
		bad  func(h *hub, d *device) omsync.Change
		want string // in the reason
	}{
		{"UnknownEntity", func(h *hub, d *device) omsync.Change {
			return d.change("widgets", store.NewID(), "insert", map[string]any{"name": "x"})
		}, "not a table that syncs"},
		{"LocalTable", func(h *hub, d *device) omsync.Change {
			return d.change("login_failures", store.NewID(), "insert", map[string]any{"failures": 1, "updated_at": "x"})
		}, "not a table that syncs"},
		{"UnknownColumn", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["colour"] = "red"
			return d.change("products", id, "insert", f)
		}, `no column "colour"`},
		{"LedgerUpdate", func(h *hub, d *device) omsync.Change {
			return d.change("stock_movements", store.NewID(), "update", map[string]any{"quantity": 5})
		}, "is a ledger"},
		{"LedgerDelete", func(h *hub, d *device) omsync.Change {
			return d.change("order_events", store.NewID(), "delete", nil)
		}, "is a ledger"},
		{"ObjectValue", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["name"] = map[string]any{"en": "Bolt"}
			return d.change("products", id, "insert", f)
		}, "only text, numbers and null"},
		{"ArrayValue", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["name"] = []string{"Bolt"}
			return d.change("products", id, "insert", f)
		}, "only text, numbers and null"},
		{"BoolValue", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["active"] = true
			return d.change("products", id, "insert", f)
		}, "only text, numbers and null"},
		{"TextForInteger", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["price"] = "ten"
			return d.change("products", id, "insert", f)
		}, "a number is expected"},
		{"FractionForInteger", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["price"] = 10.5
			return d.change("products", id, "insert", f)
		}, "a whole number is expected"},
		{"NullForNotNull", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			f["name"] = nil
			return d.change("products", id, "insert", f)
		}, "cannot be null"},
		{"InsertMissingRequired", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			f := product(id, "X")
			delete(f, "sku")
			return d.change("products", id, "insert", f)
		}, "needs sku"},
		{"LedgerMissingRequired", func(h *hub, d *device) omsync.Change {
			return d.change("order_events", store.NewID(), "insert", map[string]any{})
		}, "needs"},
		{"UpdateOfUnknownRow", func(h *hub, d *device) omsync.Change {
			return d.change("products", store.NewID(), "update", map[string]any{"name": "Y"})
		}, "has no products"},
		{"DeleteOfUnknownRow", func(h *hub, d *device) omsync.Change {
			return d.change("products", store.NewID(), "delete", nil)
		}, "has no products"},
		{"IDFieldNotTheRow", func(h *hub, d *device) omsync.Change {
			return d.change("products", store.NewID(), "insert", product(store.NewID(), "X"))
		}, "id field is not its row's id"},
		{"InvalidRowID", func(h *hub, d *device) omsync.Change {
			return d.change("products", "", "insert", product("", "X"))
		}, "not a valid row id"},
		{"InvalidOp", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			return d.change("products", id, "upsert", product(id, "X"))
		}, "is not an operation"},
		{"InvalidClock", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			c := d.change("products", id, "insert", product(id, "X"))
			c.HLC = "yesterday"
			return c
		}, "clock is not valid"},
		{"SchemaTooOld", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			c := d.change("products", id, "insert", product(id, "X"))
			c.SchemaVersion = omsync.MinSchema - 1
			return c
		}, "schema version"},
		{"SchemaTooNew", func(h *hub, d *device) omsync.Change {
			id := store.NewID()
			c := d.change("products", id, "insert", product(id, "X"))
			c.SchemaVersion = store.SchemaVersion() + 1
			return c
		}, "schema version"},
		{"DuplicateSKUOtherCase", func(h *hub, d *device) omsync.Change {
			other := h.device("B")
			id := store.NewID()
			if res := h.push(other, other.change("products", id, "insert", product(id, "BOLT-1"))); res.Results[0].Status != omsync.StatusApplied {
				h.t.Fatalf("B's product: %+v", res.Results[0])
			}
			id = store.NewID()
			return d.change("products", id, "insert", product(id, "bolt-1"))
		}, "already has a products row with sku"},
		{"DuplicateSKUByUpdate", func(h *hub, d *device) omsync.Change {
			a, b := store.NewID(), store.NewID()
			res := h.push(d, d.change("products", a, "insert", product(a, "NUT")), d.change("products", b, "insert", product(b, "WASHER")))
			for _, r := range res.Results {
				if r.Status != omsync.StatusApplied {
					h.t.Fatalf("setup: %+v", r)
				}
			}
			return d.change("products", b, "update", map[string]any{"sku": "Nut"})
		}, "already has a products row with sku"},
	}
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					h := newHub(t, backend.url(t))
					d := h.device("A")
					bad := tt.bad(h, d) // may push other changes first
					before := h.count(`SELECT count(*) FROM srv_log`)
					entities := h.count(`SELECT count(*) FROM srv_entities`)
					okID := store.NewID()
					good := d.change("products", okID, "insert", product(okID, "GOOD-"+tt.name))
					res := h.push(d, bad, good)
					if len(res.Results) != 2 {
						t.Fatalf("%d results, want 2: %+v", len(res.Results), res.Results)
					}
					r := res.Results[0]
					if r.Status != omsync.StatusRejected || !strings.Contains(r.Reason, tt.want) {
						t.Fatalf("the bad change: %s %q, want rejected with %q", r.Status, r.Reason, tt.want)
					}
					if r.Seq != bad.Seq || r.ID != bad.ID {
						t.Errorf("the result names %d %s, want %d %s", r.Seq, r.ID, bad.Seq, bad.ID)
					}
					if res.Results[1].Status != omsync.StatusApplied {
						t.Fatalf("the change after the rejected one: %+v", res.Results[1])
					}
					if res.LastSeq != good.Seq {
						t.Errorf("LastSeq %d, want %d: a rejected change is consumed", res.LastSeq, good.Seq)
					}
					if got := h.count(`SELECT count(*) FROM srv_log`); got != before+1 {
						t.Errorf("srv_log grew by %d, want 1 (the good change only)", got-before)
					}
					if got := h.count(`SELECT count(*) FROM srv_entities`); got != entities+1 {
						t.Errorf("srv_entities grew by %d, want 1", got-entities)
					}
					if n := h.count(`SELECT count(*) FROM srv_change_ids WHERE change_id = ?`, bad.ID); n != 0 {
						t.Errorf("the rejected change's id was recorded as applied")
					}
				})
			}
		})
	}
}

// TestPush_RejectedInTheMiddleAndIdempotent: a rejected change does not
// block those after it, and the same batch sent again gets the same
// answers and changes nothing.
func TestPush_RejectedInTheMiddleAndIdempotent(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testPush_RejectedInTheMiddleAndIdempotent(t, backend.url(t)) })
	}
}

func testPush_RejectedInTheMiddleAndIdempotent(t *testing.T, url string) {
	h := newHub(t, url)
	d := h.device("A")
	p1, p2, p3 := store.NewID(), store.NewID(), store.NewID()
	batch := []omsync.Change{
		d.change("products", p1, "insert", product(p1, "ONE")),
		d.change("products", p2, "update", map[string]any{"name": "never created"}),
		d.change("products", p3, "insert", product(p3, "THREE")),
		d.change("products", p1, "update", map[string]any{"name": "One renamed"}),
		d.change("widgets", p1, "insert", map[string]any{"x": 1}),
		d.change("products", p3, "delete", nil),
	}
	want := []string{"applied", "rejected", "applied", "applied", "rejected", "applied"}
	first := h.push(d, batch...)
	for i, r := range first.Results {
		if r.Status != want[i] {
			t.Errorf("change %d: %s %q, want %s", r.Seq, r.Status, r.Reason, want[i])
		}
	}
	if first.LastSeq != 6 {
		t.Errorf("LastSeq %d, want 6", first.LastSeq)
	}
	log := h.count(`SELECT count(*) FROM srv_log`)
	if log != 4 {
		t.Errorf("srv_log holds %d changes, want 4", log)
	}
	var name string
	if err := h.db.sql.QueryRow(h.db.q(`SELECT fields FROM srv_entities WHERE entity = 'products' AND id = ?`), p1).Scan(&name); err != nil || !strings.Contains(name, "One renamed") {
		t.Errorf("product 1 is %s (%v), want renamed", name, err)
	}
	if n := h.count(`SELECT count(*) FROM srv_entities WHERE id = ? AND deleted <> ''`, p3); n != 1 {
		t.Errorf("product 3 is not a tombstone")
	}

	for _, tc := range []struct {
		name  string
		batch []omsync.Change
		from  int
	}{{"Whole", batch, 0}, {"Tail", batch[3:], 3}, {"OneOld", batch[1:2], 1}} {
		again := h.push(d, tc.batch...)
		if fmt.Sprint(again.Results) != fmt.Sprint(first.Results[tc.from:tc.from+len(tc.batch)]) {
			t.Errorf("%s again: results\n%+v\nwant\n%+v", tc.name, again.Results, first.Results[tc.from:tc.from+len(tc.batch)])
		}
		if again.LastSeq != 6 {
			t.Errorf("%s again: LastSeq %d, want 6", tc.name, again.LastSeq)
		}
		if n := h.count(`SELECT count(*) FROM srv_log`); n != log {
			t.Errorf("%s again: srv_log grew from %d to %d", tc.name, log, n)
		}
	}
	// Old changes and the next one in the same push.
	p4 := store.NewID()
	next := d.change("products", p4, "insert", product(p4, "FOUR"))
	res := h.push(d, append(append([]omsync.Change{}, batch[4:]...), next)...)
	if len(res.Results) != 3 || res.Results[2].Status != omsync.StatusApplied || res.LastSeq != 7 {
		t.Errorf("old and new together: %+v last %d", res.Results, res.LastSeq)
	}
	if n := h.count(`SELECT count(*) FROM srv_log`); n != log+1 {
		t.Errorf("srv_log grew by %d, want 1", n-log)
	}
}

func TestStationCode(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{1, "A1"}, {2, "A2"}, {9, "A9"}, {10, "B1"}, {18, "B9"}, {19, "C1"}, {234, "Z9"}, {235, "AA1"}, {243, "AA9"}, {244, "AB1"},
		{234 + 26*9, "AZ9"}, {234 + 26*9 + 1, "BA1"}, {234 + 26*26*9, "ZZ9"}, {234 + 26*26*9 + 1, "AAA1"}}
	for _, tt := range tests {
		if got := stationCode(tt.n); got != tt.want {
			t.Errorf("stationCode(%d) = %s, want %s", tt.n, got, tt.want)
		}
	}
	seen := map[string]int64{}
	for n := int64(1); n <= 20000; n++ {
		c := stationCode(n)
		if m, ok := seen[c]; ok {
			t.Fatalf("stationCode(%d) = stationCode(%d) = %s", n, m, c)
		}
		seen[c] = n
	}
}

// TestEnrol_StationCodesNeverReused: a revoked device's code is not given
// again, and a refused enrolment takes no code.
func TestEnrol_StationCodesNeverReused(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testEnrol_StationCodesNeverReused(t, backend.url(t)) })
	}
}

func testEnrol_StationCodesNeverReused(t *testing.T, url string) {
	ctx := context.Background()
	h := newHub(t, url)
	a, b := h.device("A"), h.device("B")
	if a.StationCode != "A1" || b.StationCode != "A2" {
		t.Fatalf("codes %s, %s, want A1, A2", a.StationCode, b.StationCode)
	}
	if _, err := h.db.Revoke(ctx, "a2", time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := h.db.Enrol(ctx, omsync.EnrolRequest{Token: "omst_unknown", DeviceID: store.NewID()}, time.Now()); err == nil {
		t.Fatal("an unknown token enrolled a device")
	}
	c := h.device("C")
	if c.StationCode != "A3" {
		t.Errorf("the device after a revoked one and a refused enrolment is %s, want A3", c.StationCode)
	}
	devs, err := h.db.Devices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, d := range devs {
		if codes[d.StationCode] {
			t.Errorf("station code %s given twice", d.StationCode)
		}
		codes[d.StationCode] = true
	}
	if len(devs) != 3 {
		t.Errorf("%d devices, want 3", len(devs))
	}
}

// required returns a new row of entity with every required column set to a
// value of its type, and fields over it.
func (h *hub) required(entity, id string, fields map[string]any) map[string]any {
	h.t.Helper()
	t, ok := h.srv.schema[entity]
	if !ok {
		h.t.Fatalf("no table %s", entity)
	}
	row := map[string]any{"id": id}
	for _, c := range t.Columns {
		if !c.NotNull || c.HasDefault || c.Name == "id" {
			continue
		}
		if strings.Contains(strings.ToUpper(c.Type), "INT") {
			row[c.Name] = 1
		} else {
			row[c.Name] = "x-" + c.Name
		}
	}
	for k, v := range fields {
		row[k] = v
	}
	return row
}

// TestPush_CancelMeetsShipment: an order cancelled on one device and shipped
// on another stays shipped, in whichever order the two arrive, and raises
// one cancel_ship exception.
func TestPush_CancelMeetsShipment(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) {
			for _, cancelFirst := range []bool{true, false} {
				t.Run(fmt.Sprintf("CancelFirst=%v", cancelFirst), func(t *testing.T) {
					h := newHub(t, backend.url(t))
					a, b := h.device("A"), h.device("B")
					order := store.NewID()
					if r := h.push(a, a.change("orders", order, "insert", h.required("orders", order, map[string]any{"status": "packed"}))); r.Results[0].Status != omsync.StatusApplied {
						t.Fatalf("the order: %+v", r.Results[0])
					}
					cancel := func() omsync.PushResponse {
						return h.push(a, a.change("orders", order, "update", map[string]any{"status": "cancelled"}))
					}
					ship := func() omsync.PushResponse {
						return h.push(b, b.change("orders", order, "update", map[string]any{"status": "shipped"}))
					}
					if cancelFirst {
						cancel()
						ship()
					} else {
						ship()
						cancel()
					}
					var fields string
					if err := h.db.sql.QueryRow(h.db.q(`SELECT fields FROM srv_entities WHERE entity = 'orders' AND id = ?`), order).Scan(&fields); err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(fields, `"status":"shipped"`) {
						t.Errorf("the order is %s, want shipped", fields)
					}
					if n := h.count(`SELECT count(*) FROM srv_entities WHERE entity = 'sync_exceptions' AND fields LIKE ?`, `%"kind":"cancel_ship"%`); n != 1 {
						t.Errorf("%d cancel_ship exceptions, want 1", n)
					}
					if n := h.count(`SELECT count(*) FROM srv_log WHERE entity = 'sync_exceptions'`); n != 1 {
						t.Errorf("the exception was logged %d times, want once", n)
					}
					// The same conflict again raises nothing new.
					cancel()
					if n := h.count(`SELECT count(*) FROM srv_entities WHERE entity = 'sync_exceptions'`); n != 1 {
						t.Errorf("%d exceptions after a second cancel, want 1", n)
					}
				})
			}
		})
	}
}
