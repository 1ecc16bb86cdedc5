// Package cli is the oms command line: `oms [--data DIR] <command>`. With no
// command the desktop window opens (where the build has one).
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"oms/internal/auth"
	"oms/internal/buildinfo"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/config"
	"oms/internal/customer"
	"oms/internal/demo"
	"oms/internal/docs"
	"oms/internal/errs"
	"oms/internal/importer"
	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

// Desktop opens the window on the data directory, logging through OpenLog;
// nil in a headless build.
type Desktop func(dataDir string, stderr io.Writer) error

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Desktop        Desktop
}

var usage = `Usage: oms [--data DIR] [command]

With no command, oms opens the desktop app.

Commands:
  version                          print the version
  setup --company NAME --country CC --currency CUR --admin NAME
        [--address1 .. --address2 .. --postal-code .. --city .. --tax-id ..
         --email .. --phone .. --admin-full-name ..]
                                   first-run setup without the window: the
                                   company and its first admin, whose password
                                   is the first line of standard input
  seed --demo [--seed S]            fill a fresh data directory with a small
                                   believable business to try OMS: company,
                                   users (their sign-in printed), products in
                                   binned stock, customers, orders in every
                                   status with payments, cash drawer days and
                                   returns
  seed [--products N] [--customers N] [--orders N] [--seed S]
                                   add generated demo data (deterministic for a
                                   seed): products with barcodes, customers with
                                   addresses, orders over the last two years in
                                   every status (they need products and
                                   customers), for trying OMS and for benchmarks
  user add --name NAME --role ROLE [--full-name NAME]
                                   add a user; reads the password from the first
                                   line of standard input and, for counter and
                                   warehouse staff, the PIN from the second
  import [--skip-invalid] [--dry-run] products|customers|stock FILE
                                   import rows from an .xlsx or .csv file whose
                                   first row names the columns, in any order:
                                     products: sku, name, price, cost, barcode;
                                       optional description, unit, tax_class,
                                       weight_g, reorder_point, reorder_qty
                                     customers: code, name, company, email,
                                       phone; optional billing_ and shipping_
                                       line1, line2, postal_code, city, region,
                                       country, phone
                                     stock: sku, warehouse, bin, quantity, cost
                                       (posted as receipts)
                                   amounts in major units with a dot (12.50).
                                   All or nothing: any problem is printed as
                                   "row N, column C: message" and nothing is
                                   written (exit 1). --skip-invalid writes the
                                   valid rows and reports the others;
                                   --dry-run checks every row, writes nothing
  print invoice|packing-slip|pick-list|label --order NUMBER [--order NUMBER
        ...] --out FILE.pdf [--page-size a4|letter] [--sort number|bin|carrier]
        [--zpl]
                                   print documents as one PDF: an invoice per
                                   order, a packing slip per shipment (the
                                   whole order before it has any), a 4x6
                                   label per package of its shipments, in
                                   the order given or --sort's, or one pick
                                   list merged over all the orders; --zpl
                                   writes the labels as raw ZPL for a thermal
                                   printer; the page size defaults to Letter
                                   for a company in the US or Canada, A4
                                   elsewhere
  report NAME --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx
        [--warehouse CODE] [--customer CODE] [--product SKU]
                                   write an Excel report of the days from
                                   --from to --to (inclusive, UTC):
                                     sales: by day (charted), product,
                                       customer and channel
                                     orders: every order line
                                     inventory: stock and its value by
                                       product and warehouse at --to
                                     low-stock: below the reorder point now,
                                       with the suggested order and supplier
                                     movements: the stock ledger
                                     customers: orders, total bought, last
                                       order, on account, store credit
                                     payments: by method and day with
                                       refunds, as the end-of-day report
                                     returns: by reason and product
                                   --warehouse, --customer and --product
                                   filter where the report has them
` + syncUsage[1:] + `
Options:
  --data DIR   data directory (default: $OMS_DATA, else the user's config
               directory + /oms); the database is DIR/oms.db
`

// errUsage marks a usage error: exit code 2 and the usage text.
var errUsage = errors.New("usage")

// Main runs the command line and returns the process exit code: 0 on
// success, 1 when a command fails, 2 for an unknown command or flag.
func Main(args []string, env Env) int {
	err := run(args, env)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, usage)
		return 0
	case errors.Is(err, errUsage):
		if msg := strings.TrimPrefix(err.Error(), errUsage.Error()); msg != "" {
			fmt.Fprintf(env.Stderr, "oms%s\n", msg)
		}
		fmt.Fprint(env.Stderr, usage)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "oms: %s\n", oneLine(err))
		return 1
	}
}

func oneLine(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // Main prints the usage
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("%v", err)
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, and returns the positional ones in order.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func run(args []string, env Env) error {
	global := newFlags("oms")
	dataFlag := global.String("data", "", "data directory")
	if err := parse(global, args); err != nil {
		return err
	}
	rest := global.Args()
	if len(rest) == 0 {
		if env.Desktop == nil {
			return errors.New("this build has no desktop window (built with -tags headless); run a command, see oms --help")
		}
		dir, err := config.DataDir(*dataFlag)
		if err != nil {
			return err
		}
		return env.Desktop(dir, env.Stderr)
	}
	switch rest[0] {
	case "version":
		if len(rest) > 1 {
			return usageErr("version takes no arguments")
		}
		fmt.Fprintln(env.Stdout, buildinfo.String())
		return nil
	case "user":
		if len(rest) < 2 || rest[1] != "add" {
			return usageErr("user needs a subcommand: add")
		}
		return userAdd(rest[2:], *dataFlag, env)
	case "import":
		return importCmd(rest[1:], *dataFlag, env)
	case "setup":
		return setupCmd(rest[1:], *dataFlag, env)
	case "seed":
		return seedCmd(rest[1:], *dataFlag, env)
	case "print":
		return printCmd(rest[1:], *dataFlag, env)
	case "report":
		return reportCmd(rest[1:], *dataFlag, env)
	case "serve":
		return serveCmd(rest[1:], *dataFlag, env)
	case "token":
		return tokenCmd(rest[1:], *dataFlag, env)
	case "devices":
		return devicesCmd(rest[1:], *dataFlag, env)
	case "revoke":
		return revokeCmd(rest[1:], *dataFlag, env)
	case "apikey":
		return apikeyCmd(rest[1:], *dataFlag, env)
	case "enroll", "enrol":
		return enrollCmd(rest[1:], *dataFlag, env)
	case "sync":
		return syncCmd(rest[1:], *dataFlag, env)
	case "help":
		return flag.ErrHelp
	default:
		return usageErr("unknown command %q", rest[0])
	}
}

// openDB opens (creating and migrating) the database of the data directory.
func openDB(dataFlag string) (*store.DB, error) {
	dir, err := config.DataDir(dataFlag)
	if err != nil {
		return nil, err
	}
	return store.Open(context.Background(), config.DBPath(dir))
}

// cliActor names the command line and the OS user in the audit log.
func cliActor() store.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return store.Actor{UserName: name}
}

func userAdd(args []string, dataFlag string, env Env) error {
	fs := newFlags("user add")
	name := fs.String("name", "", "login name")
	role := fs.String("role", "", "admin, manager, counter or warehouse")
	fullName := fs.String("full-name", "", "full name")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if *name == "" || *role == "" {
		return usageErr("user add needs --name and --role")
	}
	in := auth.UserInput{Name: *name, FullName: *fullName, Role: *role}
	sc := bufio.NewScanner(env.Stdin)
	if sc.Scan() {
		in.Password = strings.TrimRight(sc.Text(), "\r")
	}
	if sc.Scan() {
		in.PIN = strings.TrimSpace(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	if _, err := in.Validate(); err != nil {
		return err
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := auth.NewService(db).CreateUser(context.Background(), cliActor(), in)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added user %s (%s), id %s\n", u.Name, u.Role, u.ID)
	return nil
}

// importCmd runs `oms import [--skip-invalid] [--dry-run] KIND FILE`;
// flags may also follow the arguments.
func importCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("import")
	skip := fs.Bool("skip-invalid", false, "write the valid rows and report the others")
	dry := fs.Bool("dry-run", false, "check every row, write nothing")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("import needs what to import (products, customers or stock) and a FILE")
	}
	kind, err := importer.ParseKind(pos[0])
	if err != nil {
		return usageErr("import products, customers or stock, not %q", pos[0])
	}
	path := pos[1]
	if st, err := os.Stat(path); err != nil {
		return fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err))
	} else if st.IsDir() {
		return fmt.Errorf("%s is a directory, not a file", path)
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := importer.New(db).ImportFile(ctx, cliActor(), kind, path, importer.Options{SkipInvalid: *skip, DryRun: *dry})
	if errors.Is(err, context.Canceled) {
		return errors.New("import interrupted; nothing was written")
	} else if err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintln(env.Stderr, p.String())
	}
	noun := nouns(kind, res.Valid)
	switch {
	case len(res.Problems) > 0 && res.Problems[0].Row == 1:
		// The header is wrong: no row was read.
		return errors.New("the header row is not right (see above); nothing was written")
	case *dry && res.Invalid == 0:
		fmt.Fprintf(env.Stdout, "dry run: all %d %s are valid; nothing was written\n", res.Valid, noun)
	case *dry && *skip:
		fmt.Fprintf(env.Stdout, "dry run: %d %s are valid, %s would be skipped; nothing was written\n", res.Valid, noun, rowsWord(res.Invalid))
	case *dry:
		return fmt.Errorf("dry run: %s of %d %s problems; nothing would be written", rowsWord(res.Invalid), res.Rows, plural(res.Invalid, "has", "have"))
	case res.Invalid > 0 && !*skip:
		return fmt.Errorf("%s of %d %s problems; nothing was written (fix them, or use --skip-invalid)", rowsWord(res.Invalid), res.Rows, plural(res.Invalid, "has", "have"))
	case res.Invalid > 0:
		fmt.Fprintf(env.Stdout, "imported %d %s; skipped %s with problems\n", res.Written, nouns(kind, res.Written), rowsWord(res.Invalid))
	default:
		fmt.Fprintf(env.Stdout, "imported %d %s\n", res.Written, nouns(kind, res.Written))
	}
	return nil
}

func nouns(kind importer.Kind, n int) string {
	switch kind {
	case importer.Products:
		return plural(n, "product", "products")
	case importer.Customers:
		return plural(n, "customer", "customers")
	}
	return plural(n, "stock receipt", "stock receipts")
}

func rowsWord(n int) string { return fmt.Sprintf("%d %s", n, plural(n, "row", "rows")) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// OpenLog writes structured logs to DIR/oms.log and warnings to stderr.
func OpenLog(dir string, stderr io.Writer) (*slog.Logger, func(), error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("create data directory: %w", err)
	}
	f, err := os.OpenFile(dir+"/oms.log", os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("open log: %w", err)
	}
	h := slog.NewJSONHandler(io.MultiWriter(f, levelWriter{stderr}), &slog.HandlerOptions{Level: slog.LevelInfo})
	return slog.New(h), func() { f.Close() }, nil
}

// levelWriter passes only warnings and errors to the terminal.
type levelWriter struct{ w io.Writer }

func (l levelWriter) Write(p []byte) (int, error) {
	if strings.Contains(string(p), `"level":"WARN"`) || strings.Contains(string(p), `"level":"ERROR"`) {
		return l.w.Write(p)
	}
	return len(p), nil
}

func setupCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("setup")
	var in company.Input
	var admin auth.UserInput
	fs.StringVar(&in.Name, "company", "", "company name")
	fs.StringVar(&in.Country, "country", "", "ISO country code")
	fs.StringVar(&in.Currency, "currency", "", "ISO currency code")
	fs.StringVar(&in.AddressLine1, "address1", "", "address line 1")
	fs.StringVar(&in.AddressLine2, "address2", "", "address line 2")
	fs.StringVar(&in.PostalCode, "postal-code", "", "postal code")
	fs.StringVar(&in.City, "city", "", "city")
	fs.StringVar(&in.TaxID, "tax-id", "", "tax id")
	fs.StringVar(&in.Email, "email", "", "email")
	fs.StringVar(&in.Phone, "phone", "", "phone")
	fs.StringVar(&admin.Name, "admin", "", "the admin's user name")
	fs.StringVar(&admin.FullName, "admin-full-name", "", "the admin's full name")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if in.Name == "" || in.Country == "" || in.Currency == "" || admin.Name == "" {
		return usageErr("setup needs --company, --country, --currency and --admin")
	}
	sc := bufio.NewScanner(env.Stdin)
	if sc.Scan() {
		admin.Password = strings.TrimRight(sc.Text(), "\r")
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := company.NewService(db, auth.NewService(db)).Setup(context.Background(), in, admin)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "set up %s with admin %s\n", in.Name, u.Name)
	return nil
}

func seedCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("seed")
	products := fs.Int("products", 0, "products to generate")
	customers := fs.Int("customers", 0, "customers to generate")
	orders := fs.Int("orders", 0, "orders to generate, after the products and customers")
	demoFlag := fs.Bool("demo", false, "a small demo business in a fresh data directory")
	seed := fs.Int64("seed", 1, "random seed")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if *demoFlag {
		if *products != 0 || *customers != 0 || *orders != 0 {
			return usageErr("--demo makes its own products, customers and orders; leave out --products, --customers and --orders")
		}
		return seedDemo(dataFlag, uint64(*seed), env)
	}
	if *products < 0 || *customers < 0 || *products > 5_000_000 || *customers > 5_000_000 {
		return usageErr("--products and --customers must be between 0 and 5000000")
	}
	if *orders < 0 || *orders > 20_000_000 {
		return usageErr("--orders must be between 0 and 20000000")
	}
	if *products == 0 && *customers == 0 && *orders == 0 {
		return usageErr("seed needs --products, --customers or --orders")
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	if *products > 0 {
		if _, err := catalog.FindProductBySKU(ctx, db.Reader(), catalog.GeneratedSKU(0)); err == nil {
			return errors.New("this database already has generated products; seed products into a fresh data directory")
		}
		if err := catalog.GenerateProducts(ctx, db, *products, uint64(*seed)); err != nil {
			return fmt.Errorf("generate products: %w", err)
		}
		fmt.Fprintf(env.Stdout, "generated %d products\n", *products)
	}
	if *customers > 0 {
		if err := customer.GenerateCustomers(ctx, db, *customers, *seed); err != nil {
			return fmt.Errorf("generate customers: %w", err)
		}
		fmt.Fprintf(env.Stdout, "generated %d customers\n", *customers)
	}
	if *orders > 0 {
		if err := order.GenerateOrders(ctx, db, *orders, uint64(*seed)); err != nil {
			return fmt.Errorf("generate orders: %w", err)
		}
		fmt.Fprintf(env.Stdout, "generated %d orders\n", *orders)
	}
	return nil
}

// seedDemo fills a fresh data directory with the demo business and prints
// what it made and how its people sign in.
func seedDemo(dataFlag string, seed uint64, env Env) error {
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	users := auth.NewService(db)
	cat, st, cust := catalog.NewService(db), stock.NewService(db), customer.NewService(db)
	orders := order.NewService(db, cat, cust, st)
	orders.SetApprover(users)
	comp := company.NewService(db, users)
	if fresh, err := comp.NeedsSetup(ctx); err != nil {
		return err
	} else if !fresh {
		return errors.New("this data directory is already set up; the demo needs a fresh one (--data DIR)")
	}
	start := time.Now()
	sum, err := demo.Seed(ctx, demo.Services{DB: db, Users: users, Company: comp, Catalog: cat, Stock: st, Customers: cust,
		Orders: orders, Shipping: shipping.NewService(db, orders, comp)}, time.Now(), seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "demo business %s in %s: %d products, %d customers, %d orders, %d payments, %d refunds, %d returns, %d cash drawer days, %d carriers\n",
		demo.Company.Name, time.Since(start).Round(time.Millisecond), sum.Products, sum.Customers, sum.Orders, sum.Payments,
		sum.Refunds, sum.Returns, sum.DrawerSessions, sum.Carriers)
	fmt.Fprintln(env.Stdout, "sign in as:")
	for _, u := range demo.Users {
		secret := "password " + u.Password
		if u.PIN != "" {
			secret = "PIN " + u.PIN
		}
		fmt.Fprintf(env.Stdout, "  %-6s %-9s %s\n", u.Name, u.Role, secret)
	}
	return nil
}

// orderList collects repeated --order flags.
type orderList []string

func (l *orderList) String() string { return strings.Join(*l, ",") }

func (l *orderList) Set(v string) error {
	if v = strings.TrimSpace(v); v == "" {
		return errors.New("--order needs an order number")
	}
	*l = append(*l, v)
	return nil
}

// printCmd runs `oms print KIND --order N [--order N ...] --out FILE`; the
// flags may also follow KIND. The file is written whole or not at all.
// Packing slips and labels follow the orders' recorded shipments: a slip
// per shipment (the whole order when it has none), a label per package.
func printCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("print")
	var numbers orderList
	fs.Var(&numbers, "order", "order number (repeat for a batch)")
	out := fs.String("out", "", "PDF file to write (ZPL with --zpl)")
	pageFlag := fs.String("page-size", "", "a4 or letter")
	sortFlag := fs.String("sort", "", "order of a batch: number, bin or carrier (default: as given)")
	zpl := fs.Bool("zpl", false, "labels only: write raw ZPL for a thermal printer instead of PDF")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("print needs what to print: invoice, packing-slip, pick-list or label")
	}
	kind := pos[0]
	if kind != "invoice" && kind != "packing-slip" && kind != "pick-list" && kind != "label" {
		return usageErr("print invoice, packing-slip, pick-list or label, not %q", kind)
	}
	if len(numbers) == 0 || *out == "" {
		return usageErr("print needs --order NUMBER and --out FILE.pdf")
	}
	if *zpl && kind != "label" {
		return usageErr("--zpl is for labels only")
	}
	switch *sortFlag {
	case docs.SortGiven, docs.SortNumber, docs.SortBin, docs.SortCarrier:
	default:
		return usageErr("--sort must be number, bin or carrier")
	}
	size, err := docs.ParsePageSize(*pageFlag)
	if err != nil {
		return usageErr("--page-size must be a4 or letter")
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cat, st, cust := catalog.NewService(db), stock.NewService(db), customer.NewService(db)
	orders := order.NewService(db, cat, cust, st)
	comp := company.NewService(db, auth.NewService(db))
	printer := docs.NewPrinter(orders, st, comp)
	ship := shipping.NewService(db, orders, comp)
	ids := make([]string, len(numbers))
	found := make([]*order.Order, len(numbers))
	shipments := map[string][]*shipping.Shipment{}
	for i, n := range numbers {
		o, err := printer.FindOrderByNumber(ctx, n)
		if errs.Code(err) == errs.ENOTFOUND {
			return fmt.Errorf("order %s not found", n)
		} else if err != nil {
			return err
		}
		ids[i], found[i] = o.ID, o
		list, _, err := ship.FindShipments(ctx, shipping.ShipmentFilter{OrderID: o.ID, Limit: 1000})
		if err != nil {
			return err
		}
		slices.Reverse(list) // oldest first
		for _, sh := range list {
			full, err := ship.FindShipmentByID(ctx, sh.ID)
			if err != nil {
				return err
			}
			shipments[o.ID] = append(shipments[o.ID], full)
		}
	}
	// An order's carrier is that of its latest shipment.
	carrierOf := func(orderID string) string {
		if list := shipments[orderID]; len(list) > 0 {
			return list[len(list)-1].CarrierName
		}
		return ""
	}
	if kind != "label" && *sortFlag != docs.SortGiven {
		if ids, err = printer.SortOrderIDs(ctx, ids, *sortFlag, carrierOf); err != nil {
			return err
		}
	}
	opts := docs.Options{PageSize: size}
	var labels []docs.Label
	if kind == "label" {
		for _, o := range found {
			for _, sh := range shipments[o.ID] {
				labels = append(labels, docs.ShipmentLabels(o, sh)...)
			}
		}
		if len(labels) == 0 {
			return fmt.Errorf("no shipment of %s has been packed yet: pack it at the pack station first", strings.Join(numbers, ", "))
		}
		if labels, err = printer.SortLabelsBy(ctx, labels, *sortFlag); err != nil {
			return err
		}
	}
	err = writeAtomically(*out, func(w io.Writer) error {
		switch kind {
		case "invoice":
			return printer.WriteInvoices(ctx, w, ids, opts)
		case "packing-slip":
			var slips []docs.Shipment
			for _, id := range ids {
				if len(shipments[id]) == 0 {
					slips = append(slips, docs.Shipment{OrderID: id}) // nothing recorded yet: the whole order
				}
				for _, sh := range shipments[id] {
					slips = append(slips, docs.ShipmentSlip(sh))
				}
			}
			return printer.WritePackingSlips(ctx, w, slips, opts)
		case "label":
			if *zpl {
				return printer.WriteLabelsZPL(ctx, w, labels)
			}
			return printer.WriteLabels(ctx, w, labels, opts)
		default:
			return printer.WritePickList(ctx, w, ids, opts)
		}
	})
	if errors.Is(err, context.Canceled) {
		return errors.New("print interrupted; nothing was written")
	} else if err != nil {
		return err
	}
	what := map[string]string{"invoice": "invoice", "packing-slip": "packing slip", "pick-list": "pick list"}[kind]
	switch {
	case kind == "label":
		format := "PDF"
		if *zpl {
			format = "ZPL"
		}
		fmt.Fprintf(env.Stdout, "wrote %d %s (%s) to %s\n", len(labels), plural(len(labels), "label", "labels"), format, *out)
	case kind == "pick-list":
		fmt.Fprintf(env.Stdout, "wrote a pick list for %d %s to %s\n", len(ids), plural(len(ids), "order", "orders"), *out)
	case len(ids) == 1:
		fmt.Fprintf(env.Stdout, "wrote the %s of %s to %s\n", what, strings.ToUpper(numbers[0]), *out)
	default:
		fmt.Fprintf(env.Stdout, "wrote %d %ss to %s\n", len(ids), what, *out)
	}
	return nil
}

// writeAtomically writes a file through fn into a temporary file beside
// it and renames it into place only when fn succeeds.
func writeAtomically(path string, fn func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, errors.Unwrap(err))
	}
	defer os.Remove(f.Name()) // a no-op after the rename
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	w := bufio.NewWriter(f)
	if err := fn(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
