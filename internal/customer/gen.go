package customer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"oms/internal/store"
)

// genBatch is how many customers GenerateCustomers writes per transaction.
const genBatch = 10000

type genName struct{ text, slug string }

type genCulture struct {
	weight         int
	first, last    []genName
	lastFirst      bool // family name first (Vietnamese)
	companies      []string
	cities         []string
	streets        []string
	country, phone string // ISO code, dialling prefix
}

func genNames(pairs ...string) []genName {
	out := make([]genName, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, genName{pairs[i], pairs[i+1]})
	}
	return out
}

// genCultures are the name pools of generated customers: Latin script with
// diacritics, Greek, Cyrillic and Vietnamese, so search is exercised on all.
var genCultures = []genCulture{{
	weight: 60,
	first: genNames("Anna", "anna", "Jürgen", "juergen", "Zoë", "zoe", "José", "jose", "François", "francois", "Søren", "soren",
		"Łukasz", "lukasz", "Ágnes", "agnes", "Maria", "maria", "Peter", "peter", "Sophie", "sophie", "Thomas", "thomas",
		"Laura", "laura", "Miguel", "miguel", "Chloé", "chloe", "Björn", "bjorn", "Ines", "ines", "Marco", "marco"),
	last: genNames("Müller", "mueller", "Schmidt", "schmidt", "García", "garcia", "Dvořák", "dvorak", "Nowak", "nowak",
		"Öztürk", "ozturk", "Jensen", "jensen", "Rossi", "rossi", "Smith", "smith", "O'Brien", "obrien", "Lefèvre", "lefevre",
		"Weiß", "weiss", "Fernández", "fernandez", "Novák", "novak", "Kowalski", "kowalski", "Bianchi", "bianchi",
		"Wagner", "wagner", "Martin", "martin", "Lindqvist", "lindqvist", "Horváth", "horvath"),
	companies: []string{"Bäckerei Sonnenschein", "Müller & Söhne GmbH", "Café de Flore SARL", "Técnicas Reunidas SL",
		"Nordic Trading AB", "Studio Bianchi Srl", "Smith Hardware Ltd", "Krämer Logistik KG"},
	cities:  []string{"Berlin", "München", "Köln", "Hamburg", "Leipzig", "Düsseldorf"},
	streets: []string{"Hauptstraße", "Bahnhofstraße", "Schillerplatz", "Königsallee", "Gartenweg"},
	country: "DE", phone: "+49",
}, {
	weight: 15,
	first:  genNames("Γιώργος", "giorgos", "Μαρία", "maria", "Νίκος", "nikos", "Ελένη", "eleni", "Δημήτρης", "dimitris", "Κατερίνα", "katerina"),
	last: genNames("Παπαδόπουλος", "papadopoulos", "Οικονόμου", "oikonomou", "Γεωργίου", "georgiou", "Νικολάου", "nikolaou",
		"Καραγιάννης", "karagiannis", "Βασιλείου", "vasileiou"),
	companies: []string{"Ελληνικά Τρόφιμα Α.Ε.", "Αθηναϊκή Εμπορική Ο.Ε.", "Κρήτη Ελαιόλαδο"},
	cities:    []string{"Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο"},
	streets:   []string{"Οδός Ερμού", "Λεωφόρος Συγγρού", "Οδός Πανεπιστημίου"},
	country:   "GR", phone: "+30",
}, {
	weight: 15,
	first:  genNames("Иван", "ivan", "Ольга", "olga", "Дмитрий", "dmitry", "Анна", "anna", "Сергей", "sergey", "Наталья", "natalya"),
	last: genNames("Иванов", "ivanov", "Петрова", "petrova", "Смирнов", "smirnov", "Кузнецова", "kuznetsova", "Попов", "popov",
		"Соколова", "sokolova", "Шевченко", "shevchenko"),
	companies: []string{"ООО Ромашка", "Торговый дом Север", "Балтийская логистика"},
	cities:    []string{"София", "Пловдив", "Варна"},
	streets:   []string{"улица Витоша", "бульвар Мария Луиза", "улица Раковски"},
	country:   "BG", phone: "+359",
}, {
	weight:    10,
	lastFirst: true,
	first:     genNames("Văn An", "an", "Thị Hoa", "hoa", "Đức Minh", "minh", "Ngọc Lan", "lan", "Quốc Bảo", "bao", "Thu Hương", "huong"),
	last:      genNames("Nguyễn", "nguyen", "Trần", "tran", "Lê", "le", "Phạm", "pham", "Hoàng", "hoang", "Vũ", "vu", "Đặng", "dang"),
	companies: []string{"Công ty TNHH Ánh Dương", "Cà phê Sài Gòn", "Thương mại Hà Nội"},
	cities:    []string{"Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Huế"},
	streets:   []string{"Đường Lê Lợi", "Phố Hàng Bạc", "Đường Nguyễn Huệ"},
	country:   "VN", phone: "+84",
}}

var genDomains = []string{"example.com", "example.org", "mail.example.net", "post.example.de"}
var genGroups = []string{"", "", "", "retail", "wholesale", "vip"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// genCustomer returns the i-th generated customer of the random stream r.
func genCustomer(r *rand.Rand, i int) (CustomerInput, []InteractionInput) {
	total := 0
	for _, c := range genCultures {
		total += c.weight
	}
	n := r.IntN(total)
	cu := genCultures[0]
	for _, c := range genCultures {
		if n < c.weight {
			cu = c
			break
		}
		n -= c.weight
	}
	first, last := pick(r, cu.first), pick(r, cu.last)
	in := CustomerInput{Name: first.text + " " + last.text, CustomerGroup: pick(r, genGroups)}
	if cu.lastFirst {
		in.Name = last.text + " " + first.text
	}
	if r.IntN(10) < 4 {
		in.Company = pick(r, cu.companies)
	}
	if r.IntN(10) < 8 {
		in.Email = fmt.Sprintf("%s.%s%d@%s", first.slug, last.slug, i, pick(r, genDomains))
	}
	digits := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	phone := fmt.Sprintf("%s %s %s", cu.phone, digits(2), digits(7))
	if r.IntN(10) < 8 {
		in.Phone = phone
	}
	if r.IntN(4) == 0 {
		in.CreditLimit = int64(1+r.IntN(50)) * 100_000
	}
	addr := AddressInput{Kind: AddressBilling, Name: in.Name, Company: in.Company,
		Line1: pick(r, cu.streets) + " " + strconv.Itoa(1+r.IntN(200)), PostalCode: digits(5), City: pick(r, cu.cities),
		Country: cu.country, Phone: in.Phone}
	in.Addresses = []AddressInput{addr}
	if r.IntN(3) == 0 {
		ship := addr
		ship.Kind = AddressShipping
		ship.Line1 = pick(r, cu.streets) + " " + strconv.Itoa(1+r.IntN(200))
		in.Addresses = append(in.Addresses, ship)
	}
	var its []InteractionInput
	if r.IntN(20) == 0 {
		its = append(its, InteractionInput{Kind: pick(r, InteractionKinds), Text: "Called about order; prefers delivery before noon."})
	}
	return in, its
}

// GenerateCustomers adds n generated customers, the same ones for the same
// seed: names, companies, emails and phones in Latin (with diacritics),
// Greek, Cyrillic and Vietnamese script, a billing address each, a shipping
// address for one in three and an interaction for one in twenty. Codes
// continue the workstation's series. It writes in transactions of 10,000
// customers, for benchmarks and demo data.
func GenerateCustomers(ctx context.Context, db *store.DB, n int, seed int64) error {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	actor := store.Actor{UserName: "generator"}
	prefix := seriesPrefix(db.Device().StationCode)
	for done := 0; done < n; {
		batch := min(genBatch, n-done)
		err := db.Update(ctx, actor, func(stx *store.Tx) error {
			tx := newTxn(stx)
			code, err := nextCode(tx, db.Device().StationCode)
			if err != nil {
				return err
			}
			next, err := strconv.ParseInt(code[len(prefix):], 10, 64)
			if err != nil {
				return fmt.Errorf("generate customers: %w", err)
			}
			for k := range batch {
				if err := ctx.Err(); err != nil {
					return err
				}
				in, its := genCustomer(r, done+k)
				in.Code = fmt.Sprintf("%s%0*d", prefix, codeMinWidth, next+int64(k))
				if err := in.Validate(); err != nil {
					return fmt.Errorf("generate customer %d: %w", done+k, err)
				}
				id, err := createCustomer(tx, db.Device().StationCode, &in)
				if err != nil {
					return fmt.Errorf("generate customer %d: %w", done+k, err)
				}
				for _, it := range its {
					if _, err := addInteraction(tx, id, it); err != nil {
						return fmt.Errorf("generate customer %d: %w", done+k, err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done += batch
	}
	return nil
}
