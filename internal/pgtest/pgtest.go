// Package pgtest gives each test a new, empty PostgreSQL database of its own
// on the server named by the environment variable OMS_TEST_PG (a
// postgres:// URL of a role that may create databases). `make test` starts
// such a server (scripts/pg.sh) and sets OMS_TEST_PG; without it the tests
// that need PostgreSQL are skipped, or fail when CI is set.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// EnvVar names the server's URL.
const EnvVar = "OMS_TEST_PG"

const notSet = EnvVar + " is not set: make test starts PostgreSQL (scripts/pg.sh)"

// timeout bounds each statement this package runs on the server.
const timeout = 30 * time.Second

var (
	adminsMu sync.Mutex
	admins   = map[string]*sql.DB{} // by server URL, kept for the process
)

// admin returns the shared pool on the server's own database, from which
// the test databases are created and dropped.
func admin(dsn string) (*sql.DB, error) {
	adminsMu.Lock()
	defer adminsMu.Unlock()
	if db, ok := admins[dsn]; ok {
		return db, nil
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxIdleConns(2)
	admins[dsn] = db
	return db, nil
}

// URL creates a new empty database for this test and returns its URL. The
// database is dropped, with any connection still open to it, when the test
// and its subtests have finished.
func URL(t testing.TB) string {
	t.Helper()
	server := os.Getenv(EnvVar)
	if server == "" {
		if os.Getenv("CI") != "" {
			t.Fatal(notSet)
		}
		t.Skip(notSet)
	}
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL, got %q", EnvVar, server)
	}
	db, err := admin(server)
	if err != nil {
		t.Fatalf("pgtest: open %s: %v", redact(u), err)
	}

	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatalf("pgtest: random name: %v", err)
	}
	name := "t_" + hex.EncodeToString(b[:])

	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+quote(name)); err != nil {
		t.Fatalf("pgtest: create database %s on %s: %v", name, redact(u), err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quote(name)+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})

	u.Path = "/" + name
	return u.String()
}

// Open returns a connection pool on a new empty database for this test
// (see URL), already pinged, and closed when the test has finished.
func Open(t testing.TB) *sql.DB {
	t.Helper()
	dsn := URL(t)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("pgtest: open: %v", err)
	}
	// Registered after URL's cleanup, so it runs first: closed, then dropped.
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("pgtest: ping the test database: %v", err)
	}
	return db
}

// quote quotes an SQL identifier.
func quote(ident string) string {
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}

// redact is the URL without its password, for messages.
func redact(u *url.URL) string {
	return u.Redacted()
}
