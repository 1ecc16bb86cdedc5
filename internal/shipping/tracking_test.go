package shipping

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"oms/internal/errs"
	"oms/internal/store"
)

func TestParseTrackingPattern(t *testing.T) {
	tests := []struct {
		pattern string
		station string
		n       int64
		want    string // "" with ok: no pattern
		bad     string // part of the error message
	}{
		{pattern: "", want: ""},
		{pattern: "OWN-{station}-{seq:6}", station: "b2", n: 42, want: "OWN-B2-000042"},
		{pattern: "OWN-{station}-{seq:6}", station: "", n: 1, want: "OWN-LOCAL-000001"},
		{pattern: "{seq:4}", n: 12345, want: "12345"}, // grows rather than repeat
		{pattern: "D{seq:8}{check}", n: 92739871, want: "D927398719"},
		{pattern: "V/{seq:4}.{check}", n: 1, want: "V/0001.8"},
		{pattern: "{seq:12}", n: 1, want: "000000000001"},
		{pattern: "OWN-{station}", bad: "Put {seq:N}"},
		{pattern: "{seq:3}", bad: "from 4 to 12"},
		{pattern: "{seq:13}", bad: "from 4 to 12"},
		{pattern: "{seq:x}", bad: "from 4 to 12"},
		{pattern: "{seq}", bad: "Unknown placeholder"},
		{pattern: "{seq:6}{seq:6}", bad: "once"},
		{pattern: "{check}{seq:6}", bad: "after {seq:N}"},
		{pattern: "{seq:6}{check}{check}", bad: "once"},
		{pattern: "{seq:6", bad: "Close"},
		{pattern: "{tracking}{seq:6}", bad: "Unknown placeholder"},
		{pattern: "A B{seq:6}", bad: "remove \" \""},
		{pattern: "<b>{seq:6}", bad: "remove \"<\""},
		{pattern: "Ö{seq:6}", bad: "remove"},
		{pattern: strings.Repeat("A", 35) + "{seq:4}", bad: "at most 40"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			p, err := ParseTrackingPattern(tt.pattern)
			if tt.bad != "" {
				wantErr(t, err, errs.EINVALID, "trackingPattern")
				if !strings.Contains(errs.Message(err), tt.bad) {
					t.Errorf("message %q does not say %q", errs.Message(err), tt.bad)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if p != nil {
					t.Errorf("pattern = %+v, want nil", p)
				}
				return
			}
			if got := p.Format(tt.station, tt.n); got != tt.want {
				t.Errorf("Format = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLuhnDigit(t *testing.T) {
	// 7992739871 has check digit 3 (the textbook example).
	for s, want := range map[string]byte{"7992739871": '3', "0": '0', "1": '8', "": '0', "D-9273-9871": luhnDigit("92739871")} {
		if got := luhnDigit(s); got != want {
			t.Errorf("luhnDigit(%q) = %c, want %c", s, got, want)
		}
	}
}

func TestNextTrackingNumber(t *testing.T) {
	e := newCarrierEnv(t)
	ctx := context.Background()
	own := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "Own delivery", TrackingPattern: "OWN-{station}-{seq:6}{check}"}))(t)
	van := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "Van", TrackingPattern: "V{seq:4}"}))(t)
	dhl := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
	next := func(c *CarrierConfig) string {
		t.Helper()
		var n string
		if err := e.db.Update(ctx, carrierActor, func(tx *store.Tx) error {
			var err error
			n, err = nextTrackingNumber(tx, c)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	p, _ := ParseTrackingPattern(own.TrackingPattern)
	for i, want := range []string{p.Format("", 1), p.Format("", 2), p.Format("", 3)} {
		if got := next(own); got != want {
			t.Errorf("number %d = %q, want %q", i+1, got, want)
		}
	}
	if !strings.HasPrefix(p.Format("", 1), "OWN-LOCAL-000001") || len(p.Format("", 1)) != len("OWN-LOCAL-000001")+1 {
		t.Errorf("first number = %q", p.Format("", 1))
	}
	// Each carrier has its own series.
	if got := next(van); got != "V0001" {
		t.Errorf("van = %q", got)
	}
	if got := next(own); got != p.Format("", 4) {
		t.Errorf("own after van = %q", got)
	}
	if got := next(dhl); got != "" {
		t.Errorf("no pattern gave %q", got)
	}
	// A number taken in a rolled-back transaction is taken again.
	_ = e.db.Update(ctx, carrierActor, func(tx *store.Tx) error {
		if _, err := nextTrackingNumber(tx, van); err != nil {
			return err
		}
		return errs.Errorf(errs.ECONFLICT, "roll back")
	})
	if got := next(van); got != "V0002" {
		t.Errorf("van after rollback = %q", got)
	}
}

func TestTrackingURL(t *testing.T) {
	tests := []struct {
		template, number, want string
	}{
		{"https://www.dhl.com/track?tracking-id={tracking}", "JJD0001", "https://www.dhl.com/track?tracking-id=JJD0001"},
		{"https://t.example/track?id={tracking}&lang=en", "a&b=c#d", "https://t.example/track?id=a%26b%3Dc%23d&lang=en"},
		{"https://t.example/{tracking}/status", "12 34/5?", "https://t.example/12%2034%2F5%3F/status"},
		{"https://t.example/{tracking}", "Ünïcode", "https://t.example/%C3%9Cn%C3%AFcode"},
		{"https://t.example/{tracking}", "", ""},
		{"", "JJD0001", ""},
	}
	for _, tt := range tests {
		if got := trackingURL(tt.template, tt.number); got != tt.want {
			t.Errorf("trackingURL(%q, %q) = %q, want %q", tt.template, tt.number, got, tt.want)
		}
	}
	c := &CarrierConfig{TrackingURL: tests[0].template}
	if got := c.TrackingURLFor("JJD0001"); got != tests[0].want {
		t.Errorf("TrackingURLFor = %q", got)
	}
}

func FuzzTrackingPattern(f *testing.F) {
	for _, s := range []string{"", "OWN-{station}-{seq:6}{check}", "{seq:4}", "{seq:", "{", "}", "{seq:99999999999999999999}",
		"{seq:-4}", "{check}", "{{seq:6}}", "\xff{seq:6}", "{station}{station}{seq:12}{check}"} {
		f.Add(s, "B2", int64(1))
	}
	f.Fuzz(func(t *testing.T, pattern, station string, n int64) {
		p, err := ParseTrackingPattern(pattern)
		if err != nil {
			if errs.Code(err) != errs.EINVALID || errs.Field(err) != "trackingPattern" {
				t.Fatalf("error %v is not EINVALID on trackingPattern", err)
			}
			return
		}
		if p == nil {
			if pattern != "" {
				t.Fatalf("nil pattern for %q", pattern)
			}
			return
		}
		if n < 0 {
			n = -n
		}
		if n < 0 { // math.MinInt64
			n = 0
		}
		got := p.Format(station, n)
		if !utf8.ValidString(got) {
			t.Fatalf("Format gave invalid UTF-8 %q", got)
		}
		if p.seqDigits < MinSeqDigits || p.seqDigits > MaxSeqDigits {
			t.Fatalf("seq digits %d accepted", p.seqDigits)
		}
	})
}
