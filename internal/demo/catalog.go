package demo

import (
	"fmt"
	"strings"
	"time"

	"oms/internal/catalog"
)

// family is a kind of product the wholesaler sells in several variants.
type family struct {
	code     string // SKU stem
	name     string // with %s for the variant
	variants []string
	price    int64 // cents for the first variant, gross
	step     int64 // added per variant
	weightG  int64
	unit     string
	reduced  bool // 7 % (printed matter)
}

var families = []family{
	{"WS35", "Wood screw 3.5 x %s mm, zinc plated, box of 200", []string{"16", "20", "25", "30", "35", "40", "45", "50"}, 449, 40, 300, "box", false},
	{"WS40", "Wood screw 4.0 x %s mm, zinc plated, box of 200", []string{"20", "25", "30", "35", "40", "50", "60", "70"}, 529, 45, 400, "box", false},
	{"WS50", "Wood screw 5.0 x %s mm, zinc plated, box of 100", []string{"40", "50", "60", "70", "80", "90", "100", "120"}, 689, 60, 600, "box", false},
	{"HB", "Hex bolt %s DIN 933, A2 stainless, pack of 25", []string{"M6x20", "M6x30", "M8x25", "M8x40", "M10x30", "M10x50", "M12x40", "M12x60"}, 795, 110, 500, "pack", false},
	{"HN", "Hex nut %s DIN 934, A2 stainless, pack of 100", []string{"M4", "M5", "M6", "M8", "M10", "M12"}, 399, 90, 350, "pack", false},
	{"WA", "Flat washer %s DIN 125, A2 stainless, pack of 100", []string{"M4", "M5", "M6", "M8", "M10", "M12"}, 299, 60, 200, "pack", false},
	{"DP", "Nylon wall plug %s mm, pack of 100", []string{"5", "6", "8", "10", "12"}, 349, 80, 150, "pack", false},
	{"HDB", "HSS drill bit %s mm, DIN 338", []string{"2", "2.5", "3", "3.5", "4", "4.5", "5", "5.5", "6", "6.5", "7", "8", "9", "10", "12"}, 189, 35, 20, "pcs", false},
	{"MDB", "Masonry drill bit %s x 120 mm", []string{"5", "6", "8", "10", "12", "14"}, 299, 70, 60, "pcs", false},
	{"WDB", "Wood drill bit %s mm, brad point", []string{"4", "5", "6", "8", "10", "12", "16", "20"}, 349, 90, 40, "pcs", false},
	{"HOLE", "Bi-metal hole saw %s mm", []string{"22", "32", "44", "51", "68", "76"}, 1290, 250, 120, "pcs", false},
	{"JSB", "Jigsaw blade set %s, 5 pieces", []string{"wood fine", "wood fast", "metal", "laminate", "plastic"}, 899, 50, 50, "set", false},
	{"CSB", "Circular saw blade %s", []string{"160 mm 24T", "190 mm 24T", "190 mm 48T", "210 mm 40T", "235 mm 24T"}, 2490, 450, 400, "pcs", false},
	{"HAM", "%s", []string{"Claw hammer 450 g, fibreglass handle", "Claw hammer 600 g, fibreglass handle", "Club hammer 1250 g", "Rubber mallet 680 g", "Engineer's hammer 300 g", "Dead blow hammer 1 kg"}, 1490, 300, 800, "pcs", false},
	{"SD", "Screwdriver %s", []string{"slotted 3.5 x 75", "slotted 5.5 x 100", "slotted 6.5 x 150", "Phillips PH1 x 80", "Phillips PH2 x 100", "Pozidriv PZ1 x 80", "Pozidriv PZ2 x 100", "Torx T20 x 100", "Torx T25 x 100", "set, 7 pieces, insulated VDE"}, 549, 120, 90, "pcs", false},
	{"PL", "%s", []string{"Combination pliers 180 mm", "Long nose pliers 160 mm", "Diagonal cutters 160 mm", "Water pump pliers 250 mm", "Locking pliers 250 mm", "Wire stripper 160 mm"}, 1690, 200, 300, "pcs", false},
	{"SP", "Combination spanner %s mm", []string{"8", "10", "11", "12", "13", "14", "15", "16", "17", "19", "22", "24"}, 599, 60, 120, "pcs", false},
	{"SOCK", "Socket set %s", []string{"1/4\", 25 pieces", "1/2\", 24 pieces", "1/4\" + 1/2\", 94 pieces"}, 3990, 3500, 3000, "set", false},
	{"TM", "Tape measure %s", []string{"3 m x 16 mm", "5 m x 19 mm", "8 m x 25 mm", "10 m x 25 mm"}, 799, 300, 250, "pcs", false},
	{"LVL", "Spirit level %s", []string{"40 cm", "60 cm", "80 cm", "100 cm", "120 cm", "200 cm"}, 1490, 600, 700, "pcs", false},
	{"KNF", "%s", []string{"Utility knife, 18 mm snap-off", "Utility knife, 25 mm snap-off", "Safety knife, retractable", "Spare blades 18 mm, pack of 10", "Spare blades 25 mm, pack of 10"}, 699, 100, 80, "pcs", false},
	{"GLV", "Work gloves, nitrile coated, size %s", []string{"7", "8", "9", "10", "11"}, 349, 0, 60, "pair", false},
	{"CGL", "Cut-resistant gloves level C, size %s", []string{"8", "9", "10", "11"}, 899, 0, 80, "pair", false},
	{"SAF", "%s", []string{"Safety glasses, clear", "Safety glasses, tinted", "Ear defenders SNR 30 dB", "Ear plugs, box of 50 pairs", "Dust mask FFP2, pack of 10", "Dust mask FFP3, pack of 5", "Safety helmet, white", "High-visibility vest, yellow"}, 599, 150, 150, "pcs", false},
	{"CT", "Cable ties %s, black, pack of 100", []string{"2.5 x 100 mm", "3.6 x 140 mm", "3.6 x 200 mm", "4.8 x 300 mm", "7.6 x 450 mm"}, 249, 120, 100, "pack", false},
	{"TAPE", "%s", []string{"Duct tape 50 mm x 50 m, silver", "Masking tape 25 mm x 50 m", "Masking tape 50 mm x 50 m", "Insulating tape 19 mm x 20 m, black", "Double-sided tape 19 mm x 10 m"}, 399, 120, 250, "roll", false},
	{"SIL", "Silicone sealant 310 ml, %s", []string{"white", "transparent", "grey", "black", "jasmine", "bahama beige"}, 649, 0, 380, "pcs", false},
	{"GLUE", "%s", []string{"Wood glue D3, 750 g", "Wood glue D3, 250 g", "Construction adhesive 290 ml", "Super glue gel 3 g", "Two-component epoxy 25 ml", "Contact adhesive 650 ml"}, 799, 100, 400, "pcs", false},
	{"EXT", "Extension cable %s", []string{"3 m, 3 sockets", "5 m, 3 sockets", "10 m, 1 socket, outdoor", "25 m cable reel, IP44", "50 m cable reel, IP44"}, 1290, 1100, 1500, "pcs", false},
	{"LED", "%s", []string{"LED work light 20 W, IP65", "LED work light 50 W, IP65", "LED head torch 300 lm", "LED inspection lamp, rechargeable"}, 2490, 1200, 900, "pcs", false},
	{"SAND", "Sanding paper %s, pack of 10", []string{"P40", "P60", "P80", "P120", "P180", "P240", "P320"}, 399, 0, 150, "pack", false},
	{"BRSH", "%s", []string{"Paint brush 25 mm", "Paint brush 50 mm", "Paint brush 75 mm", "Paint roller 180 mm with frame", "Paint tray 250 mm", "Radiator brush"}, 299, 150, 120, "pcs", false},
	{"CLMP", "%s", []string{"F-clamp 150 x 50 mm", "F-clamp 300 x 80 mm", "F-clamp 600 x 80 mm", "Quick-grip clamp 150 mm", "Quick-grip clamp 300 mm", "Corner clamp 90°"}, 899, 300, 600, "pcs", false},
	{"BOOK", "%s", []string{"Handbook: Woodworking joints", "Handbook: Home electrics (DE)", "Handbook: Tiling step by step"}, 1995, 300, 500, "pcs", true},
}

// ean13 returns a valid EAN-13 in the demo's own number range.
func ean13(i int) string {
	body := fmt.Sprintf("429%09d", 100000+i)
	sum := 0
	for k, c := range body {
		d := int(c - '0')
		if k%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return body + string(rune('0'+(10-sum%10)%10))
}

func sku(code, variant string, k int) string {
	v := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			return r
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r == '.':
			return 'P'
		}
		return -1
	}, variant)
	if len(v) > 10 || len(v) == 0 {
		v = fmt.Sprintf("%02d", k+1)
	}
	return code + "-" + v
}

func (s *seeder) catalog() error {
	if _, err := s.Catalog.SetPricesIncludeTax(s.ctx, s.admin, true); err != nil {
		return err
	}
	var err error
	if s.standard, err = s.Catalog.CreateTaxClass(s.ctx, s.admin, catalog.TaxClassInput{Name: "Standard 19 %", RateBps: 1900}); err != nil {
		return err
	}
	if s.reduced, err = s.Catalog.CreateTaxClass(s.ctx, s.admin, catalog.TaxClassInput{Name: "Reduced 7 %", RateBps: 700}); err != nil {
		return err
	}
	if _, err := s.Catalog.CreatePriceList(s.ctx, s.admin, catalog.PriceListInput{Name: "Trade customers", CustomerGroup: "trade",
		DiscountBps: 1000}); err != nil {
		return err
	}
	n := 0
	for _, f := range families {
		for k, v := range f.variants {
			name := f.name
			if strings.Contains(name, "%s") {
				name = fmt.Sprintf(name, v)
			}
			price := f.price + int64(k)*f.step
			tc := s.standard.ID
			if f.reduced {
				tc = s.reduced.ID
			}
			in := catalog.ProductInput{SKU: sku(f.code, v, k), Name: name, Unit: f.unit, Price: price,
				Cost: price * int64(48+s.rng.IntN(14)) / 100, TaxClassID: tc, WeightG: f.weightG + int64(k)*f.weightG/10,
				ReorderPoint: int64(5 + s.rng.IntN(20)), ReorderQty: int64(20 + 10*s.rng.IntN(8)), Barcodes: []string{ean13(n)}}
			p, err := s.Catalog.CreateProduct(s.ctx, s.admin, in)
			if err != nil {
				return fmt.Errorf("product %s: %w", in.SKU, err)
			}
			s.products = append(s.products, p)
			n++
			s.tick(time.Second)
		}
	}
	s.sum.Products = n
	return nil
}
