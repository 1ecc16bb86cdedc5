package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"text/tabwriter"
	"time"

	"oms/internal/config"
	"oms/internal/server"
	omsync "oms/internal/sync"
)

const syncUsage = `
Sync (a server joins the workstations of a business):
  serve [--addr HOST:PORT] [--db URL] [--tls-cert FILE --tls-key FILE]
        [--insecure]               run the sync server; --db is a SQLite file
                                   (default DIR/server.db) or a postgres://
                                   URL; plain HTTP only on loopback unless
                                   --insecure (default 127.0.0.1:8470)
  token --name NAME [--db URL]     print a one-time enrolment token, valid 24 h,
                                   alone on standard output
  devices [--db URL]               list the enrolled devices
  revoke [--db URL] DEVICE         revoke a device (its id or station code)
  apikey --name NAME [--scope read|write] [--db URL]
                                   create a key for the public API (another
                                   program: a web shop, accounting) and print
                                   it alone on standard output; write may
                                   also create orders
  apikey --list | --revoke ID|NAME [--db URL]
                                   list the keys, or revoke one
  enroll --server URL --token TOKEN [--again]
                                   enrol this workstation with a server; its
                                   numbers take the station code it is given;
                                   --again enrols a database the server
                                   refused as a copy (restored or copied) as
                                   a new station, keeping its waiting changes
  sync                             run one sync round (push, then pull) and
                                   print what moved
`

// serverDB opens the server database of --db, defaulting to the data
// directory's server.db.
func serverDB(ctx context.Context, dbFlag, dataFlag string) (*server.DB, error) {
	if dbFlag == "" {
		dir, err := config.DataDir(dataFlag)
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		dbFlag = filepath.Join(dir, "server.db")
	}
	return server.OpenDB(ctx, dbFlag)
}

// loopback reports whether addr's host is a loopback address.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func serveCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8470", "listen address")
	dbFlag := fs.String("db", "", "database: file path or postgres:// URL")
	cert := fs.String("tls-cert", "", "TLS certificate file")
	key := fs.String("tls-key", "", "TLS key file")
	insecure := fs.Bool("insecure", false, "allow plain HTTP on a non-loopback address")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if (*cert == "") != (*key == "") {
		return usageErr("give both --tls-cert and --tls-key, or neither")
	}
	if *cert == "" && !loopback(*addr) && !*insecure {
		return fmt.Errorf("refusing plain HTTP on %s: devices' credentials would cross the network in clear. Give --tls-cert and --tls-key, listen on 127.0.0.1 behind a TLS proxy, or pass --insecure", *addr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := serverDB(ctx, *dbFlag, dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))
	srv, err := server.New(ctx, db, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	scheme := "http"
	if *cert != "" {
		scheme = "https"
	}
	fmt.Fprintf(env.Stdout, "oms sync server %s listening on %s://%s\n", srv.ID(), scheme, ln.Addr())
	errc := make(chan error, 1)
	go func() {
		if *cert != "" {
			errc <- hs.ServeTLS(ln, *cert, *key)
		} else {
			errc <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := hs.Shutdown(shut); err != nil {
			return err
		}
		fmt.Fprintln(env.Stderr, "oms serve: stopped")
		return nil
	}
}

func tokenCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("token")
	name := fs.String("name", "", "the device's name")
	dbFlag := fs.String("db", "", "server database")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if *name == "" {
		return usageErr("token needs --name, e.g. --name \"Counter 1\"")
	}
	ctx := context.Background()
	db, err := serverDB(ctx, *dbFlag, dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	tok, err := db.CreateToken(ctx, *name, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, tok)
	return nil
}

func devicesCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("devices")
	dbFlag := fs.String("db", "", "server database")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	ctx := context.Background()
	db, err := serverDB(ctx, *dbFlag, dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Devices(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "no devices enrolled yet: oms token --name NAME gives a token to enrol one")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STATION\tNAME\tDEVICE\tCHANGES\tLAST SEEN\tSTATUS")
	for _, d := range list {
		status := "active"
		if d.RevokedAt != "" {
			status = "revoked " + d.RevokedAt
		} else if d.ClockSkewMs > 0 {
			status = fmt.Sprintf("clock ahead by %s", (time.Duration(d.ClockSkewMs) * time.Millisecond).Round(time.Second))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", d.StationCode, d.Name, d.ID, d.LastSeq, d.LastSeenAt, status)
	}
	return tw.Flush()
}

func revokeCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("revoke")
	dbFlag := fs.String("db", "", "server database")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("revoke needs one DEVICE: its id or station code (see oms devices)")
	}
	ctx := context.Background()
	db, err := serverDB(ctx, *dbFlag, dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := db.Revoke(ctx, pos[0], time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "revoked %s (%s, %s)\n", d.StationCode, d.Name, d.ID)
	return nil
}

func apikeyCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("apikey")
	name := fs.String("name", "", "the program's name")
	scope := fs.String("scope", server.ScopeRead, "read or write")
	list := fs.Bool("list", false, "list the keys")
	revoke := fs.String("revoke", "", "revoke the key with this id or name")
	dbFlag := fs.String("db", "", "server database")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	modes := 0
	for _, on := range []bool{*name != "", *list, *revoke != ""} {
		if on {
			modes++
		}
	}
	if modes != 1 {
		return usageErr("apikey needs one of --name NAME, --list or --revoke ID")
	}
	ctx := context.Background()
	db, err := serverDB(ctx, *dbFlag, dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	switch {
	case *list:
		keys, err := db.APIKeys(ctx)
		if err != nil {
			return err
		}
		if len(keys) == 0 {
			fmt.Fprintln(env.Stdout, "no API keys yet: oms apikey --name NAME creates one")
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSCOPE\tCREATED\tLAST USED\tSTATUS")
		for _, k := range keys {
			status := "active"
			if k.RevokedAt != "" {
				status = "revoked " + k.RevokedAt
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Scope, k.CreatedAt, k.LastUsedAt, status)
		}
		return tw.Flush()
	case *revoke != "":
		k, err := db.RevokeAPIKey(ctx, *revoke, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "revoked API key %s (%s)\n", k.Name, k.ID)
		return nil
	}
	_, secret, err := db.CreateAPIKey(ctx, *name, *scope, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, secret)
	return nil
}

func enrollCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("enroll")
	url := fs.String("server", "", "server URL")
	token := fs.String("token", "", "one-time enrolment token")
	again := fs.Bool("again", false, "enrol a copied or restored database as a new station")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if *url == "" || *token == "" {
		return usageErr("enroll needs --server URL and --token TOKEN")
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cl, err := omsync.NewClient(ctx, db, nil)
	if err != nil {
		return err
	}
	enrol := cl.Enrol
	if *again {
		enrol = cl.Reenrol
	}
	st, err := enrol(ctx, *url, *token)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "enrolled with %s as station %s; run oms sync to send this workstation's data\n", st.ServerURL, st.StationCode)
	return nil
}

func syncCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("sync")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cl, err := omsync.NewClient(ctx, db, nil)
	if err != nil {
		return err
	}
	start := time.Now()
	stats, err := cl.Round(ctx, nil)
	if err != nil {
		if omsync.UpgradeRequired(err) {
			n, _ := db.PendingChanges(context.Background())
			return fmt.Errorf("%v (%d changes wait in the outbox, kept)", err, n)
		}
		if errors.Is(err, context.Canceled) {
			return errors.New("sync interrupted; what was applied is kept and the next round goes on from there")
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "sync: %s in %s\n", stats, time.Since(start).Round(time.Millisecond))
	if stats.Rejected > 0 || stats.Failed > 0 {
		fmt.Fprintln(env.Stdout, "some changes were refused or could not be applied: see Admin → Sync in the app")
	}
	return nil
}
