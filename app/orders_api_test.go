package app

import (
	"context"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/store"
)

// TestOrdersAPI_FindOrdersByPaymentStatus checks the list's payment status
// filter and column through the bound API, as the orders screen calls it.
func TestOrdersAPI_FindOrdersByPaymentStatus(t *testing.T) {
	a, _ := newAdminApp(t)
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	p, err := a.svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "WIDGET", Name: "Widget", Price: 1000})
	if err != nil {
		t.Fatal(err)
	}
	draft := func() *order.Order {
		o, err := a.svc.Orders.CreateOrder(ctx, actor, order.OrderInput{})
		if err != nil {
			t.Fatal(err)
		}
		if o, err = a.svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 2}); err != nil {
			t.Fatal(err)
		}
		return o
	}
	paid, part, unpaid := draft(), draft(), draft()
	if _, err := a.Payments.AddPayment(paid.ID, PaymentRequest{MethodID: "card", Amount: paid.Total}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Payments.AddPayment(part.ID, PaymentRequest{MethodID: "card", Amount: 500}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		q    OrderQuery
		want []string
	}{
		{"Any", OrderQuery{}, []string{unpaid.ID, part.ID, paid.ID}},
		{"Paid", OrderQuery{PaymentStatus: "paid"}, []string{paid.ID}},
		{"PartlyPaid", OrderQuery{PaymentStatus: "partly_paid"}, []string{part.ID}},
		{"Unpaid", OrderQuery{PaymentStatus: "unpaid"}, []string{unpaid.ID}},
		{"UnpaidDrafts", OrderQuery{PaymentStatus: "unpaid", Status: "draft"}, []string{unpaid.ID}},
		{"PaidConfirmed", OrderQuery{PaymentStatus: "paid", Status: "confirmed"}, nil},
		{"Refunded", OrderQuery{PaymentStatus: "refunded"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := a.Orders.FindOrders(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != len(tc.want) || len(page.Items) != len(tc.want) {
				t.Fatalf("%d of %d orders, want %d", len(page.Items), page.Total, len(tc.want))
			}
			for i, o := range page.Items {
				if o.ID != tc.want[i] {
					t.Fatalf("item %d is %s, want %s", i, o.Number, tc.want[i])
				}
				if tc.q.PaymentStatus != "" && o.PaymentStatus != tc.q.PaymentStatus {
					t.Fatalf("%s listed with payment status %q", o.Number, o.PaymentStatus)
				}
			}
		})
	}
	page, err := a.Orders.FindOrders(OrderQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"unpaid", "partly_paid", "paid"} {
		if got := page.Items[i].PaymentStatus; got != want {
			t.Errorf("%s: payment status %q, want %q", page.Items[i].Number, got, want)
		}
	}
	if v, err := a.Orders.Order(paid.ID); err != nil || v.PaymentStatus != "paid" {
		t.Fatalf("order page: %q, %v", v.PaymentStatus, err)
	}

	for _, bad := range []string{"PAID", "settled", "partly paid"} {
		page, err := a.Orders.FindOrders(OrderQuery{PaymentStatus: bad})
		if errs.Code(err) != errs.EINVALID || errs.Field(err) != "paymentStatus" || page.Items == nil {
			t.Fatalf("%q: %+v, %v", bad, page, err)
		}
		if dto, _ := a.FormatError(err).(string); !strings.Contains(dto, `"field":"paymentStatus"`) ||
			!strings.Contains(dto, "is not a payment status; choose unpaid, partly paid, paid, overpaid or refunded.") {
			t.Fatalf("error DTO = %s", dto)
		}
	}
}
