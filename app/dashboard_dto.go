package app

import (
	"time"

	"oms/internal/dashboard"
)

// DashboardView is the managers' dashboard; dashboard.Summary defines each
// figure. Money is in minor units of Currency, the company's currency;
// days are those of the workstation's time zone, TimeZone.
type DashboardView struct {
	Currency      string                  `json:"currency"`
	TimeZone      string                  `json:"timeZone"`
	WarehouseID   string                  `json:"warehouseId"`
	GeneratedAt   string                  `json:"generatedAt"`
	Today         DashboardSales          `json:"today"`
	Month         DashboardSales          `json:"month"`
	Daily         []DashboardDay          `json:"daily"`
	ByStatus      []DashboardStatusCount  `json:"byStatus"`
	TopByQuantity []DashboardProductSales `json:"topByQuantity"`
	TopByRevenue  []DashboardProductSales `json:"topByRevenue"`
	LowStock      int                     `json:"lowStock"`
	Exceptions    DashboardExceptions     `json:"exceptions"`
}

// DashboardSales sums the sales (orders confirmed or later, not cancelled)
// created in [from, to): their count, gross total, the refunds recorded
// against them (paid out or pending) and gross less those refunds.
type DashboardSales struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Orders  int    `json:"orders"`
	Gross   int64  `json:"gross"`
	Refunds int64  `json:"refunds"`
	Net     int64  `json:"net"`
}

// DashboardDay is one local day's sales; date is YYYY-MM-DD.
type DashboardDay struct {
	Date   string `json:"date"`
	Orders int    `json:"orders"`
	Gross  int64  `json:"gross"`
}

// DashboardStatusCount is how many orders are in a status now.
type DashboardStatusCount struct {
	Status string `json:"status"`
	Orders int    `json:"orders"`
}

// DashboardProductSales is what a product sold this month: units and the
// sum of its lines' gross amounts.
type DashboardProductSales struct {
	ProductID string `json:"productId"`
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Quantity  int64  `json:"quantity"`
	Revenue   int64  `json:"revenue"`
}

// DashboardExceptions are what a manager must act on, each list at most
// dashboard.ExceptionLimit long beside its full count.
type DashboardExceptions struct {
	PendingRefunds         []DashboardPendingRefund     `json:"pendingRefunds"`
	PendingRefundCount     int                          `json:"pendingRefundCount"`
	PendingRefundAmount    int64                        `json:"pendingRefundAmount"`
	Backorders             []DashboardBackorder         `json:"backorders"`
	BackorderCount         int                          `json:"backorderCount"`
	ShipmentExceptions     []DashboardShipmentException `json:"shipmentExceptions"`
	ShipmentExceptionCount int                          `json:"shipmentExceptionCount"`
	NegativeStock          []DashboardNegativeStock     `json:"negativeStock"`
	NegativeStockCount     int                          `json:"negativeStockCount"`
}

// DashboardPendingRefund is an order with refunds still to pay out.
type DashboardPendingRefund struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	Amount      int64  `json:"amount"`
}

// DashboardBackorder is an order line waiting for stock.
type DashboardBackorder struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Backordered int64  `json:"backordered"`
}

// DashboardShipmentException is a shipment in status "exception".
type DashboardShipmentException struct {
	ShipmentID  string `json:"shipmentId"`
	Number      string `json:"number"`
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	Carrier     string `json:"carrier"`
	Tracking    string `json:"tracking"`
	UpdatedAt   string `json:"updatedAt"`
}

// DashboardNegativeStock is a stock level (product, warehouse, bin) with
// on hand below zero.
type DashboardNegativeStock struct {
	ProductID     string `json:"productId"`
	SKU           string `json:"sku"`
	Name          string `json:"name"`
	WarehouseID   string `json:"warehouseId"`
	WarehouseCode string `json:"warehouseCode"`
	OnHand        int64  `json:"onHand"`
}

func dashboardSales(s dashboard.Sales) DashboardSales {
	return DashboardSales{From: s.From.Format(time.RFC3339), To: s.To.Format(time.RFC3339), Orders: s.Orders, Gross: s.Gross,
		Refunds: s.Refunds, Net: s.Net}
}

func dashboardProducts(ps []dashboard.ProductSales) []DashboardProductSales {
	out := make([]DashboardProductSales, 0, len(ps))
	for _, p := range ps {
		out = append(out, DashboardProductSales(p))
	}
	return out
}

func dashboardView(s *dashboard.Summary, at time.Time) DashboardView {
	v := DashboardView{Currency: s.Currency, TimeZone: s.TimeZone, WarehouseID: s.WarehouseID, GeneratedAt: at.Format(time.RFC3339),
		Today: dashboardSales(s.Today), Month: dashboardSales(s.Month), Daily: make([]DashboardDay, 0, len(s.Daily)),
		ByStatus: make([]DashboardStatusCount, 0, len(s.ByStatus)), TopByQuantity: dashboardProducts(s.TopByQuantity),
		TopByRevenue: dashboardProducts(s.TopByRevenue), LowStock: s.LowStock}
	for _, d := range s.Daily {
		v.Daily = append(v.Daily, DashboardDay(d))
	}
	for _, c := range s.ByStatus {
		v.ByStatus = append(v.ByStatus, DashboardStatusCount(c))
	}
	x := s.Exceptions
	v.Exceptions = DashboardExceptions{PendingRefunds: make([]DashboardPendingRefund, 0, len(x.PendingRefunds)),
		PendingRefundCount: x.PendingRefundCount, PendingRefundAmount: x.PendingRefundAmount,
		Backorders: make([]DashboardBackorder, 0, len(x.Backorders)), BackorderCount: x.BackorderCount,
		ShipmentExceptions: make([]DashboardShipmentException, 0, len(x.ShipmentExceptions)), ShipmentExceptionCount: x.ShipmentExceptionCount,
		NegativeStock: make([]DashboardNegativeStock, 0, len(x.NegativeStock)), NegativeStockCount: x.NegativeStockCount}
	for _, r := range x.PendingRefunds {
		v.Exceptions.PendingRefunds = append(v.Exceptions.PendingRefunds, DashboardPendingRefund(r))
	}
	for _, b := range x.Backorders {
		v.Exceptions.Backorders = append(v.Exceptions.Backorders, DashboardBackorder(b))
	}
	for _, e := range x.ShipmentExceptions {
		v.Exceptions.ShipmentExceptions = append(v.Exceptions.ShipmentExceptions, DashboardShipmentException{ShipmentID: e.ShipmentID,
			Number: e.Number, OrderID: e.OrderID, OrderNumber: e.OrderNumber, Carrier: e.Carrier, Tracking: e.Tracking,
			UpdatedAt: e.UpdatedAt.Format(time.RFC3339)})
	}
	for _, n := range x.NegativeStock {
		v.Exceptions.NegativeStock = append(v.Exceptions.NegativeStock, DashboardNegativeStock(n))
	}
	return v
}
