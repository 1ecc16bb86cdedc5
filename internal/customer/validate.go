package customer

import (
	"net/mail"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"oms/internal/errs"
)

// Limits on customer input, in characters (runes) unless stated.
const (
	MaxNameLen        = 200
	MaxNotesLen       = 5000
	MaxTextLen        = 10000 // interaction text
	MaxCodeLen        = 32
	MaxEmailLen       = 254
	MaxPhoneLen       = 40
	MaxTaxIDLen       = 50
	MaxGroupLen       = 50
	MaxReasonLen      = 500
	MaxCreditLimit    = 100_000_000_000 // minor units: one billion in a two-decimal currency
	maxAddressLineLen = 200
	maxPostalCodeLen  = 20
	maxCityLen        = 100
	maxRegionLen      = 100
)

// clean trims surrounding white space and puts text in Unicode NFC form, so
// the same name typed on two keyboards is stored, compared and indexed alike.
func clean(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// checkText refuses invalid UTF-8, control characters (line breaks and tabs
// only where multiline) and text longer than max characters.
func checkText(field, value string, max int, multiline bool) error {
	if !utf8.ValidString(value) {
		return errs.Invalid(field, "This contains characters that are not valid text.")
	}
	if n := utf8.RuneCountInString(value); n > max {
		return errs.Invalid(field, "This must be at most %d characters (it has %d).", max, n)
	}
	for _, r := range value {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			return errs.Invalid(field, "This must not contain control characters.")
		}
	}
	return nil
}

var codeRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// checkCode checks a customer code that is not empty.
func checkCode(code string) error {
	if utf8.RuneCountInString(code) > MaxCodeLen {
		return errs.Invalid("code", "The customer code must be at most %d characters.", MaxCodeLen)
	}
	if !codeRE.MatchString(code) {
		return errs.Invalid("code", "The customer code may contain letters A-Z, digits and . _ / - only, starting with a letter or digit.")
	}
	return nil
}

// checkEmail checks an email address that is not empty: a bare address with
// a dotted domain, as an invoice or a reminder can be sent to it.
func checkEmail(field, email string) error {
	if err := checkText(field, email, MaxEmailLen, false); err != nil {
		return err
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email {
		return errs.Invalid(field, "Enter an email address like name@example.com.")
	}
	at := strings.LastIndexByte(email, '@')
	if domain := email[at+1:]; !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return errs.Invalid(field, "Enter an email address like name@example.com.")
	}
	return nil
}

// checkPhone checks a phone number that is not empty.
func checkPhone(field, phone string) error {
	if err := checkText(field, phone, MaxPhoneLen, false); err != nil {
		return err
	}
	digits := 0
	for _, r := range phone {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case !strings.ContainsRune(" +-()./", r):
			return errs.Invalid(field, "A phone number may contain digits, spaces and + - ( ) . / only.")
		}
	}
	if digits < 3 {
		return errs.Invalid(field, "Enter a phone number with at least 3 digits.")
	}
	return nil
}

// checkCreditLimit checks a credit limit in minor units.
func checkCreditLimit(v int64) error {
	if v < 0 {
		return errs.Invalid("creditLimit", "The credit limit cannot be negative.")
	}
	if v > MaxCreditLimit {
		return errs.Invalid("creditLimit", "The credit limit is too large (at most %d in minor units).", int64(MaxCreditLimit))
	}
	return nil
}
