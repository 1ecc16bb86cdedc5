// Package app is the thin layer the frontend calls: Wails-bound structs whose
// methods check the session, call one service, and map errors and results to
// JSON-tagged types. No SQL and no business rules live here.
package app

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/dashboard"
	"oms/internal/docs"
	"oms/internal/jobs"
	"oms/internal/order"
	"oms/internal/printing"
	"oms/internal/report"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
	omsync "oms/internal/sync"
)

// Services are the domain services the bound methods call.
type Services struct {
	DB        *store.DB
	Users     *auth.Service
	Company   *company.Service
	Catalog   *catalog.Service
	Stock     *stock.Service
	Customers *customer.Service
	Orders    *order.Service
	Docs      *docs.Printer
	Shipping  *shipping.Service
	Printing  *printing.Service
	Dashboard *dashboard.Service
	Jobs      *jobs.Service
}

// NewServices builds the services over an open database.
func NewServices(db *store.DB) Services {
	users := auth.NewService(db)
	cat, st, cust := catalog.NewService(db), stock.NewService(db), customer.NewService(db)
	orders := order.NewService(db, cat, cust, st)
	orders.SetApprover(users) // payments: a manager approves on account over the credit limit
	comp := company.NewService(db, users)
	return Services{DB: db, Users: users, Company: comp, Catalog: cat, Stock: st, Customers: cust, Orders: orders,
		Docs: docs.NewPrinter(orders, st, comp), Shipping: shipping.NewService(db, orders, comp), Printing: printing.NewService(db),
		Dashboard: dashboard.NewService(db, st), Jobs: newJobs(db, st, orders, reportWriter{report.NewGenerator(db)})}
}

// newJobs is the scheduler with every job kind that has an implementation
// (sync and backup have none yet); scheduled reports are written by the
// report generator.
func newJobs(db *store.DB, st *stock.Service, orders *order.Service, reports jobs.ReportWriter) *jobs.Service {
	s := jobs.NewService(db, jobs.RealClock{}, nil)
	s.Register(jobs.KindLowStock, jobs.LowStockJob{Stock: st})
	s.Register(jobs.KindDraftExpiry, jobs.DraftExpiryJob{Orders: orders, Now: time.Now})
	s.Register(jobs.KindReport, jobs.ReportJob{Writer: reports, Now: time.Now})
	return s
}

// reportWriter lets the scheduler write reports with the generator.
type reportWriter struct{ g *report.Generator }

// Write writes report name for the days [from, to) the scheduler chose: the
// generator's To is the last day, inclusive.
func (w reportWriter) Write(ctx context.Context, name string, out io.Writer, from, to time.Time) error {
	_, err := w.g.Write(ctx, name, out, report.Params{From: from, To: to.Add(-time.Nanosecond)})
	return err
}

// Emitter sends an event to the frontend. The desktop build wraps Wails's
// runtime.EventsEmit; tests record the events.
type Emitter interface {
	Emit(name string, data any)
}

// Event names.
const (
	EventStatusChanged  = "status:changed"
	EventSessionChanged = "session:changed"
)

// App holds the workstation's session and the bound APIs.
type App struct {
	svc     Services
	log     *slog.Logger
	version string

	mu      sync.Mutex
	emitter Emitter
	ctx     context.Context
	session session

	client   *omsync.Client
	syncLoop *omsync.Loop
	stopSync context.CancelFunc

	Auth     *AuthAPI
	Users    *UsersAPI
	Settings *SettingsAPI
	Status   *StatusAPI

	Customers *CustomersAPI
	Catalog   *CatalogAPI
	Stock     *StockAPI
	Orders    *OrdersAPI
	Payments  *PaymentsAPI
	Returns   *ReturnsAPI
	Documents *DocumentsAPI
	Shipping  *ShippingAPI
	Shipments *ShipmentsAPI
	Printers  *PrintersAPI
	Dashboard *DashboardAPI
	Jobs      *JobsAPI
	Reports   *ReportsAPI
	Sync      *SyncAPI
}

// New returns the app over svc. Events are dropped until SetEmitter.
func New(svc Services, log *slog.Logger, version string) *App {
	a := &App{svc: svc, log: log, version: version, ctx: context.Background()}
	a.Auth = &AuthAPI{a}
	a.Users = &UsersAPI{a}
	a.Settings = &SettingsAPI{a}
	a.Status = &StatusAPI{a}
	a.Customers = &CustomersAPI{a}
	a.Catalog = &CatalogAPI{a}
	a.Stock = &StockAPI{a}
	a.Orders = &OrdersAPI{a}
	a.Payments = &PaymentsAPI{a}
	a.Returns = &ReturnsAPI{a}
	a.Documents = &DocumentsAPI{a}
	a.Shipping = &ShippingAPI{a}
	a.Shipments = &ShipmentsAPI{a}
	a.Printers = &PrintersAPI{a}
	a.Dashboard = &DashboardAPI{a}
	a.Jobs = &JobsAPI{a}
	a.Reports = &ReportsAPI{a: a}
	a.Sync = &SyncAPI{a}
	svc.DB.OnCommit(func(bool) { go a.emitStatus() })
	return a
}

// Bindings returns the structs whose exported methods the frontend may call.
func (a *App) Bindings() []any {
	return []any{a.Auth, a.Users, a.Settings, a.Status, a.Customers, a.Catalog, a.Stock, a.Orders, a.Payments, a.Returns, a.Documents,
		a.Shipping, a.Shipments, a.Printers, a.Dashboard, a.Jobs, a.Reports, a.Sync}
}

// Start is the Wails OnStartup hook: it keeps the runtime context for calls
// and events and starts the scheduled jobs (the command line never calls
// it, so its commands run no jobs). Stop ends them.
func (a *App) Start(ctx context.Context, e Emitter) {
	a.mu.Lock()
	a.ctx = ctx
	a.emitter = e
	a.mu.Unlock()
	a.startJobs()
	a.startSync()
}

// SetEmitter replaces the event emitter (tests).
func (a *App) SetEmitter(e Emitter) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.emitter = e
}

func (a *App) context() context.Context {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ctx
}

func (a *App) emit(name string, data any) {
	a.mu.Lock()
	e := a.emitter
	a.mu.Unlock()
	if e != nil {
		e.Emit(name, data)
	}
}

func (a *App) emitStatus() {
	st, err := a.status(a.context())
	if err != nil {
		a.log.Error("status for event", "err", err)
		return
	}
	a.emit(EventStatusChanged, st)
}
