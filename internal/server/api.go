package server

import (
	"cmp"
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"oms/internal/order"
	"oms/internal/store"
	omsync "oms/internal/sync"
)

// The public API for other programs (a web shop, accounting): read
// products, stock, customers and orders; create orders, which reach the
// workstations as web orders to confirm. Keys are created by an admin
// (oms apikey). openapi.json describes every route; a test holds them equal.

//go:embed openapi.json
var openAPI []byte

// apiRoute is one route of the public API.
type apiRoute struct {
	Method, Path string // Path in OpenAPI form: /api/v1/products/{id}
	Scope        string
	handle       func(s *Server, w http.ResponseWriter, r *http.Request, key APIKey)
}

var apiRoutes = []apiRoute{
	{"GET", "/api/v1/products", ScopeRead, (*Server).apiProducts},
	{"GET", "/api/v1/products/{id}", ScopeRead, (*Server).apiProduct},
	{"GET", "/api/v1/stock", ScopeRead, (*Server).apiStock},
	{"GET", "/api/v1/customers", ScopeRead, (*Server).apiCustomers},
	{"GET", "/api/v1/customers/{id}", ScopeRead, (*Server).apiCustomer},
	{"GET", "/api/v1/orders", ScopeRead, (*Server).apiOrders},
	{"GET", "/api/v1/orders/{id}", ScopeRead, (*Server).apiOrder},
	{"POST", "/api/v1/orders", ScopeWrite, (*Server).apiCreateOrder},
}

func (s *Server) routeAPI(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openAPI)
	})
	for _, rt := range apiRoutes {
		mux.HandleFunc(rt.Method+" "+rt.Path, s.apiAuthed(rt))
	}
}

// apiError is the body of a refused API call.
type apiError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	Field string `json:"field,omitempty"`
}

func apiFail(w http.ResponseWriter, r *http.Request, status int, code, field, format string, args ...any) {
	writeJSON(w, r, status, apiError{Error: fmt.Sprintf(format, args...), Code: code, Field: field})
}

func (s *Server) apiAuthed(rt apiRoute) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		text, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			apiFail(w, r, 401, omsync.CodeUnauthorized, "", "Send the API key as Authorization: Bearer omsk_…")
			return
		}
		key, err := s.db.apiKeyFor(r.Context(), strings.TrimSpace(text), s.now())
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				apiFail(w, r, e.Status, e.Code, "", "%s", e.Msg)
				return
			}
			s.apiInternal(w, r, err)
			return
		}
		if rt.Scope == ScopeWrite && key.Scope != ScopeWrite {
			apiFail(w, r, 403, omsync.CodeForbidden, "", "This API key may only read; creating orders needs a key with scope write.")
			return
		}
		rt.handle(s, w, r, key)
	}
}

func (s *Server) apiInternal(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("public API", "path", r.URL.Path, "error", err)
	apiFail(w, r, 500, omsync.CodeInternal, "", "The server failed; the error is in its log.")
}

// page reads limit (1..500, default 100) and after.
func page(r *http.Request) (limit int, after string, err error) {
	limit = 100
	if v := r.URL.Query().Get("limit"); v != "" {
		n, e := strconv.Atoi(v)
		if e != nil || n < 1 || n > 500 {
			return 0, "", errors.New("limit must be a whole number from 1 to 500")
		}
		limit = n
	}
	return limit, r.URL.Query().Get("after"), nil
}

// list returns up to limit live rows of entity after id, by id, whose
// fields contain every needle.
func (s *Server) list(ctx context.Context, entity, after string, limit int, needles ...string) ([]map[string]json.RawMessage, error) {
	q := `SELECT fields FROM srv_entities WHERE entity = ? AND deleted = '' AND id > ?`
	args := []any{entity, after}
	for _, n := range needles {
		q += ` AND fields LIKE ?`
		args = append(args, "%"+n+"%")
	}
	q += ` ORDER BY id LIMIT ?`
	args = append(args, limit)
	rows, err := s.db.sql.QueryContext(ctx, s.db.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []map[string]json.RawMessage
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			return nil, err
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(f), &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// one returns the live row of entity with id.
func (s *Server) one(ctx context.Context, entity, id string) (map[string]json.RawMessage, bool, error) {
	var f string
	err := s.db.sql.QueryRowContext(ctx, s.db.q(`SELECT fields FROM srv_entities WHERE entity = ? AND id = ? AND deleted = ''`), entity, id).Scan(&f)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var m map[string]json.RawMessage
	return m, true, json.Unmarshal([]byte(f), &m)
}

// byKey returns the id of the live row of entity whose unique key is value.
func (s *Server) byKey(ctx context.Context, entity, keyName, value string) (string, error) {
	var id string
	err := s.db.sql.QueryRowContext(ctx, s.db.q(`SELECT entity_id FROM srv_keys WHERE entity = ? AND key_name = ? AND key_value = ?`),
		entity, keyName, value).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

func (s *Server) uniqueKey(entity string, cols ...string) (store.UniqueKey, bool) {
	for _, k := range s.schema[entity].Unique {
		if strings.Join(k.Columns, ",") == strings.Join(cols, ",") {
			return k, true
		}
	}
	return store.UniqueKey{}, false
}

// keyText is how srv_keys stores the value of a one-column text key.
func keyText(k store.UniqueKey, v string) string {
	s := string(mustJSON(v))
	if k.NoCase[0] {
		s = strings.ToLower(s)
	}
	return s
}

// decode fills v from a row's fields.
func decode(fields map[string]json.RawMessage, v any) error {
	return json.Unmarshal(mustJSON(fields), v)
}

// Product is a product as the API shows it.
type Product struct {
	ID          string `json:"id"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Unit        string `json:"unit"`
	Price       int64  `json:"price"`
	TaxClassID  string `json:"tax_class_id"`
	WeightG     int64  `json:"weight_g"`
	Active      bool   `json:"active"`
	UpdatedAt   string `json:"updated_at"`
}

func productOf(f map[string]json.RawMessage) (Product, error) {
	var row struct {
		Product
		TaxClassID *string `json:"tax_class_id"`
		Active     int     `json:"active"`
	}
	if err := decode(f, &row); err != nil {
		return Product{}, err
	}
	p := row.Product
	p.Active = row.Active == 1
	if row.TaxClassID != nil {
		p.TaxClassID = *row.TaxClassID
	}
	return p, nil
}

type listBody[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"` // the after of the next page, "" at the end
}

func listOf[T any](items []T, limit int, id func(T) string) listBody[T] {
	out := listBody[T]{Items: items}
	if out.Items == nil {
		out.Items = []T{}
	}
	if len(items) == limit {
		out.Next = id(items[len(items)-1])
	}
	return out
}

func (s *Server) apiProducts(w http.ResponseWriter, r *http.Request, _ APIKey) {
	limit, after, err := page(r)
	if err != nil {
		apiFail(w, r, 400, omsync.CodeBadRequest, "limit", "%s", err.Error())
		return
	}
	var rows []map[string]json.RawMessage
	if sku := strings.TrimSpace(r.URL.Query().Get("sku")); sku != "" {
		k, _ := s.uniqueKey("products", "sku")
		id, err := s.byKey(r.Context(), "products", k.Name, keyText(k, sku))
		if err != nil {
			s.apiInternal(w, r, err)
			return
		}
		if id != "" {
			if f, ok, err := s.one(r.Context(), "products", id); err != nil {
				s.apiInternal(w, r, err)
				return
			} else if ok {
				rows = append(rows, f)
			}
		}
	} else if rows, err = s.list(r.Context(), "products", after, limit); err != nil {
		s.apiInternal(w, r, err)
		return
	}
	items := make([]Product, 0, len(rows))
	for _, f := range rows {
		p, err := productOf(f)
		if err != nil {
			s.apiInternal(w, r, err)
			return
		}
		items = append(items, p)
	}
	writeJSON(w, r, 200, listOf(items, limit, func(p Product) string { return p.ID }))
}

func (s *Server) apiProduct(w http.ResponseWriter, r *http.Request, _ APIKey) {
	f, ok, err := s.one(r.Context(), "products", r.PathValue("id"))
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	if !ok {
		apiFail(w, r, 404, "not_found", "id", "No product %q.", r.PathValue("id"))
		return
	}
	p, err := productOf(f)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	writeJSON(w, r, 200, p)
}

// StockLevel is a product's stock in a warehouse, as every workstation's
// movements add up on the server.
type StockLevel struct {
	ProductID   string `json:"product_id"`
	WarehouseID string `json:"warehouse_id"`
	OnHand      int64  `json:"on_hand"`
	Reserved    int64  `json:"reserved"`
	Available   int64  `json:"available"`
}

func (s *Server) apiStock(w http.ResponseWriter, r *http.Request, _ APIKey) {
	product, warehouse := r.URL.Query().Get("product_id"), r.URL.Query().Get("warehouse_id")
	if product == "" && warehouse == "" {
		apiFail(w, r, 400, omsync.CodeBadRequest, "product_id", "Give product_id, warehouse_id or both.")
		return
	}
	rows, err := s.db.sql.QueryContext(r.Context(), s.db.q(`SELECT product_id, warehouse_id, on_hand, reserved FROM srv_stock
		WHERE (? = '' OR product_id = ?) AND (? = '' OR warehouse_id = ?) ORDER BY product_id, warehouse_id LIMIT 1000`),
		product, product, warehouse, warehouse)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	defer rows.Close()
	items := []StockLevel{}
	for rows.Next() {
		var l StockLevel
		if err := rows.Scan(&l.ProductID, &l.WarehouseID, &l.OnHand, &l.Reserved); err != nil {
			s.apiInternal(w, r, err)
			return
		}
		l.Available = l.OnHand - l.Reserved
		items = append(items, l)
	}
	if err := rows.Err(); err != nil {
		s.apiInternal(w, r, err)
		return
	}
	writeJSON(w, r, 200, listBody[StockLevel]{Items: items})
}

// Customer is a customer as the API shows it.
type Customer struct {
	ID            string `json:"id"`
	Code          string `json:"code"`
	Name          string `json:"name"`
	Company       string `json:"company"`
	Email         string `json:"email"`
	Phone         string `json:"phone"`
	TaxID         string `json:"tax_id"`
	CustomerGroup string `json:"customer_group"`
	Active        bool   `json:"active"`
	UpdatedAt     string `json:"updated_at"`
}

func customerOf(f map[string]json.RawMessage) (Customer, error) {
	var row struct {
		Customer
		Active int `json:"active"`
	}
	if err := decode(f, &row); err != nil {
		return Customer{}, err
	}
	c := row.Customer
	c.Active = row.Active == 1
	return c, nil
}

func (s *Server) apiCustomers(w http.ResponseWriter, r *http.Request, _ APIKey) {
	limit, after, err := page(r)
	if err != nil {
		apiFail(w, r, 400, omsync.CodeBadRequest, "limit", "%s", err.Error())
		return
	}
	rows, err := s.list(r.Context(), "customers", after, limit)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	items := make([]Customer, 0, len(rows))
	for _, f := range rows {
		c, err := customerOf(f)
		if err != nil {
			s.apiInternal(w, r, err)
			return
		}
		items = append(items, c)
	}
	writeJSON(w, r, 200, listOf(items, limit, func(c Customer) string { return c.ID }))
}

func (s *Server) apiCustomer(w http.ResponseWriter, r *http.Request, _ APIKey) {
	f, ok, err := s.one(r.Context(), "customers", r.PathValue("id"))
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	if !ok {
		apiFail(w, r, 404, "not_found", "id", "No customer %q.", r.PathValue("id"))
		return
	}
	c, err := customerOf(f)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	writeJSON(w, r, 200, c)
}

// Order is an order as the API shows it.
type Order struct {
	ID              string          `json:"id"`
	Number          string          `json:"number"`
	Status          string          `json:"status"`
	Channel         string          `json:"channel"`
	CustomerID      string          `json:"customer_id"`
	WarehouseID     string          `json:"warehouse_id"`
	Currency        string          `json:"currency"`
	BillingAddress  json.RawMessage `json:"billing_address"`
	ShippingAddress json.RawMessage `json:"shipping_address"`
	Notes           string          `json:"notes"`
	Subtotal        int64           `json:"subtotal"`
	DiscountTotal   int64           `json:"discount_total"`
	NetTotal        int64           `json:"net_total"`
	TaxTotal        int64           `json:"tax_total"`
	Shipping        int64           `json:"shipping"`
	Total           int64           `json:"total"`
	CreatedAt       string          `json:"created_at"`
	UpdatedAt       string          `json:"updated_at"`
	Lines           []OrderLine     `json:"lines"`
}

// OrderLine is a line of an order.
type OrderLine struct {
	ID          string `json:"id"`
	LineNo      int64  `json:"line_no"`
	ProductID   string `json:"product_id"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	UnitPrice   int64  `json:"unit_price"`
	TaxRateBps  int64  `json:"tax_rate_bps"`
	Net         int64  `json:"net"`
	Tax         int64  `json:"tax"`
	Gross       int64  `json:"gross"`
	Reserved    int64  `json:"reserved"`
	Backordered int64  `json:"backordered"`
	Shipped     int64  `json:"shipped"`
}

func (s *Server) orderOf(ctx context.Context, f map[string]json.RawMessage, withLines bool) (Order, error) {
	var row struct {
		Order
		CustomerID      *string `json:"customer_id"`
		BillingAddress  string  `json:"billing_address"`
		ShippingAddress string  `json:"shipping_address"`
		Lines           any     `json:"lines,omitempty"`
	}
	if err := decode(f, &row); err != nil {
		return Order{}, err
	}
	o := row.Order
	if row.CustomerID != nil {
		o.CustomerID = *row.CustomerID
	}
	o.BillingAddress, o.ShippingAddress = address(row.BillingAddress), address(row.ShippingAddress)
	o.Lines = []OrderLine{}
	if !withLines {
		o.Lines = nil
		return o, nil
	}
	rows, err := s.db.sql.QueryContext(ctx, s.db.q(`SELECT fields FROM srv_entities WHERE entity = 'order_lines' AND ref = ? AND deleted = ''`), o.ID)
	if err != nil {
		return o, err
	}
	defer rows.Close()
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return o, err
		}
		var l OrderLine
		if err := json.Unmarshal([]byte(text), &l); err != nil {
			return o, err
		}
		o.Lines = append(o.Lines, l)
	}
	slices.SortFunc(o.Lines, func(a, b OrderLine) int { return cmp.Compare(a.LineNo, b.LineNo) })
	return o, rows.Err()
}

// address is the JSON object of an address column ({} when not valid).
func address(text string) json.RawMessage {
	if text == "" || !json.Valid([]byte(text)) {
		return json.RawMessage(`{}`)
	}
	return json.RawMessage(text)
}

var orderStatuses = map[string]bool{"draft": true, "confirmed": true, "picking": true, "packed": true, "shipped": true, "delivered": true, "cancelled": true}

func (s *Server) apiOrders(w http.ResponseWriter, r *http.Request, _ APIKey) {
	limit, after, err := page(r)
	if err != nil {
		apiFail(w, r, 400, omsync.CodeBadRequest, "limit", "%s", err.Error())
		return
	}
	var needles []string
	if st := r.URL.Query().Get("status"); st != "" {
		if !orderStatuses[st] {
			apiFail(w, r, 400, omsync.CodeBadRequest, "status", "status must be one of draft, confirmed, picking, packed, shipped, delivered, cancelled.")
			return
		}
		needles = append(needles, `"status":"`+st+`"`)
	}
	rows, err := s.list(r.Context(), "orders", after, limit, needles...)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	items := make([]Order, 0, len(rows))
	for _, f := range rows {
		o, err := s.orderOf(r.Context(), f, false)
		if err != nil {
			s.apiInternal(w, r, err)
			return
		}
		items = append(items, o)
	}
	writeJSON(w, r, 200, listOf(items, limit, func(o Order) string { return o.ID }))
}

func (s *Server) apiOrder(w http.ResponseWriter, r *http.Request, _ APIKey) {
	f, ok, err := s.one(r.Context(), "orders", r.PathValue("id"))
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	if !ok {
		apiFail(w, r, 404, "not_found", "id", "No order %q.", r.PathValue("id"))
		return
	}
	o, err := s.orderOf(r.Context(), f, true)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	writeJSON(w, r, 200, o)
}

// NewOrder is the body of POST /api/v1/orders.
type NewOrder struct {
	CustomerID      string          `json:"customer_id"`
	WarehouseID     string          `json:"warehouse_id"`
	WarehouseCode   string          `json:"warehouse_code"`
	Currency        string          `json:"currency"`
	BillingAddress  json.RawMessage `json:"billing_address"`
	ShippingAddress json.RawMessage `json:"shipping_address"`
	Notes           string          `json:"notes"`
	Shipping        int64           `json:"shipping"`
	Reference       string          `json:"reference"`
	Lines           []NewOrderLine  `json:"lines"`
}

// NewOrderLine is a line of a new order: the product by id or SKU.
type NewOrderLine struct {
	ProductID string `json:"product_id"`
	SKU       string `json:"sku"`
	Quantity  int64  `json:"quantity"`
}

// MaxAPILines is the most lines an order created through the API may have.
const MaxAPILines = 500

type fieldError struct{ field, msg string }

func (e *fieldError) Error() string { return e.msg }

func invalid(field, format string, args ...any) error {
	return &fieldError{field, fmt.Sprintf(format, args...)}
}

func (s *Server) apiCreateOrder(w http.ResponseWriter, r *http.Request, key APIKey) {
	var in NewOrder
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		apiFail(w, r, 400, omsync.CodeBadRequest, "", "The body is not a valid order: %v", err)
		return
	}
	idem := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if len(idem) > 200 || !utf8.ValidString(idem) {
		apiFail(w, r, 400, omsync.CodeBadRequest, "Idempotency-Key", "The Idempotency-Key header must be at most 200 characters.")
		return
	}
	id, created, err := s.createOrder(r.Context(), key, in, idem)
	var fe *fieldError
	switch {
	case errors.As(err, &fe):
		apiFail(w, r, 422, "invalid", fe.field, "%s", fe.msg)
		return
	case err != nil:
		s.apiInternal(w, r, err)
		return
	}
	f, _, err := s.one(r.Context(), "orders", id)
	if err != nil || f == nil {
		s.apiInternal(w, r, fmt.Errorf("read the new order %s: %v", id, err))
		return
	}
	o, err := s.orderOf(r.Context(), f, true)
	if err != nil {
		s.apiInternal(w, r, err)
		return
	}
	status := 201
	if !created {
		status = 200
	}
	writeJSON(w, r, status, o)
}

// createOrder writes a web order as the server's own change, in one
// transaction with the same lock as a push: the header, its lines priced
// from the catalog, and its history, numbered WEB-000001 and on. With an
// idempotency key seen before, it returns the order created then.
func (s *Server) createOrder(ctx context.Context, key APIKey, in NewOrder, idem string) (string, bool, error) {
	tx, err := s.db.begin(ctx)
	if err != nil {
		return "", false, err
	}
	defer tx.Rollback()
	var pos, webSeq int64
	var clock store.HLC
	if err := tx.queryRow(`UPDATE srv_meta SET position = position WHERE id = 1 RETURNING position, hlc_wall, hlc_counter, web_seq`).
		Scan(&pos, &clock.Wall, &clock.Counter, &webSeq); err != nil {
		return "", false, err
	}
	if idem != "" {
		var id string
		err := tx.queryRow(`SELECT order_id FROM srv_api_requests WHERE key_id = ? AND idempotency_key = ?`, key.ID, idem).Scan(&id)
		if err == nil {
			return id, false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", false, err
		}
	}
	a := &applier{s: s, tx: tx, pos: pos, clock: clock, now: s.now(), cells: map[cell]bool{}}
	doc, lines, err := s.priceOrder(ctx, a, in)
	if err != nil {
		return "", false, err
	}
	webSeq++
	orderID := store.NewID()
	now := store.FormatTime(a.now)
	doc["id"], doc["number"], doc["created_by"], doc["created_at"], doc["updated_at"] = orderID, fmt.Sprintf("WEB-%06d", webSeq), "api:"+key.Name, now, now
	if err := a.writeServerDoc("orders", orderID, doc); err != nil {
		return "", false, err
	}
	for i, l := range lines {
		lineID := store.NewID()
		l["id"], l["order_id"], l["line_no"], l["created_at"], l["updated_at"] = lineID, orderID, i+1, now, now
		if err := a.writeServerDoc("order_lines", lineID, l); err != nil {
			return "", false, err
		}
	}
	note := "Received through the API from " + key.Name
	if in.Reference != "" {
		note += " (reference " + in.Reference + ")"
	}
	evID := store.NewID()
	if err := a.writeServerDoc("order_events", evID, map[string]any{"id": evID, "order_id": orderID, "from_status": "", "to_status": "draft",
		"user_id": "", "user_name": "api:" + key.Name, "note": note, "at": now}); err != nil {
		return "", false, err
	}
	if idem != "" {
		if _, err := tx.exec(`INSERT INTO srv_api_requests (key_id, idempotency_key, order_id, created_at) VALUES (?, ?, ?, ?)`, key.ID, idem, orderID, now); err != nil {
			return "", false, err
		}
	}
	if _, err := tx.exec(`UPDATE srv_meta SET position = ?, hlc_wall = ?, hlc_counter = ?, web_seq = ? WHERE id = 1`, a.pos, a.clock.Wall, a.clock.Counter, webSeq); err != nil {
		return "", false, err
	}
	if err := tx.Commit(); err != nil {
		return "", false, err
	}
	return orderID, true, nil
}

// priceOrder checks a new order against the merged catalog and prices it
// as a workstation would a draft (order.ComputeTotals, the catalog's tax
// settings, each product's price and tax class).
func (s *Server) priceOrder(ctx context.Context, a *applier, in NewOrder) (map[string]any, []map[string]any, error) {
	if len(in.Lines) == 0 || len(in.Lines) > MaxAPILines {
		return nil, nil, invalid("lines", "An order needs 1 to %d lines.", MaxAPILines)
	}
	if in.Shipping < 0 || in.Shipping > 1_000_000_000 {
		return nil, nil, invalid("shipping", "shipping is the charge in minor units (cents), from 0.")
	}
	if !utf8.ValidString(in.Notes) || utf8.RuneCountInString(in.Notes) > 2000 {
		return nil, nil, invalid("notes", "notes must be text of at most 2000 characters.")
	}
	if !utf8.ValidString(in.Reference) || utf8.RuneCountInString(in.Reference) > 100 {
		return nil, nil, invalid("reference", "reference must be text of at most 100 characters.")
	}
	addr := func(field string, raw json.RawMessage) (string, error) {
		if len(raw) == 0 || string(raw) == "null" {
			return "{}", nil
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			return "", invalid(field, "%s must be an object of text fields (name, line1, postal_code, city, country, ...).", field)
		}
		for k, v := range m {
			if utf8.RuneCountInString(k) > 40 || utf8.RuneCountInString(v) > 200 || !utf8.ValidString(v) {
				return "", invalid(field, "%s.%s is too long.", field, k)
			}
		}
		return string(mustJSON(m)), nil
	}
	billing, err := addr("billing_address", in.BillingAddress)
	if err != nil {
		return nil, nil, err
	}
	shipping, err := addr("shipping_address", in.ShippingAddress)
	if err != nil {
		return nil, nil, err
	}
	// Warehouse, by id or code.
	warehouseID := in.WarehouseID
	if warehouseID == "" && in.WarehouseCode != "" {
		k, _ := s.uniqueKey("warehouses", "code")
		if warehouseID, err = s.byKey(ctx, "warehouses", k.Name, keyText(k, in.WarehouseCode)); err != nil {
			return nil, nil, err
		}
	}
	if warehouseID == "" {
		return nil, nil, invalid("warehouse_code", "Give the warehouse the order ships from: warehouse_code (e.g. MAIN) or warehouse_id.")
	}
	if _, ok, err := s.one(ctx, "warehouses", warehouseID); err != nil {
		return nil, nil, err
	} else if !ok {
		return nil, nil, invalid("warehouse_code", "No warehouse %q.", cmp.Or(in.WarehouseCode, in.WarehouseID))
	}
	company, ok, err := s.one(ctx, "company", "company")
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, invalid("currency", "The business has not been set up yet: no workstation has synced its company.")
	}
	var currency string
	_ = json.Unmarshal(company["currency"], &currency)
	if in.Currency != "" && !strings.EqualFold(in.Currency, currency) {
		return nil, nil, invalid("currency", "Orders are in %s; this one says %s.", currency, in.Currency)
	}
	var customerGroup string
	var customerID any
	if in.CustomerID != "" {
		c, ok, err := s.one(ctx, "customers", in.CustomerID)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			return nil, nil, invalid("customer_id", "No customer %q.", in.CustomerID)
		}
		_ = json.Unmarshal(c["customer_group"], &customerGroup)
		customerID = in.CustomerID
	}
	settings, _, err := s.one(ctx, "catalog_settings", "catalog")
	if err != nil {
		return nil, nil, err
	}
	var inclTax int64
	taxMode := "line"
	_ = json.Unmarshal(settings["prices_include_tax"], &inclTax)
	_ = json.Unmarshal(settings["tax_mode"], &taxMode)
	mode, err := order.ParseTaxMode(taxMode)
	if err != nil {
		return nil, nil, err
	}
	type line struct {
		p       Product
		qty     int64
		rateBps int64
	}
	var ls []line
	skuKey, _ := s.uniqueKey("products", "sku")
	for i, l := range in.Lines {
		field := fmt.Sprintf("lines[%d]", i)
		if l.Quantity < 1 || l.Quantity > order.MaxQuantity {
			return nil, nil, invalid(field+".quantity", "Line %d: the quantity must be a whole number from 1 to %d.", i+1, order.MaxQuantity)
		}
		id := l.ProductID
		if id == "" && l.SKU != "" {
			if id, err = s.byKey(ctx, "products", skuKey.Name, keyText(skuKey, l.SKU)); err != nil {
				return nil, nil, err
			}
		}
		if id == "" && l.SKU == "" {
			return nil, nil, invalid(field+".sku", "Line %d: give the product's sku or product_id.", i+1)
		}
		f, ok, err := s.one(ctx, "products", id)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			return nil, nil, invalid(field+".sku", "Line %d: no product %q.", i+1, cmp.Or(l.SKU, l.ProductID))
		}
		p, err := productOf(f)
		if err != nil {
			return nil, nil, err
		}
		if !p.Active {
			return nil, nil, invalid(field+".sku", "Line %d: %s is archived and cannot be sold.", i+1, p.SKU)
		}
		var rate int64
		if p.TaxClassID != "" {
			if tc, ok, err := s.one(ctx, "tax_classes", p.TaxClassID); err != nil {
				return nil, nil, err
			} else if ok {
				_ = json.Unmarshal(tc["rate_bps"], &rate)
			}
		}
		ls = append(ls, line{p, l.Quantity, rate})
	}
	ti := order.TotalsInput{Shipping: in.Shipping, PricesIncludeTax: inclTax == 1, TaxMode: mode}
	for _, l := range ls {
		ti.Lines = append(ti.Lines, order.PriceLine{UnitPrice: l.p.Price, Quantity: l.qty, TaxRateBps: l.rateBps})
	}
	t, err := order.ComputeTotals(ti)
	if err != nil {
		return nil, nil, invalid("lines", "%s", err.Error())
	}
	doc := map[string]any{"customer_id": customerID, "customer_group": customerGroup, "channel": "web", "status": "draft",
		"warehouse_id": warehouseID, "billing_address": billing, "shipping_address": shipping, "notes": in.Notes,
		"discount_bps": 0, "shipping": t.Shipping, "shipping_tax": t.ShippingTax, "currency": currency, "prices_include_tax": inclTax,
		"subtotal": t.Subtotal, "discount_total": t.Discount, "net_total": t.Net, "tax_total": t.Tax, "total": t.Total,
		"version": 1, "tax_mode": string(mode)}
	var lines []map[string]any
	for i, l := range ls {
		lt := t.Lines[i]
		var taxClass any = l.p.TaxClassID
		lines = append(lines, map[string]any{"product_id": l.p.ID, "sku": l.p.SKU, "name": l.p.Name, "quantity": l.qty,
			"unit_price": l.p.Price, "discount_bps": 0, "discount_amount": 0, "tax_class_id": taxClass, "tax_rate_bps": l.rateBps,
			"discount": lt.Discount, "net": lt.Net, "tax": lt.Tax, "gross": lt.Gross, "reserved": 0, "backordered": 0, "picked": 0, "shipped": 0})
	}
	return doc, lines, nil
}
