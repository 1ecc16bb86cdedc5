// Package benchdb holds the generated database that the benchmarks of one
// test binary share: made once, on first use, in a temporary directory or
// in a file the caller names (kept, and reused when it exists). Only
// benchmarks import it.
package benchdb

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"oms/internal/store"
)

// Shared is one benchmark database, opened by the first Open.
type Shared struct {
	once sync.Once
	db   *store.DB
	dir  string
	err  error
}

// Open returns the database, opening it the first time: at path when it is
// not "", else in a new temporary directory named after prefix. generate
// fills a database that did not exist before (its file at path); an existing file is reused
// as it is.
func (s *Shared) Open(path, prefix string, generate func(ctx context.Context, db *store.DB, path string) error) (*store.DB, error) {
	s.once.Do(func() {
		ctx := context.Background()
		if path == "" {
			if s.dir, s.err = os.MkdirTemp("", prefix); s.err != nil {
				return
			}
			path = filepath.Join(s.dir, "oms.db")
		}
		_, statErr := os.Stat(path)
		if s.db, s.err = store.Open(ctx, path); s.err != nil || statErr == nil {
			return
		}
		s.err = generate(ctx, s.db, path)
	})
	return s.db, s.err
}

// Close closes the database and removes a temporary one.
func (s *Shared) Close() {
	if s.db != nil {
		s.db.Close()
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}
