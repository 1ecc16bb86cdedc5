package app

import (
	"time"

	"oms/internal/catalog"
)

// stockTime formats a service time for the frontend: RFC 3339, or "" for
// a zero time (never happened).
func stockTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// Barcode is one barcode of a product with its symbology (ean13, upca,
// ean8, code128).
type Barcode struct {
	Value     string `json:"value"`
	Symbology string `json:"symbology"`
}

// Product is a product as the frontend shows it. Price and cost are int64
// minor units of the company currency.
type Product struct {
	ID           string    `json:"id"`
	SKU          string    `json:"sku"`
	Name         string    `json:"name"`
	Description  string    `json:"description"`
	Unit         string    `json:"unit"`
	Price        int64     `json:"price"`
	Cost         int64     `json:"cost"`
	TaxClassID   string    `json:"taxClassId"`
	WeightG      int64     `json:"weightG"`
	LengthMM     int64     `json:"lengthMm"`
	WidthMM      int64     `json:"widthMm"`
	HeightMM     int64     `json:"heightMm"`
	ReorderPoint int64     `json:"reorderPoint"`
	ReorderQty   int64     `json:"reorderQty"`
	Active       bool      `json:"active"`
	ArchivedAt   string    `json:"archivedAt"`
	Barcodes     []Barcode `json:"barcodes"`
	CreatedAt    string    `json:"createdAt"`
	UpdatedAt    string    `json:"updatedAt"`
}

func productView(p *catalog.Product) Product {
	if p == nil {
		return Product{Barcodes: []Barcode{}}
	}
	v := Product{ID: p.ID, SKU: p.SKU, Name: p.Name, Description: p.Description, Unit: p.Unit, Price: p.Price, Cost: p.Cost,
		TaxClassID: p.TaxClassID, WeightG: p.WeightG, LengthMM: p.LengthMM, WidthMM: p.WidthMM, HeightMM: p.HeightMM,
		ReorderPoint: p.ReorderPoint, ReorderQty: p.ReorderQty, Active: p.Active, ArchivedAt: stockTime(p.ArchivedAt),
		Barcodes: make([]Barcode, 0, len(p.Barcodes)), CreatedAt: stockTime(p.CreatedAt), UpdatedAt: stockTime(p.UpdatedAt)}
	for _, b := range p.Barcodes {
		v.Barcodes = append(v.Barcodes, Barcode{Value: b.Value, Symbology: b.Symbology})
	}
	return v
}

// ProductInput is a new product, or every editable field of one being
// changed. Price and cost are minor units.
type ProductInput struct {
	SKU          string   `json:"sku"`
	Name         string   `json:"name"`
	Description  string   `json:"description"`
	Unit         string   `json:"unit"`
	Price        int64    `json:"price"`
	Cost         int64    `json:"cost"`
	TaxClassID   string   `json:"taxClassId"`
	WeightG      int64    `json:"weightG"`
	LengthMM     int64    `json:"lengthMm"`
	WidthMM      int64    `json:"widthMm"`
	HeightMM     int64    `json:"heightMm"`
	ReorderPoint int64    `json:"reorderPoint"`
	ReorderQty   int64    `json:"reorderQty"`
	Barcodes     []string `json:"barcodes"`
}

func (in ProductInput) domain() catalog.ProductInput {
	return catalog.ProductInput{SKU: in.SKU, Name: in.Name, Description: in.Description, Unit: in.Unit, Price: in.Price,
		Cost: in.Cost, TaxClassID: in.TaxClassID, WeightG: in.WeightG, LengthMM: in.LengthMM, WidthMM: in.WidthMM,
		HeightMM: in.HeightMM, ReorderPoint: in.ReorderPoint, ReorderQty: in.ReorderQty, Barcodes: in.Barcodes}
}

// update sets every field: the editor always sends the whole product.
func (in ProductInput) update() catalog.ProductUpdate {
	barcodes := in.Barcodes
	if barcodes == nil {
		barcodes = []string{}
	}
	return catalog.ProductUpdate{SKU: &in.SKU, Name: &in.Name, Description: &in.Description, Unit: &in.Unit,
		Price: &in.Price, Cost: &in.Cost, TaxClassID: &in.TaxClassID, WeightG: &in.WeightG, LengthMM: &in.LengthMM,
		WidthMM: &in.WidthMM, HeightMM: &in.HeightMM, ReorderPoint: &in.ReorderPoint, ReorderQty: &in.ReorderQty,
		Barcodes: &barcodes}
}

// ProductFilter selects a page of products. Query is what the user typed
// (words, a SKU or a scanned barcode); LowStock keeps only active products
// whose available stock is below their reorder point. Limit defaults to 50
// and is capped at 500.
type ProductFilter struct {
	Query      string `json:"query"`
	ActiveOnly bool   `json:"activeOnly"`
	LowStock   bool   `json:"lowStock"`
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset"`
}

// ProductPage is a page of products and how many match in all. For a
// query, a total of SearchTotalCap+1 (10,001) means "more than 10,000".
type ProductPage struct {
	Items []Product `json:"items"`
	Total int       `json:"total"`
}

// TaxClass is a named tax rate in basis points (1900 = 19 %).
type TaxClass struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	RateBps int64  `json:"rateBps"`
}

func taxClassView(t *catalog.TaxClass) TaxClass {
	if t == nil {
		return TaxClass{}
	}
	return TaxClass{ID: t.ID, Name: t.Name, RateBps: t.RateBps}
}

// TaxClassInput is a new or changed tax class.
type TaxClassInput struct {
	Name    string `json:"name"`
	RateBps int64  `json:"rateBps"`
}

// CatalogSettings are the catalog's company-wide settings.
type CatalogSettings struct {
	PricesIncludeTax bool   `json:"pricesIncludeTax"`
	TaxMode          string `json:"taxMode"` // "line" or "total"
}

func catalogSettings(s *catalog.Settings) CatalogSettings {
	return CatalogSettings{PricesIncludeTax: s.PricesIncludeTax, TaxMode: s.TaxMode}
}

// PriceList is the prices of one customer group.
type PriceList struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	CustomerGroup string `json:"customerGroup"`
	DiscountBps   int64  `json:"discountBps"`
	Active        bool   `json:"active"`
	UpdatedAt     string `json:"updatedAt"`
}

func priceListView(l *catalog.PriceList) PriceList {
	if l == nil {
		return PriceList{}
	}
	return PriceList{ID: l.ID, Name: l.Name, CustomerGroup: l.CustomerGroup, DiscountBps: l.DiscountBps, Active: l.Active,
		UpdatedAt: stockTime(l.UpdatedAt)}
}

// PriceListInput is a new price list, or every field of one being changed.
type PriceListInput struct {
	Name          string `json:"name"`
	CustomerGroup string `json:"customerGroup"`
	DiscountBps   int64  `json:"discountBps"`
	Active        bool   `json:"active"`
}

// PriceListItem is a product's price (minor units) on a list.
type PriceListItem struct {
	ProductID string `json:"productId"`
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Price     int64  `json:"price"`
}

// PriceListItemPage is a page of a list's items and how many there are.
type PriceListItemPage struct {
	Items []PriceListItem `json:"items"`
	Total int             `json:"total"`
}
