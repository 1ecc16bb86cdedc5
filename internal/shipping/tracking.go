package shipping

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/store"
)

// trackingToken stands for the tracking number in a tracking page template.
const trackingToken = "{tracking}"

// trackingURL puts number, escaped for any part of a URL, into template;
// "" when there is no template or no number.
func trackingURL(template, number string) string {
	if template == "" || number == "" {
		return ""
	}
	// QueryEscape escapes & = ? / # for a query; %20 rather than + keeps a
	// space right in a path as well.
	return strings.ReplaceAll(template, trackingToken, strings.ReplaceAll(url.QueryEscape(number), "+", "%20"))
}

// TrackingURLFor returns the customer-facing tracking page of a number for
// this carrier, "" when it has no tracking page.
func (c *CarrierConfig) TrackingURLFor(trackingNumber string) string {
	return trackingURL(c.TrackingURL, trackingNumber)
}

// Tracking pattern limits.
const (
	MaxTrackingPattern = 40 // characters of the pattern
	MinSeqDigits       = 4
	MaxSeqDigits       = 12
)

// TrackingPattern generates tracking numbers for a carrier without labels
// of its own, such as the business's own delivery. A pattern is literal
// text (letters, digits and - _ . /) with these placeholders:
//
//	{station}  this workstation's station code, or LOCAL before it enrols
//	{seq:N}    the next number of the carrier's series on this
//	           workstation, zero-padded to N digits (N from 4 to 12); it
//	           grows past N digits rather than repeat
//	{check}    a Luhn (mod 10) check digit over every digit before it
//
// {seq:N} is required, once; {check} is optional, once, after it. A pattern
// has at most 40 characters. Without {station}, two workstations give the
// same numbers: "OWN-{station}-{seq:6}{check}" is the safe choice.
type TrackingPattern struct {
	parts     []patternPart
	seqDigits int
}

type partKind int

const (
	partText partKind = iota
	partStation
	partSeq
	partCheck
)

type patternPart struct {
	kind partKind
	text string
}

func patternErr(format string, args ...any) error {
	return errs.Invalid("trackingPattern", format, args...)
}

func literalChar(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r)
}

// ParseTrackingPattern parses a tracking number pattern: nil for "", the
// pattern otherwise. EINVALID on "trackingPattern" with what to fix.
func ParseTrackingPattern(s string) (*TrackingPattern, error) {
	if s == "" {
		return nil, nil
	}
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxTrackingPattern {
		return nil, patternErr("A tracking pattern has at most %d characters.", MaxTrackingPattern)
	}
	p := &TrackingPattern{}
	rest := s
	for rest != "" {
		if rest[0] == '{' {
			end := strings.IndexByte(rest, '}')
			if end < 0 {
				return nil, patternErr("Close the placeholder %q with }.", rest)
			}
			name := rest[1:end]
			rest = rest[end+1:]
			switch {
			case name == "station":
				p.parts = append(p.parts, patternPart{kind: partStation})
			case name == "check":
				if p.seqDigits == 0 {
					return nil, patternErr("Put {check} after {seq:N}, so the check digit covers the number.")
				}
				for _, q := range p.parts {
					if q.kind == partCheck {
						return nil, patternErr("Use {check} once.")
					}
				}
				p.parts = append(p.parts, patternPart{kind: partCheck})
			case strings.HasPrefix(name, "seq:"):
				n, err := strconv.Atoi(name[len("seq:"):])
				if err != nil || n < MinSeqDigits || n > MaxSeqDigits {
					return nil, patternErr("Write the sequence as {seq:N} with N, its digits, from %d to %d, for example {seq:6}.", MinSeqDigits, MaxSeqDigits)
				}
				if p.seqDigits != 0 {
					return nil, patternErr("Use {seq:N} once.")
				}
				p.seqDigits = n
				p.parts = append(p.parts, patternPart{kind: partSeq})
			default:
				return nil, patternErr("Unknown placeholder {%s}: use {station}, {seq:N} or {check}.", name)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(rest)
		if !literalChar(r) {
			return nil, patternErr("A tracking pattern can hold letters, digits, - _ . / and the placeholders {station}, {seq:N} and {check}; remove %q.", string(r))
		}
		if n := len(p.parts); n > 0 && p.parts[n-1].kind == partText {
			p.parts[n-1].text += rest[:size]
		} else {
			p.parts = append(p.parts, patternPart{kind: partText, text: rest[:size]})
		}
		rest = rest[size:]
	}
	if p.seqDigits == 0 {
		return nil, patternErr("Put {seq:N} in the tracking pattern, for example OWN-{station}-{seq:6}, so every number is new.")
	}
	return p, nil
}

// Format returns the tracking number with station code station and
// sequence number n.
func (p *TrackingPattern) Format(station string, n int64) string {
	var b strings.Builder
	for _, part := range p.parts {
		switch part.kind {
		case partText:
			b.WriteString(part.text)
		case partStation:
			b.WriteString(stationPrefix(station))
		case partSeq:
			fmt.Fprintf(&b, "%0*d", p.seqDigits, n)
		case partCheck:
			b.WriteByte(luhnDigit(b.String()))
		}
	}
	return b.String()
}

// stationPrefix is the station code as order numbers use it: upper case,
// LOCAL before the workstation enrols.
func stationPrefix(station string) string {
	if station = strings.ToUpper(strings.TrimSpace(station)); station != "" {
		return station
	}
	return "LOCAL"
}

// luhnDigit returns the Luhn check digit of the digits in s, other
// characters skipped.
func luhnDigit(s string) byte {
	sum, double := 0, true // the check digit goes right of the last digit
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		d := int(c - '0')
		if double {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// nextTrackingNumber takes the next tracking number of carrier c on this
// workstation in tx, from the carrier's series in order_number_series
// ("tracking:{carrierID}", one per carrier, so it never restarts, not even
// when the workstation enrols and its station code changes); "" when c has
// no pattern.
func nextTrackingNumber(tx *store.Tx, c *CarrierConfig) (string, error) {
	p, err := ParseTrackingPattern(c.TrackingPattern)
	if err != nil {
		return "", fmt.Errorf("tracking pattern of carrier %s: %w", c.ID, err)
	} else if p == nil {
		return "", nil
	}
	station := stationPrefix(tx.Device().StationCode)
	n, err := order.NextNumber(tx, "tracking", c.ID)
	if err != nil {
		return "", err
	}
	return p.Format(station, n), nil
}
