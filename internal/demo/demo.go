// Package demo fills a fresh workstation with a small, believable business
// for people to try OMS with: a hardware wholesaler with a few hundred
// products with barcodes in binned stock, customers with addresses, and
// orders in every status with their payments and a return, and carriers
// with offline rate tables. Everything goes
// through the domain services, so the data obeys every rule a person's
// data does (audit, change capture, stock ledger, numbering).
//
// The content is fixed by a seed: the same seed gives the same products,
// customers and orders (ids and the creation times of the records differ).
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

// Users are the demo's people and how they sign in.
var Users = []auth.UserInput{
	{Name: "admin", FullName: "Anna Hartmann", Role: string(auth.RoleAdmin), Password: "demo-admin-1"},
	{Name: "maria", FullName: "Maria Keller", Role: string(auth.RoleManager), Password: "demo-manager-1"},
	{Name: "tom", FullName: "Tom Becker", Role: string(auth.RoleCounter), PIN: "2468"},
	{Name: "lena", FullName: "Lena Wójcik", Role: string(auth.RoleWarehouse), PIN: "1357"},
}

// Company is the demo business.
var Company = company.Input{Name: "Hartmann Werkzeuge GmbH", AddressLine1: "Industriestraße 12", PostalCode: "10317",
	City: "Berlin", Country: "DE", Currency: "EUR", TaxID: "DE123456789", Email: "info@hartmann-werkzeuge.example",
	Phone: "+49 30 5550 1200"}

// Summary says what Seed made. Payments and Refunds count the records of
// the payments ledger (a split payment is two); ByPayment counts the
// orders by how far they are paid.
type Summary struct {
	Products, Customers, Orders, Payments, Returns int
	Refunds, DrawerSessions, Carriers              int
	ByStatus                                       map[order.Status]int
	ByPayment                                      map[order.PaymentStatus]int
}

// Services are the services Seed writes through.
type Services struct {
	DB        *store.DB
	Users     *auth.Service
	Company   *company.Service
	Catalog   *catalog.Service
	Stock     *stock.Service
	Customers *customer.Service
	Orders    *order.Service
	Shipping  *shipping.Service
}

type seeder struct {
	Services
	ctx     context.Context
	rng     *rand.Rand
	now     time.Time // the demo's "today"; orders spread over the 60 days before it
	clock   time.Time // the time the services record, moving forward
	admin   store.Actor
	manager store.Actor
	clerk   store.Actor
	pick    store.Actor
	sum     Summary

	main, store  *stock.Warehouse
	bins         []*stock.Bin
	products     []*catalog.Product
	customers    []*customer.Customer
	standard     *catalog.TaxClass
	reduced      *catalog.TaxClass
	productStock map[string]int64
	productBin   map[string]string           // product id -> the bin of its opening stock
	methods      map[order.MethodKind]string // the first active payment method of each kind
	parcel, van  *shipping.CarrierService    // the carriers' services packers choose (shipping.go)
}

// Seed fills the database behind svc, which must be fresh: no company yet
// (ECONFLICT otherwise, from company setup). now is the demo's today: the
// orders are dated in the 60 days before it, with their payments, a cash
// drawer session for each day of counter sales (today's left open) and a
// few returns. The services' clock (svc.DB.Now) is moved along while
// seeding and restored after.
func Seed(ctx context.Context, svc Services, now time.Time, seed uint64) (*Summary, error) {
	s := &seeder{Services: svc, ctx: ctx, rng: rand.New(rand.NewPCG(seed, seed^0x5eed)), now: now,
		sum:          Summary{ByStatus: map[order.Status]int{}, ByPayment: map[order.PaymentStatus]int{}},
		productStock: map[string]int64{}, productBin: map[string]string{}}
	s.clock = now.AddDate(0, 0, -90)
	restore := svc.DB.Now
	svc.DB.Now = func() time.Time { return s.clock }
	defer func() { svc.DB.Now = restore }()
	for _, step := range []struct {
		name string
		fn   func() error
	}{
		{"company and users", s.people},
		{"carriers", s.carriers},
		{"catalog", s.catalog},
		{"warehouses and stock", s.stockUp},
		{"customers", s.customerBase},
		{"orders", s.orders},
	} {
		if err := step.fn(); err != nil {
			return nil, fmt.Errorf("demo %s: %w", step.name, err)
		}
	}
	return &s.sum, nil
}

// tick moves the services' clock forward a little.
func (s *seeder) tick(d time.Duration) { s.clock = s.clock.Add(d) }

func (s *seeder) people() error {
	admin, err := s.Company.Setup(s.ctx, Company, Users[0])
	if err != nil {
		return err
	}
	s.admin = store.Actor{UserID: admin.ID, UserName: admin.Name}
	for _, in := range Users[1:] {
		u, err := s.Users.CreateUser(s.ctx, s.admin, in)
		if err != nil {
			return fmt.Errorf("user %s: %w", in.Name, err)
		}
		switch auth.Role(in.Role) {
		case auth.RoleManager:
			s.manager = store.Actor{UserID: u.ID, UserName: u.Name}
		case auth.RoleCounter:
			s.clerk = store.Actor{UserID: u.ID, UserName: u.Name}
		case auth.RoleWarehouse:
			s.pick = store.Actor{UserID: u.ID, UserName: u.Name}
		}
	}
	return nil
}
