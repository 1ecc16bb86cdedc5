package sync

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func framed(t *testing.T, res PullResponse) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteFramed(&buf, res); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFramed_RoundTrip(t *testing.T) {
	in := PullResponse{Cursor: "s:9:orders:x", Snapshot: true, More: true, Total: 3, Groups: []Group{
		{Entity: "orders", Count: 2, Rows: []byte(`[{"id":"a","notes":"line\nbreak"},{"id":"b"}]`), Clocks: []byte(`[{"":"0000000000001-000000@d"},{"":""}]`)},
		{Entity: "payments", Count: 1, Rows: []byte(`[{"id":"p"}]`), Clocks: []byte(`[{"":"0000000000002-000001@d"}]`)},
	}}
	out, err := ReadFramed(bytes.NewReader(framed(t, in)))
	if err != nil {
		t.Fatal(err)
	}
	if out.Cursor != in.Cursor || !out.Snapshot || !out.More || out.Total != 3 || len(out.Groups) != 2 {
		t.Fatalf("read %+v", out)
	}
	for i, g := range out.Groups {
		if g.Entity != in.Groups[i].Entity || g.Count != in.Groups[i].Count ||
			!bytes.Equal(g.Rows, in.Groups[i].Rows) || !bytes.Equal(g.Clocks, in.Groups[i].Clocks) {
			t.Errorf("group %d: %+v, want %+v", i, g, in.Groups[i])
		}
	}
	rows, err := out.Groups[0].Split()
	if err != nil || len(rows) != 2 || rows[0].ID != "a" || rows[1].Clocks[""] != "" || string(rows[0].Fields["notes"]) != `"line\nbreak"` {
		t.Fatalf("split: %+v, %v", rows, err)
	}
}

func TestReadFramed_Refuses(t *testing.T) {
	good := framed(t, PullResponse{Cursor: "p:1", Groups: []Group{{Entity: "orders", Count: 1, Rows: []byte(`[{"id":"a"}]`), Clocks: []byte(`[{}]`)}}})
	head := good[:bytes.IndexByte(good, '\n')+1]
	cases := []struct {
		name, body, want string
	}{
		{"empty", "", "head"},
		{"head not JSON", "{nope\n", "head"},
		{"no newline", `{"cursor":"p:1"}`, "head"},
		{"rows cut short", string(good[:len(good)-6]), "orders"},
		{"trailing bytes", string(good) + "x", "goes on"},
		{"negative size", strings.Replace(string(head), `"rows_bytes":12`, `"rows_bytes":-1`, 1), "out of range"},
		{"huge size", strings.Replace(string(head), `"rows_bytes":12`, `"rows_bytes":999999999999`, 1), "out of range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadFramed(strings.NewReader(c.body))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

func TestGroupSplit_Refuses(t *testing.T) {
	cases := []struct {
		name string
		g    Group
		want string
	}{
		{"rows not JSON", Group{Entity: "orders", Count: 1, Rows: []byte(`[{`), Clocks: []byte(`[{}]`)}, "orders rows"},
		{"clocks not JSON", Group{Entity: "orders", Count: 1, Rows: []byte(`[{"id":"a"}]`), Clocks: []byte(`{`)}, "orders clocks"},
		{"counts differ", Group{Entity: "orders", Count: 2, Rows: []byte(`[{"id":"a"}]`), Clocks: []byte(`[{}]`)}, "announced"},
		{"no id", Group{Entity: "orders", Count: 1, Rows: []byte(`[{"notes":"x"}]`), Clocks: []byte(`[{}]`)}, "no id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := c.g.Split(); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

func TestNewestHLC(t *testing.T) {
	cases := []struct {
		name, clocks, want string
		ok                 bool
	}{
		{"one", `[{"":"1796179791766-000000@dev"}]`, "1796179791766-000000", true},
		{"newest of several", `[{"":"1796179791766-000009@b"},{"a":"1796179791767-000000@a","b":"1796179791766-000010@c"}]`, "1796179791767-000000", true},
		{"zero clocks only", `[{"":""},{}]`, "", false},
		{"not an HLC", `[{"":"17961x9791766-000000@dev"}]`, "", false},
		{"too short", `[{"":"1-0@dev"}]`, "", false},
		{"at sign in a name", `[{"a@b":"1796179791766-000000@dev"}]`, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := NewestHLC([]byte(c.clocks))
			if got != c.want || ok != c.ok {
				t.Fatalf("NewestHLC = %q, %v; want %q, %v", got, ok, c.want, c.ok)
			}
		})
	}
}

// FuzzReadFramed: any bytes give an answer or an error, never a panic or
// an allocation beyond MaxGroupBytes; what it reads writes back the same.
func FuzzReadFramed(f *testing.F) {
	var buf bytes.Buffer
	_ = WriteFramed(&buf, PullResponse{Cursor: "s:1:a:b", Snapshot: true, More: true, Groups: []Group{{Entity: "a", Count: 1, Rows: []byte(`[{"id":"b"}]`), Clocks: []byte(`[{"":""}]`)}}})
	f.Add(buf.Bytes())
	f.Add([]byte("{}\n"))
	f.Add([]byte(`{"groups":[{"entity":"a","rows_bytes":3,"clocks_bytes":0}]}` + "\n[1]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := ReadFramed(bytes.NewReader(b))
		if err != nil {
			return
		}
		var again bytes.Buffer
		if err := WriteFramed(&again, res); err != nil {
			t.Fatal(err)
		}
		back, err := ReadFramed(bytes.NewReader(again.Bytes()))
		if err != nil {
			t.Fatalf("written back, it does not read: %v", err)
		}
		a, _ := json.Marshal(res)
		c, _ := json.Marshal(back)
		if !bytes.Equal(a, c) {
			t.Fatalf("read %s, then %s", a, c)
		}
	})
}
