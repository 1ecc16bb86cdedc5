package demo

import (
	"fmt"
	"strings"
	"time"

	"oms/internal/customer"
)

type place struct{ street, postal, city, country, phone string }

var places = []place{
	{"Kastanienallee 41", "10435", "Berlin", "DE", "+49 30 5550 1871"},
	{"Schönhauser Allee 130", "10437", "Berlin", "DE", "+49 30 5550 2210"},
	{"Karl-Marx-Straße 92", "12043", "Berlin", "DE", "+49 30 5550 3391"},
	{"Bergmannstraße 5", "10961", "Berlin", "DE", "+49 30 5550 4402"},
	{"Lindenstraße 18", "14467", "Potsdam", "DE", "+49 331 555 0188"},
	{"Hauptstraße 7", "15711", "Königs Wusterhausen", "DE", "+49 3375 555 017"},
	{"Friedrichstraße 240", "10969", "Berlin", "DE", "+49 30 5550 7713"},
	{"Am Markt 3", "16225", "Eberswalde", "DE", "+49 3334 555 023"},
	{"Leipziger Straße 61", "04103", "Leipzig", "DE", "+49 341 555 0142"},
	{"Mariahilfer Straße 88", "1070", "Wien", "AT", "+43 1 555 0192"},
	{"ul. Piotrkowska 104", "90-006", "Łódź", "PL", "+48 42 555 0137"},
	{"ul. Świętojańska 21", "81-368", "Gdynia", "PL", "+48 58 555 0119"},
	{"Odos Ermou 56", "105 63", "Athína", "GR", "+30 21 0555 0164"},
	{"12 Tràng Tiền", "100000", "Hà Nội", "VN", "+84 24 3825 1234"},
	{"Prinsengracht 263", "1016 GV", "Amsterdam", "NL", "+31 20 555 0176"},
	{"14 rue de la Roquette", "75011", "Paris", "FR", "+33 1 55 50 01 45"},
	{"Vesterbrogade 31", "1620", "København", "DK", "+45 33 55 50 12"},
	{"Nerudova 17", "118 00", "Praha", "CZ", "+420 255 550 178"},
}

var people = []string{
	"Jonas Schmidt", "Lea Fischer", "Murat Yılmaz", "Sophie Wagner", "Lukas Hoffmann", "Emma Schulz", "Paul Richter",
	"Mia Koch", "Felix Zimmermann", "Hannah Braun", "Ελένη Παπαδοπούλου", "Nguyễn Văn An", "Łukasz Nowak",
	"Zofia Wiśniewska", "Jan de Vries", "Chloé Martin", "Søren Kristensen", "Tereza Dvořáková", "Ali Demir",
	"Katarzyna Kowalczyk", "Dimitris Georgiou", "Trần Thị Mai", "Ines Müller", "Noah Weber", "Clara Schäfer",
	"Ben Krüger", "Lina Hartwig", "Elias Vogel", "Marie Lehmann", "Finn Petersen",
}

var firms = []string{
	"Holzbau Krause GmbH", "Elektro Neumann & Söhne", "Malerbetrieb Lindner", "Dachdeckerei Brandt KG",
	"Sanitär Özdemir GmbH", "Tischlerei Wolff", "Gartenbau Grün & Partner", "Hausmeisterservice Berlin-Mitte",
	"Fliesen Kowalski", "Metallbau Schubert GmbH", "Bau & Renovierung Popescu", "Montagebau Nordost GmbH",
	"Studio Bühnenbild Wedding", "Fahrradwerkstatt Kreuzberg", "Kita Sonnenschein e.V.",
	"Ateliér Nováková s.r.o.", "Ξυλουργική Αθηνών Ο.Ε.", "Công ty Hoa Sen", "Hotel am Spreeufer", "Facility Services Havel GmbH",
}

func (s *seeder) customerBase() error {
	make1 := func(i int, name, firm string) error {
		p := places[(i*7)%len(places)]
		in := customer.CustomerInput{Name: name, Company: firm, Phone: p.phone,
			Email: strings.ToLower(strings.NewReplacer(" ", ".", "&", "", ".", "").Replace(asciiFold(name))) + "@example.com",
			Addresses: []customer.AddressInput{
				{Kind: "billing", Default: true, Name: name, Company: firm, Line1: p.street, PostalCode: p.postal, City: p.city, Country: p.country, Phone: p.phone},
				{Kind: "shipping", Default: true, Name: name, Company: firm, Line1: p.street, PostalCode: p.postal, City: p.city, Country: p.country, Phone: p.phone},
			}}
		if firm != "" {
			in.CustomerGroup, in.CreditLimit = "trade", int64(1000+500*s.rng.IntN(8))*100
			in.TaxID = fmt.Sprintf("%s%09d", p.country, 100000000+s.rng.IntN(899999999))
			if p.country == "GR" {
				in.TaxID = fmt.Sprintf("EL%09d", 100000000+s.rng.IntN(899999999))
			}
		}
		c, err := s.Customers.CreateCustomer(s.ctx, s.admin, in)
		if err != nil {
			return fmt.Errorf("customer %s: %w", name, err)
		}
		s.customers = append(s.customers, c)
		s.tick(30 * time.Second)
		return nil
	}
	for i, firm := range firms {
		if err := make1(i, people[(i*11)%len(people)], firm); err != nil {
			return err
		}
	}
	for i, name := range people {
		if err := make1(len(firms)+i, name, ""); err != nil {
			return err
		}
	}
	s.sum.Customers = len(s.customers)
	return nil
}

// asciiFold turns a name into something an email address may hold.
func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ł", "l", "Ł", "L",
		"ś", "s", "Ś", "S", "ń", "n", "ó", "o", "ą", "a", "ę", "e", "ż", "z", "ź", "z", "ć", "c", "ı", "i", "é", "e", "ø", "o",
		"ř", "r", "á", "a", "í", "i", "ý", "y", "ň", "n", "ě", "e", "š", "s", "č", "c", "ž", "z", "ú", "u", "ů", "u")
	out := []rune{}
	for _, c := range r.Replace(s) {
		if c < 128 {
			out = append(out, c)
		}
	}
	if len(strings.TrimSpace(string(out))) < 3 {
		return fmt.Sprintf("customer%d", len(s))
	}
	return string(out)
}
