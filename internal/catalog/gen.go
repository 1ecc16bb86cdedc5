package catalog

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"oms/internal/store"
)

// Vocabulary of generated product names: about 40 x 30 x 50 combinations
// plus a model code, with a few Greek, Cyrillic and Vietnamese words so the
// index holds what real catalogs hold.
var (
	genAdjectives = strings.Fields(`Heavy Light Compact Premium Basic Industrial Classic Modern Mini Large Small Extra Ultra Super
		Rugged Slim Smart Digital Manual Electric Cordless Portable Professional Universal Flexible Waterproof Outdoor Indoor
		Quick Precision Reinforced Galvanized Polished Brushed Insulated Folding Adjustable Magnetic Ergonomic Durable`)
	genMaterials = strings.Fields(`Steel Stainless Brass Copper Aluminium Plastic Nylon Rubber Wooden Oak Pine Bamboo Glass Ceramic
		Leather Cotton Wool Linen Silicone Carbon Titanium Zinc Iron Chrome Vinyl Canvas Felt Cork Granite Marble`)
	genNouns = strings.Fields(`Bolt Screw Nut Washer Hinge Bracket Hook Clamp Drill Hammer Wrench Pliers Saw Chisel File Brush
		Roller Tape Glue Cable Plug Socket Switch Lamp Bulb Battery Charger Adapter Hose Valve Pipe Fitting Shelf Box Crate
		Basket Bucket Mug Cup Plate Bowl Jar Bottle Towel Blanket Pillow Chair Stool Table Mat Rope`)
	genSuffixes = strings.Fields(`M4 M5 M6 M8 M10 M12 S M L XL XXL 250ml 500ml 1l 2l 5l 10mm 20mm 50mm 100mm 2m 5m 10m Red Blue Green Black White Grey`)
	genIntl     = strings.Fields(`Κόκκινο Ξύλινο Μεταλλικό Красный Деревянный Стальной Phở Bánh Mì Cà Phê Đồng Hồ Nồi Chảo`)
)

// GeneratedSKU is the SKU GenerateProducts gives its product number i
// (0-based), so benchmarks can pick products without a query.
func GeneratedSKU(i int) string { return fmt.Sprintf("GEN-%07d", i) }

// GeneratedBarcode is the EAN-13 GenerateProducts gives its product number
// i: "20" (a GS1 prefix reserved for in-store numbering), ten digits of i
// and the check digit.
func GeneratedBarcode(i int) string {
	body := fmt.Sprintf("20%010d", i)
	return body + string(gs1CheckDigit(body))
}

// GenerateProducts adds n products numbered 0 to n-1 (call it once per
// database: the SKUs would collide), deterministic for a seed: SKU GeneratedSKU(i), one
// barcode GeneratedBarcode(i), names from a fixed vocabulary, prices from
// 1.00 to 1000.00, every tenth with a reorder point and every fiftieth
// archived. It writes in batches of 50,000 products per transaction through
// the normal capture path (outbox, audit, search index), for benchmarks and
// demo data. Ids are fresh UUIDv7s; everything else depends on n and seed
// only.
func GenerateProducts(ctx context.Context, db *store.DB, n int, seed uint64) error {
	const batch = 50_000
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	actor := store.Actor{UserName: "generator"}
	var taxClassID string
	for start := 0; start < n; start += batch {
		end := min(start+batch, n)
		err := db.Update(ctx, actor, func(tx *store.Tx) error {
			if taxClassID == "" {
				var err error
				if taxClassID, err = generatorTaxClass(tx); err != nil {
					return err
				}
			}
			return generateBatch(tx, rng, taxClassID, start, end)
		})
		if err != nil {
			return fmt.Errorf("generate products %d-%d: %w", start, end, err)
		}
	}
	return nil
}

// generatorTaxClass returns the id of the "Standard" tax class, creating it.
func generatorTaxClass(tx *store.Tx) (string, error) {
	var id string
	err := tx.QueryRowContext(tx.Context(), `SELECT id FROM tax_classes WHERE name = 'Standard'`).Scan(&id)
	if err == nil {
		return id, nil
	}
	id, now := store.NewID(), store.FormatTime(tx.Now)
	if _, err := tx.ExecContext(tx.Context(), `INSERT INTO tax_classes (id, name, rate_bps, created_at, updated_at) VALUES (?, 'Standard', 1900, ?, ?)`,
		id, now, now); err != nil {
		return "", fmt.Errorf("create tax class: %w", err)
	}
	return id, nil
}

func generateBatch(tx *store.Tx, rng *rand.Rand, taxClassID string, start, end int) error {
	ctx := tx.Context()
	insProduct, err := tx.PrepareContext(ctx, `INSERT INTO products (id, sku, name, description, unit, price, cost, tax_class_id,
		weight_g, length_mm, width_mm, height_mm, reorder_point, reorder_qty, active, archived_at, created_at, updated_at)
		VALUES (?, ?, ?, '', 'pcs', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insProduct.Close()
	insBarcode, err := tx.PrepareContext(ctx, `INSERT INTO barcodes (id, product_id, value, symbology, created_at) VALUES (?, ?, ?, 'ean13', ?)`)
	if err != nil {
		return err
	}
	defer insBarcode.Close()
	now := store.FormatTime(tx.Now)
	pick := func(words []string) string { return words[rng.IntN(len(words))] }
	for i := start; i < end; i++ {
		words := []string{pick(genAdjectives), pick(genMaterials), pick(genNouns), pick(genSuffixes)}
		if rng.IntN(20) == 0 {
			words = append(words, pick(genIntl))
		}
		words = append(words, fmt.Sprintf("X%04d", rng.IntN(10000)))
		price := 100 + rng.Int64N(99_901)
		cost := price * int64(40+rng.IntN(40)) / 100
		var reorderPoint, reorderQty int64
		if i%10 == 0 {
			reorderPoint, reorderQty = 5+rng.Int64N(46), 10+rng.Int64N(91)
		}
		active, archivedAt := 1, ""
		if i%50 == 49 {
			active, archivedAt = 0, now
		}
		id := store.NewID()
		if _, err := insProduct.ExecContext(ctx, id, GeneratedSKU(i), strings.Join(words, " "), price, cost, taxClassID,
			50+rng.Int64N(5000), 10+rng.Int64N(990), 10+rng.Int64N(990), 10+rng.Int64N(990),
			reorderPoint, reorderQty, active, archivedAt, now, now); err != nil {
			return fmt.Errorf("insert product %d: %w", i, err)
		}
		if _, err := insBarcode.ExecContext(ctx, store.NewID(), id, GeneratedBarcode(i), now); err != nil {
			return fmt.Errorf("insert barcode %d: %w", i, err)
		}
	}
	return nil
}
