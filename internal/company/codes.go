package company

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Currency is an ISO 4217 currency a business can keep its books in.
type Currency struct {
	Code       string
	Name       string
	MinorUnits int // digits after the decimal point
}

// currencies are the ISO 4217 currencies in everyday commercial use.
var currencies = []Currency{
	{"AED", "UAE Dirham", 2}, {"ARS", "Argentine Peso", 2}, {"AUD", "Australian Dollar", 2},
	{"BGN", "Bulgarian Lev", 2}, {"BHD", "Bahraini Dinar", 3}, {"BRL", "Brazilian Real", 2},
	{"CAD", "Canadian Dollar", 2}, {"CHF", "Swiss Franc", 2}, {"CLP", "Chilean Peso", 0},
	{"CNY", "Chinese Yuan", 2}, {"COP", "Colombian Peso", 2}, {"CZK", "Czech Koruna", 2},
	{"DKK", "Danish Krone", 2}, {"EGP", "Egyptian Pound", 2}, {"EUR", "Euro", 2},
	{"GBP", "Pound Sterling", 2}, {"HKD", "Hong Kong Dollar", 2}, {"HUF", "Hungarian Forint", 2},
	{"IDR", "Indonesian Rupiah", 2}, {"ILS", "Israeli New Shekel", 2}, {"INR", "Indian Rupee", 2},
	{"ISK", "Icelandic Króna", 0}, {"JOD", "Jordanian Dinar", 3}, {"JPY", "Japanese Yen", 0},
	{"KES", "Kenyan Shilling", 2}, {"KRW", "South Korean Won", 0}, {"KWD", "Kuwaiti Dinar", 3},
	{"MAD", "Moroccan Dirham", 2}, {"MXN", "Mexican Peso", 2}, {"MYR", "Malaysian Ringgit", 2},
	{"NGN", "Nigerian Naira", 2}, {"NOK", "Norwegian Krone", 2}, {"NZD", "New Zealand Dollar", 2},
	{"OMR", "Omani Rial", 3}, {"PHP", "Philippine Peso", 2}, {"PKR", "Pakistani Rupee", 2},
	{"PLN", "Polish Złoty", 2}, {"QAR", "Qatari Riyal", 2}, {"RON", "Romanian Leu", 2},
	{"RSD", "Serbian Dinar", 2}, {"SAR", "Saudi Riyal", 2}, {"SEK", "Swedish Krona", 2},
	{"SGD", "Singapore Dollar", 2}, {"THB", "Thai Baht", 2}, {"TND", "Tunisian Dinar", 3},
	{"TRY", "Turkish Lira", 2}, {"TWD", "New Taiwan Dollar", 2}, {"UAH", "Ukrainian Hryvnia", 2},
	{"USD", "US Dollar", 2}, {"VND", "Vietnamese Đồng", 0}, {"ZAR", "South African Rand", 2},
}

// Currencies returns the supported currencies ordered by code.
func Currencies() []Currency { return append([]Currency(nil), currencies...) }

// FindCurrency returns the currency with the ISO code.
func FindCurrency(code string) (Currency, bool) {
	i := sort.Search(len(currencies), func(i int) bool { return currencies[i].Code >= code })
	if i < len(currencies) && currencies[i].Code == code {
		return currencies[i], true
	}
	return Currency{}, false
}

// countryCodes are the ISO 3166-1 alpha-2 codes.
const countryCodes = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`

// Country is an ISO 3166-1 country with its English name.
type Country struct {
	Code string
	Name string
}

var countries = func() []Country {
	names := display.English.Regions()
	var out []Country
	for _, code := range strings.Fields(countryCodes) {
		name := code
		if r, err := language.ParseRegion(code); err == nil {
			if n := names.Name(r); n != "" {
				name = n
			}
		}
		out = append(out, Country{Code: code, Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}()

// Countries returns the countries ordered by English name.
func Countries() []Country { return append([]Country(nil), countries...) }

// IsCountry reports whether code is an ISO 3166-1 alpha-2 code.
func IsCountry(code string) bool { return countrySet[code] }

var countrySet = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(countryCodes) {
		m[c] = true
	}
	return m
}()
