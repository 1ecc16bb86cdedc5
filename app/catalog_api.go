package app

import (
	"strings"

	"oms/internal/auth"
	"oms/internal/catalog"
)

func init() {
	addRules(map[string]rule{
		"CatalogAPI.FindProducts":        need(auth.PermStockView),
		"CatalogAPI.ProductByID":         need(auth.PermStockView),
		"CatalogAPI.ProductByBarcode":    need(auth.PermStockView),
		"CatalogAPI.CreateProduct":       need(auth.PermStockManage),
		"CatalogAPI.UpdateProduct":       need(auth.PermStockManage),
		"CatalogAPI.ArchiveProduct":      need(auth.PermStockManage),
		"CatalogAPI.RestoreProduct":      need(auth.PermStockManage),
		"CatalogAPI.TaxClasses":          need(auth.PermStockView),
		"CatalogAPI.CreateTaxClass":      need(auth.PermStockManage),
		"CatalogAPI.UpdateTaxClass":      need(auth.PermStockManage),
		"CatalogAPI.DeleteTaxClass":      need(auth.PermStockManage),
		"CatalogAPI.Settings":            need(auth.PermStockView),
		"CatalogAPI.SetPricesIncludeTax": need(auth.PermStockManage),
		"CatalogAPI.SetTaxMode":          need(auth.PermStockManage),
		"CatalogAPI.PriceLists":          need(auth.PermStockView),
		"CatalogAPI.CreatePriceList":     need(auth.PermStockManage),
		"CatalogAPI.UpdatePriceList":     need(auth.PermStockManage),
		"CatalogAPI.DeletePriceList":     need(auth.PermStockManage),
		"CatalogAPI.PriceListItems":      need(auth.PermStockView),
		"CatalogAPI.SetPriceListItem":    need(auth.PermStockManage),
		"CatalogAPI.RemovePriceListItem": need(auth.PermStockManage),
		"CatalogAPI.PriceFor":            need(auth.PermStockView),
	})
}

// CatalogAPI is the product catalog: products, tax classes and price lists.
type CatalogAPI struct{ a *App }

// FindProducts returns a page of products matching f and how many match.
// With LowStock, only active products below their reorder point are
// listed (by SKU), narrowed by the query's words in SKU or name.
func (x *CatalogAPI) FindProducts(f ProductFilter) (ProductPage, error) {
	if _, err := x.a.guard(); err != nil {
		return ProductPage{}, err
	}
	ctx := x.a.context()
	var products []*catalog.Product
	var total int
	if f.LowStock {
		// The catalog does not know stock: the low-stock list comes from the
		// stock service and is paged here, then its products are loaded.
		low, err := x.a.svc.Stock.LowStock(ctx, "")
		if err != nil {
			return ProductPage{}, err
		}
		words := strings.Fields(strings.ToLower(f.Query))
		ids := []string{}
		for _, l := range low {
			text := strings.ToLower(l.SKU + " " + l.Name)
			match := true
			for _, w := range words {
				match = match && strings.Contains(text, w)
			}
			if match {
				ids = append(ids, l.ProductID)
			}
		}
		total = len(ids)
		limit := f.Limit
		if limit <= 0 {
			limit = 50
		}
		limit = min(limit, 500)
		start := min(max(f.Offset, 0), len(ids))
		page := ids[start:min(start+limit, len(ids))]
		byID, err := catalog.FindProductsByID(ctx, x.a.svc.DB.Reader(), page)
		if err != nil {
			return ProductPage{}, err
		}
		for _, id := range page {
			if p := byID[id]; p != nil {
				products = append(products, p)
			}
		}
	} else {
		var err error
		products, total, err = x.a.svc.Catalog.FindProducts(ctx, catalog.ProductFilter{Query: f.Query, ActiveOnly: f.ActiveOnly,
			Limit: f.Limit, Offset: f.Offset})
		if err != nil {
			return ProductPage{}, err
		}
	}
	out := ProductPage{Items: make([]Product, 0, len(products)), Total: total}
	for _, p := range products {
		out.Items = append(out.Items, productView(p))
	}
	return out, nil
}

// ProductByID returns a product with its barcodes. ENOTFOUND if there is none.
func (x *CatalogAPI) ProductByID(id string) (Product, error) {
	if _, err := x.a.guard(); err != nil {
		return Product{}, err
	}
	p, err := x.a.svc.Catalog.FindProductByID(x.a.context(), id)
	if err != nil {
		return Product{}, err
	}
	return productView(p), nil
}

// ProductByBarcode returns the product carrying a scanned barcode (a UPC-A
// also finds its EAN-13 form). ENOTFOUND if no product has it.
func (x *CatalogAPI) ProductByBarcode(value string) (Product, error) {
	if _, err := x.a.guard(); err != nil {
		return Product{}, err
	}
	p, err := x.a.svc.Catalog.FindProductByBarcode(x.a.context(), value)
	if err != nil {
		return Product{}, err
	}
	return productView(p), nil
}

// CreateProduct adds a product. EINVALID names the field (sku, name,
// price, barcodes...); ECONFLICT on "sku" or "barcodes" when taken.
func (x *CatalogAPI) CreateProduct(in ProductInput) (Product, error) {
	me, err := x.a.guard()
	if err != nil {
		return Product{}, err
	}
	p, err := x.a.svc.Catalog.CreateProduct(x.a.context(), actorOf(me), in.domain())
	if err != nil {
		return Product{}, err
	}
	return productView(p), nil
}

// UpdateProduct replaces the editable fields of a product, barcodes
// included. ENOTFOUND, EINVALID and ECONFLICT as for CreateProduct.
func (x *CatalogAPI) UpdateProduct(id string, in ProductInput) (Product, error) {
	me, err := x.a.guard()
	if err != nil {
		return Product{}, err
	}
	p, err := x.a.svc.Catalog.UpdateProduct(x.a.context(), actorOf(me), id, in.update())
	if err != nil {
		return Product{}, err
	}
	return productView(p), nil
}

// ArchiveProduct archives a product: it keeps its history but can no
// longer be sold. ENOTFOUND if there is none.
func (x *CatalogAPI) ArchiveProduct(id string) (Product, error) {
	me, err := x.a.guard()
	if err != nil {
		return Product{}, err
	}
	p, err := x.a.svc.Catalog.ArchiveProduct(x.a.context(), actorOf(me), id)
	if err != nil {
		return Product{}, err
	}
	return productView(p), nil
}

// RestoreProduct makes an archived product sellable again. ENOTFOUND if
// there is none.
func (x *CatalogAPI) RestoreProduct(id string) (Product, error) {
	me, err := x.a.guard()
	if err != nil {
		return Product{}, err
	}
	p, err := x.a.svc.Catalog.RestoreProduct(x.a.context(), actorOf(me), id)
	if err != nil {
		return Product{}, err
	}
	return productView(p), nil
}

// TaxClasses returns every tax class by name.
func (x *CatalogAPI) TaxClasses() ([]TaxClass, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	list, err := x.a.svc.Catalog.FindTaxClasses(x.a.context())
	if err != nil {
		return nil, err
	}
	out := make([]TaxClass, 0, len(list))
	for _, t := range list {
		out = append(out, taxClassView(t))
	}
	return out, nil
}

// CreateTaxClass adds a tax class. EINVALID on "name" or "rateBps";
// ECONFLICT on "name" when taken.
func (x *CatalogAPI) CreateTaxClass(in TaxClassInput) (TaxClass, error) {
	me, err := x.a.guard()
	if err != nil {
		return TaxClass{}, err
	}
	t, err := x.a.svc.Catalog.CreateTaxClass(x.a.context(), actorOf(me), catalog.TaxClassInput{Name: in.Name, RateBps: in.RateBps})
	if err != nil {
		return TaxClass{}, err
	}
	return taxClassView(t), nil
}

// UpdateTaxClass changes a tax class's name and rate. ENOTFOUND, EINVALID
// or ECONFLICT as for CreateTaxClass.
func (x *CatalogAPI) UpdateTaxClass(id string, in TaxClassInput) (TaxClass, error) {
	me, err := x.a.guard()
	if err != nil {
		return TaxClass{}, err
	}
	t, err := x.a.svc.Catalog.UpdateTaxClass(x.a.context(), actorOf(me), id,
		catalog.TaxClassUpdate{Name: &in.Name, RateBps: &in.RateBps})
	if err != nil {
		return TaxClass{}, err
	}
	return taxClassView(t), nil
}

// DeleteTaxClass removes a tax class no product uses. ENOTFOUND; ECONFLICT
// while products use it.
func (x *CatalogAPI) DeleteTaxClass(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Catalog.DeleteTaxClass(x.a.context(), actorOf(me), id)
}

// Settings returns the catalog settings.
func (x *CatalogAPI) Settings() (CatalogSettings, error) {
	if _, err := x.a.guard(); err != nil {
		return CatalogSettings{}, err
	}
	s, err := x.a.svc.Catalog.FindSettings(x.a.context())
	if err != nil {
		return CatalogSettings{}, err
	}
	return catalogSettings(s), nil
}

// SetPricesIncludeTax records whether prices include tax.
func (x *CatalogAPI) SetPricesIncludeTax(include bool) (CatalogSettings, error) {
	me, err := x.a.guard()
	if err != nil {
		return CatalogSettings{}, err
	}
	s, err := x.a.svc.Catalog.SetPricesIncludeTax(x.a.context(), actorOf(me), include)
	if err != nil {
		return CatalogSettings{}, err
	}
	return catalogSettings(s), nil
}

// SetTaxMode chooses how new orders compute their tax: "line" (each line's
// tax, summed) or "total" (per rate on the total). Existing orders keep
// theirs. EINVALID on "taxMode".
func (x *CatalogAPI) SetTaxMode(mode string) (CatalogSettings, error) {
	me, err := x.a.guard()
	if err != nil {
		return CatalogSettings{}, err
	}
	s, err := x.a.svc.Catalog.SetTaxMode(x.a.context(), actorOf(me), mode)
	if err != nil {
		return CatalogSettings{}, err
	}
	return catalogSettings(s), nil
}

// PriceLists returns every price list by name.
func (x *CatalogAPI) PriceLists() ([]PriceList, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	lists, err := x.a.svc.Catalog.FindPriceLists(x.a.context())
	if err != nil {
		return nil, err
	}
	out := make([]PriceList, 0, len(lists))
	for _, l := range lists {
		out = append(out, priceListView(l))
	}
	return out, nil
}

// CreatePriceList adds an active price list for a customer group.
// EINVALID on "name", "customerGroup" or "discountBps"; ECONFLICT on
// "name" or "customerGroup".
func (x *CatalogAPI) CreatePriceList(in PriceListInput) (PriceList, error) {
	me, err := x.a.guard()
	if err != nil {
		return PriceList{}, err
	}
	l, err := x.a.svc.Catalog.CreatePriceList(x.a.context(), actorOf(me),
		catalog.PriceListInput{Name: in.Name, CustomerGroup: in.CustomerGroup, DiscountBps: in.DiscountBps})
	if err != nil {
		return PriceList{}, err
	}
	return priceListView(l), nil
}

// UpdatePriceList changes every field of a price list. ENOTFOUND,
// EINVALID or ECONFLICT as for CreatePriceList.
func (x *CatalogAPI) UpdatePriceList(id string, in PriceListInput) (PriceList, error) {
	me, err := x.a.guard()
	if err != nil {
		return PriceList{}, err
	}
	l, err := x.a.svc.Catalog.UpdatePriceList(x.a.context(), actorOf(me), id, catalog.PriceListUpdate{Name: &in.Name,
		CustomerGroup: &in.CustomerGroup, DiscountBps: &in.DiscountBps, Active: &in.Active})
	if err != nil {
		return PriceList{}, err
	}
	return priceListView(l), nil
}

// DeletePriceList removes a price list and its prices; its customer group
// pays default prices from then on. ENOTFOUND if there is none.
func (x *CatalogAPI) DeletePriceList(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Catalog.DeletePriceList(x.a.context(), actorOf(me), id)
}

// PriceListItems returns a page of a list's product prices by SKU.
func (x *CatalogAPI) PriceListItems(listID string, limit, offset int) (PriceListItemPage, error) {
	if _, err := x.a.guard(); err != nil {
		return PriceListItemPage{}, err
	}
	items, total, err := x.a.svc.Catalog.FindPriceListItems(x.a.context(), listID, limit, offset)
	if err != nil {
		return PriceListItemPage{}, err
	}
	out := PriceListItemPage{Items: make([]PriceListItem, 0, len(items)), Total: total}
	for _, it := range items {
		out.Items = append(out.Items, PriceListItem{ProductID: it.ProductID, SKU: it.SKU, Name: it.Name, Price: it.Price})
	}
	return out, nil
}

// SetPriceListItem sets a product's price (minor units) on a list.
// EINVALID on "price"; ENOTFOUND for the list or "productId".
func (x *CatalogAPI) SetPriceListItem(listID, productID string, price int64) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Catalog.SetPriceListItem(x.a.context(), actorOf(me), listID, productID, price)
}

// RemovePriceListItem removes a product's own price from a list.
func (x *CatalogAPI) RemovePriceListItem(listID, productID string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Catalog.RemovePriceListItem(x.a.context(), actorOf(me), listID, productID)
}

// PriceFor returns the unit price (minor units) an order line for the
// product gets for a customer of customerGroup ("" for none): the one
// pricing rule, catalog.PriceFor. ENOTFOUND if there is no such product.
func (x *CatalogAPI) PriceFor(productID, customerGroup string) (int64, error) {
	if _, err := x.a.guard(); err != nil {
		return 0, err
	}
	return x.a.svc.Catalog.PriceFor(x.a.context(), productID, customerGroup)
}
