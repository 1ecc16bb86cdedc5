package customer

import (
	"context"
	"database/sql"

	"oms/internal/store"
)

// txn is a store write transaction that prepares each distinct statement
// once and reuses it until the transaction ends. Preparing is the dear part
// of a write here: SQLite compiles the capture and search triggers into
// every INSERT or UPDATE, which costs more than running it. A service call
// runs each statement about once, GenerateCustomers tens of thousands of
// times.
type txn struct {
	*store.Tx
	stmts map[string]*sql.Stmt
}

// update runs fn in a write transaction for actor, as store.DB.Update does.
func (s *Service) update(ctx context.Context, actor store.Actor, fn func(tx *txn) error) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		return fn(newTxn(tx))
	})
}

func newTxn(tx *store.Tx) *txn { return &txn{Tx: tx, stmts: map[string]*sql.Stmt{}} }

// stmt returns the prepared statement for query. database/sql closes it
// when the transaction commits or rolls back.
func (tx *txn) stmt(query string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[query]; ok {
		return st, nil
	}
	st, err := tx.Tx.PrepareContext(tx.Context(), query)
	if err != nil {
		return nil, err
	}
	tx.stmts[query] = st
	return st, nil
}

// Exec runs a statement of the transaction.
func (tx *txn) Exec(query string, args ...any) (sql.Result, error) {
	st, err := tx.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(tx.Context(), args...)
}

// QueryRow runs a query of the transaction that returns at most one row.
func (tx *txn) QueryRow(query string, args ...any) *sql.Row {
	st, err := tx.stmt(query)
	if err != nil {
		// The unprepared query fails the same way, and its Row carries the error.
		return tx.Tx.QueryRowContext(tx.Context(), query, args...)
	}
	return st.QueryRowContext(tx.Context(), args...)
}
