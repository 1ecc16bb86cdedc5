package pgtest

import (
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// Two databases of one test are separate: a table made in one is not in
// the other.
func TestDatabasesAreSeparate(t *testing.T) {
	a, b := Open(t), Open(t)
	if _, err := a.Exec(`CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		db   *sql.DB
		want bool
	}{
		{"the database it was made in", a, true},
		{"the other database", b, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var found bool
			if err := tc.db.QueryRow(`SELECT to_regclass('public.items') IS NOT NULL`).Scan(&found); err != nil {
				t.Fatal(err)
			}
			if found != tc.want {
				t.Errorf("table items found = %v, want %v", found, tc.want)
			}
		})
	}
	var nameA, nameB string
	if err := a.QueryRow(`SELECT current_database()`).Scan(&nameA); err != nil {
		t.Fatal(err)
	}
	if err := b.QueryRow(`SELECT current_database()`).Scan(&nameB); err != nil {
		t.Fatal(err)
	}
	if nameA == nameB || !strings.HasPrefix(nameA, "t_") || !strings.HasPrefix(nameB, "t_") {
		t.Errorf("databases %q and %q: want two different t_ databases", nameA, nameB)
	}
}

// A row goes in and comes back out through $1 placeholders, text as given.
func TestInsertAndReadWithPlaceholder(t *testing.T) {
	db := Open(t)
	if _, err := db.Exec(`CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"widget",
		"",
		"O'Brien; DROP TABLE items; --",
		"Überzieher – 10 € ✓",
		`back\slash "quoted"`,
	} {
		t.Run(fmt.Sprintf("%q", name), func(t *testing.T) {
			var id int64
			if err := db.QueryRow(`INSERT INTO items (name) VALUES ($1) RETURNING id`, name).Scan(&id); err != nil {
				t.Fatal(err)
			}
			var got string
			if err := db.QueryRow(`SELECT name FROM items WHERE id = $1`, id).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != name {
				t.Errorf("read back %q, want %q", got, name)
			}
		})
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM items`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("%d rows, want 5", n)
	}
}

// A test's database is gone once the test has finished, even with a
// connection still open to it.
func TestDatabaseDroppedAfterTest(t *testing.T) {
	other := Open(t)
	var name string
	t.Run("uses a database", func(t *testing.T) {
		var db *sql.DB
		// Registered before URL's cleanup, so it runs after the drop: the
		// connection is still open when the database is dropped.
		t.Cleanup(func() {
			if db != nil {
				db.Close()
			}
		})
		var err error
		if db, err = sql.Open("pgx", URL(t)); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
			t.Fatal(err)
		}
	})
	if name == "" {
		t.Fatal("the subtest got no database")
	}
	var exists bool
	if err := other.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after its test", name)
	}
}

// Without OMS_TEST_PG, URL skips the test, or fails it when CI is set.
func TestWithoutServer(t *testing.T) {
	for _, tc := range []struct {
		ci       string
		wantSkip bool
	}{
		{"", true},
		{"true", false},
	} {
		t.Run("CI="+tc.ci, func(t *testing.T) {
			t.Setenv(EnvVar, "")
			t.Setenv("CI", tc.ci)
			f := &fakeTB{TB: t}
			done := make(chan struct{})
			go func() {
				defer close(done)
				URL(f)
				f.returned = true
			}()
			<-done
			if f.returned {
				t.Fatal("URL returned without a server")
			}
			if tc.wantSkip && (f.skipped != notSet || f.fatal != "") {
				t.Errorf("skipped %q, fatal %q: want skipped %q", f.skipped, f.fatal, notSet)
			}
			if !tc.wantSkip && (f.fatal != notSet || f.skipped != "") {
				t.Errorf("skipped %q, fatal %q: want fatal %q", f.skipped, f.fatal, notSet)
			}
		})
	}
}

// fakeTB records Skip and Fatal instead of ending the real test.
type fakeTB struct {
	testing.TB
	skipped, fatal string
	returned       bool
}

func (f *fakeTB) Skip(args ...any)  { f.skipped = fmt.Sprint(args...); runtime.Goexit() }
func (f *fakeTB) Fatal(args ...any) { f.fatal = fmt.Sprint(args...); runtime.Goexit() }
