package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
)

// apiCall calls the public API with key and decodes the answer into out
// (when not nil); it returns the status.
func apiCall(t *testing.T, h *hub, method, path, key string, body any, out any, header ...string) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, h.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %d %s: %v", method, path, resp.StatusCode, b, err)
		}
	}
	return resp.StatusCode
}

// apiStation sets up a business on a workstation, syncs it, and returns a
// read key and a write key.
func apiStation(t *testing.T, h *hub) (st *station, p *catalog.Product, w *stock.Warehouse, c *customer.Customer, readKey, writeKey string) {
	t.Helper()
	ctx := context.Background()
	st = newStation(t)
	_, err := company.NewService(st.db, auth.NewService(st.db)).Setup(ctx, company.Input{Name: "Acme", Country: "DE", Currency: "EUR"},
		auth.UserInput{Name: "admin", FullName: "Admin", Password: "long-enough-pw"})
	st.must(err)
	_, err = st.cat.SetPricesIncludeTax(ctx, actor, true)
	st.must(err)
	tc, err := st.cat.CreateTaxClass(ctx, actor, catalog.TaxClassInput{Name: "Standard", RateBps: 1900})
	st.must(err)
	w, err = st.stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	st.must(err)
	p, err = st.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "Bolt-8", Name: "Bolt M8", Price: 1190, TaxClassID: tc.ID})
	st.must(err)
	_, err = st.stock.PostMovement(ctx, actor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID, WarehouseID: w.ID, Quantity: 10})
	st.must(err)
	c, err = customer.NewService(st.db).CreateCustomer(ctx, actor, customer.CustomerInput{Code: "C-1", Name: "Ann <b>Smith</b>", Email: "ann@example.com"})
	st.must(err)
	h.enrol(st, "Counter")
	st.sync()
	_, readKey, err = h.db.CreateAPIKey(ctx, "Accounting", ScopeRead, time.Now())
	st.must(err)
	_, writeKey, err = h.db.CreateAPIKey(ctx, "Web shop", ScopeWrite, time.Now())
	st.must(err)
	return
}

func TestAPI_ReadsWhatWorkstationsSynced(t *testing.T) {
	h := newHub(t, "")
	_, p, w, c, key, _ := apiStation(t, h)

	var products listBody[Product]
	if code := apiCall(t, h, "GET", "/api/v1/products", key, nil, &products); code != 200 || len(products.Items) != 1 || products.Items[0].SKU != "Bolt-8" || products.Items[0].Price != 1190 || !products.Items[0].Active {
		t.Fatalf("products: %d %+v", code, products)
	}
	var bySKU listBody[Product]
	apiCall(t, h, "GET", "/api/v1/products?sku=BOLT-8", key, nil, &bySKU)
	if len(bySKU.Items) != 1 || bySKU.Items[0].ID != p.ID {
		t.Fatalf("by SKU (any case): %+v", bySKU)
	}
	var one Product
	if code := apiCall(t, h, "GET", "/api/v1/products/"+p.ID, key, nil, &one); code != 200 || one.Name != "Bolt M8" {
		t.Fatalf("one product: %d %+v", code, one)
	}
	var levels listBody[StockLevel]
	apiCall(t, h, "GET", "/api/v1/stock?product_id="+p.ID, key, nil, &levels)
	if len(levels.Items) != 1 || levels.Items[0].WarehouseID != w.ID || levels.Items[0].OnHand != 10 || levels.Items[0].Available != 10 {
		t.Fatalf("stock: %+v", levels)
	}
	var cust Customer
	if code := apiCall(t, h, "GET", "/api/v1/customers/"+c.ID, key, nil, &cust); code != 200 || cust.Name != "Ann <b>Smith</b>" || cust.Code != "C-1" {
		t.Fatalf("customer: %d %+v", code, cust)
	}

	cases := []struct {
		name, method, path, key string
		body                    any
		status                  int
		code, field             string
	}{
		{"no key", "GET", "/api/v1/products", "", nil, 401, "unauthorized", ""},
		{"unknown key", "GET", "/api/v1/products", "omsk_nope", nil, 401, "unauthorized", ""},
		{"read key cannot create", "POST", "/api/v1/orders", key, NewOrder{}, 403, "forbidden", ""},
		{"bad limit", "GET", "/api/v1/products?limit=0", key, nil, 400, "bad_request", "limit"},
		{"huge limit", "GET", "/api/v1/customers?limit=100000", key, nil, 400, "bad_request", "limit"},
		{"bad status", "GET", "/api/v1/orders?status=lost", key, nil, 400, "bad_request", "status"},
		{"stock needs a filter", "GET", "/api/v1/stock", key, nil, 400, "bad_request", "product_id"},
		{"unknown product", "GET", "/api/v1/products/nope", key, nil, 404, "not_found", "id"},
		{"unknown order", "GET", "/api/v1/orders/nope", key, nil, 404, "not_found", "id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var e apiError
			if code := apiCall(t, h, tc.method, tc.path, tc.key, tc.body, &e); code != tc.status || e.Code != tc.code || e.Field != tc.field || e.Error == "" {
				t.Fatalf("got %d %+v, want %d %s on %q", code, e, tc.status, tc.code, tc.field)
			}
		})
	}
}

func TestAPI_CreateOrderReachesTheWorkstationAsAWebDraft(t *testing.T) {
	ctx := context.Background()
	h := newHub(t, "")
	st, p, _, c, _, key := apiStation(t, h)

	in := NewOrder{CustomerID: c.ID, WarehouseCode: "main", Shipping: 490, Reference: "shop-1001",
		ShippingAddress: json.RawMessage(`{"name":"Ann Smith","line1":"Main St 1","city":"Berlin","country":"DE"}`),
		Lines:           []NewOrderLine{{SKU: "bolt-8", Quantity: 3}}}
	var o Order
	if code := apiCall(t, h, "POST", "/api/v1/orders", key, in, &o, "Idempotency-Key", "k-1"); code != 201 {
		t.Fatalf("create: %d %+v", code, o)
	}
	if o.Number != "WEB-000001" || o.Status != "draft" || o.Channel != "web" || len(o.Lines) != 1 || o.Lines[0].ProductID != p.ID {
		t.Fatalf("created %+v", o)
	}
	// 3 x 11.90 gross at 19 % plus 4.90 shipping.
	if o.Total != 3*1190+490 || o.Lines[0].Gross != 3570 || o.Lines[0].Tax != 570 {
		t.Fatalf("totals: total %d, line gross %d tax %d", o.Total, o.Lines[0].Gross, o.Lines[0].Tax)
	}
	var again Order
	if code := apiCall(t, h, "POST", "/api/v1/orders", key, in, &again, "Idempotency-Key", "k-1"); code != 200 || again.ID != o.ID {
		t.Fatalf("the same Idempotency-Key made another order: %d %s vs %s", code, again.ID, o.ID)
	}
	var second Order
	if code := apiCall(t, h, "POST", "/api/v1/orders", key, in, &second, "Idempotency-Key", "k-2"); code != 201 || second.Number != "WEB-000002" {
		t.Fatalf("a second order: %d %+v", code, second)
	}

	// The workstation pulls it as a web draft with the same totals, and
	// confirms it like any draft: stock is reserved.
	st.sync()
	got, err := st.orders.FindOrderByID(ctx, o.ID)
	st.must(err)
	if got.Number != "WEB-000001" || got.Channel != order.ChannelWeb || got.Status != order.StatusDraft || got.Total != o.Total || len(got.Lines) != 1 {
		t.Fatalf("on the workstation: %+v", got)
	}
	confirmed, err := st.orders.Confirm(ctx, actor, got.ID, got.Version)
	st.must(err)
	if confirmed.Total != o.Total || confirmed.Lines[0].Reserved != 3 {
		t.Fatalf("confirmed: total %d (was %d), reserved %d", confirmed.Total, o.Total, confirmed.Lines[0].Reserved)
	}
	st.sync()
	var after Order
	apiCall(t, h, "GET", "/api/v1/orders/"+o.ID, key, nil, &after)
	if after.Status != "confirmed" || after.Lines[0].Reserved != 3 {
		t.Fatalf("the API sees %s with %d reserved", after.Status, after.Lines[0].Reserved)
	}
	var drafts listBody[Order]
	apiCall(t, h, "GET", "/api/v1/orders?status=draft", key, nil, &drafts)
	if len(drafts.Items) != 1 || drafts.Items[0].ID != second.ID {
		t.Fatalf("drafts: %+v", drafts.Items)
	}

	bad := []struct {
		name  string
		in    any
		field string
	}{
		{"no lines", NewOrder{WarehouseCode: "MAIN"}, "lines"},
		{"unknown sku", NewOrder{WarehouseCode: "MAIN", Lines: []NewOrderLine{{SKU: "NOPE", Quantity: 1}}}, "lines[0].sku"},
		{"zero quantity", NewOrder{WarehouseCode: "MAIN", Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 0}}}, "lines[0].quantity"},
		{"huge quantity", NewOrder{WarehouseCode: "MAIN", Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 2_000_000_000}}}, "lines[0].quantity"},
		{"no warehouse", NewOrder{Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 1}}}, "warehouse_code"},
		{"unknown warehouse", NewOrder{WarehouseCode: "X", Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 1}}}, "warehouse_code"},
		{"other currency", NewOrder{WarehouseCode: "MAIN", Currency: "USD", Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 1}}}, "currency"},
		{"unknown customer", NewOrder{WarehouseCode: "MAIN", CustomerID: "c-x", Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 1}}}, "customer_id"},
		{"negative shipping", NewOrder{WarehouseCode: "MAIN", Shipping: -1, Lines: []NewOrderLine{{SKU: "BOLT-8", Quantity: 1}}}, "shipping"},
		{"address not an object", map[string]any{"warehouse_code": "MAIN", "shipping_address": "Main St", "lines": []any{map[string]any{"sku": "BOLT-8", "quantity": 1}}}, "shipping_address"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			var e apiError
			if code := apiCall(t, h, "POST", "/api/v1/orders", key, tc.in, &e); code != 422 || e.Field != tc.field {
				t.Fatalf("got %d %+v, want 422 on %s", code, e, tc.field)
			}
		})
	}
	for _, body := range []string{`{"lines": [{"sku": "BOLT-8", "quantity": "2"}]}`, `{"linez": []}`, `not json`} {
		req, _ := http.NewRequest("POST", h.url+"/api/v1/orders", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("body %s: %d, want 400", body, resp.StatusCode)
		}
	}
	var n int
	if err := h.db.sql.QueryRow(`SELECT count(*) FROM srv_entities WHERE entity = 'orders'`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d orders on the server after the refusals (%v), want 2", n, err)
	}
}

// TestOpenAPI_DescribesEveryRoute holds the document and the routes equal:
// every route is described with its path parameters and its answers, and
// every described operation is served.
func TestOpenAPI_DescribesEveryRoute(t *testing.T) {
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Summary     string `json:"summary"`
			Parameters  []struct {
				Name, In string
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	h := newHub(t, "")
	if code := apiCall(t, h, "GET", "/api/openapi.json", "", nil, &doc); code != 200 || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %d %q", code, doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, rt := range apiRoutes {
		key := strings.ToLower(rt.Method) + " " + rt.Path
		served[key] = true
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("%s is served but not in openapi.json", key)
			continue
		}
		if op.OperationID == "" || op.Summary == "" {
			t.Errorf("%s has no operationId or summary", key)
		}
		for _, seg := range strings.Split(rt.Path, "/") {
			if strings.HasPrefix(seg, "{") {
				name := strings.Trim(seg, "{}")
				if !slices.ContainsFunc(op.Parameters, func(p struct{ Name, In string }) bool { return p.Name == name && p.In == "path" }) {
					t.Errorf("%s does not describe its path parameter %s", key, name)
				}
			}
		}
		if _, ok := op.Responses["401"]; !ok {
			t.Errorf("%s does not describe 401", key)
		}
		// The route answers (401 without a key), so it is really mounted.
		req, _ := http.NewRequest(rt.Method, h.url+strings.ReplaceAll(rt.Path, "{id}", "x"), nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("%s without a key answered %d, want 401", key, resp.StatusCode)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !served[method+" "+path] {
				t.Errorf("openapi.json describes %s %s, which is not served", method, path)
			}
		}
	}
}
