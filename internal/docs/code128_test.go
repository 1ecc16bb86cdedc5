package docs

import (
	"slices"
	"testing"
)

func TestCode128B(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []int // without the start and stop codes
		err        bool
	}{
		// check = (104 + 33*1) % 103 = 34
		{"OneLetter", "A", []int{33, 34}, false},
		// 104 + 17*1 + 18*2 + 19*3 = 214; 214 % 103 = 8
		{"Digits", "123", []int{17, 18, 19, 8}, false},
		// P=48 J=42 J=42 1=17 2=18 3=19 C=35: 104+48+84+126+68+90+114+245 = 879; 879 % 103 = 55
		{"Mixed", "PJJ123C", []int{48, 42, 42, 17, 18, 19, 35, 55}, false},
		// L=44 O=47 C=35 A=33 L=44 -=13 0=16 0 0 0 5=21 0=16
		{"OrderNumber", "LOCAL-000050", []int{44, 47, 35, 33, 44, 13, 16, 16, 16, 16, 21, 16,
			(104 + 44*1 + 47*2 + 35*3 + 33*4 + 44*5 + 13*6 + 16*7 + 16*8 + 16*9 + 16*10 + 21*11 + 16*12) % 103}, false},
		{"SpaceAndTilde", " ~", []int{0, 94, (104 + 0 + 94*2) % 103}, false},
		{"Empty", "", nil, true},
		{"Umlaut", "Müller", nil, true},
		{"Control", "A\nB", nil, true},
		{"TooLong", string(make([]byte, 81)), nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Code128B(tc.text)
			if tc.err {
				if err == nil {
					t.Fatalf("Code128B(%q) = %v, want an error", tc.text, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := append(append([]int{104}, tc.want...), 106)
			if !slices.Equal(got, want) {
				t.Fatalf("Code128B(%q) = %v, want %v", tc.text, got, want)
			}
			// Every symbol is 11 modules, the stop 13, bars first.
			mods := Code128Modules(got)
			sum := 0
			for _, m := range mods {
				sum += m
			}
			if wantSum := 11*(len(got)-1) + 13; sum != wantSum || len(mods)%2 != 1 {
				t.Fatalf("%d modules in %d widths, want %d in an odd count", sum, len(mods), wantSum)
			}
		})
	}
}

func TestCode128Patterns(t *testing.T) {
	seen := map[string]bool{}
	for v, p := range code128Patterns {
		n := 0
		for _, c := range p {
			n += int(c - '0')
		}
		want := 11
		if v == code128Stop {
			want = 13
		}
		if n != want || seen[p] {
			t.Errorf("pattern %d %q: %d modules (want %d), duplicate %v", v, p, n, want, seen[p])
		}
		seen[p] = true
	}
	if len(code128Patterns) != 107 {
		t.Fatalf("%d patterns, want 107", len(code128Patterns))
	}
}
