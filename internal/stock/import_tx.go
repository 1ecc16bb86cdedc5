package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// FindWarehouseByCode returns the warehouse with a code, regardless of
// ASCII case, read through q (the read pool or a transaction). ENOTFOUND on
// field "warehouseId" if there is none.
func FindWarehouseByCode(ctx context.Context, q Queryer, code string) (*Warehouse, error) {
	code = strings.TrimSpace(code)
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM warehouses WHERE code = ?`, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("warehouseId", "There is no warehouse %s.", code)
	} else if err != nil {
		return nil, fmt.Errorf("find warehouse by code: %w", err)
	}
	return findWarehouse(ctx, q, id)
}

// FindBinByCode returns the bin of a warehouse with a code, regardless of
// case, read through q. ENOTFOUND on field "binId" if there is none.
func FindBinByCode(ctx context.Context, q Queryer, warehouseID, code string) (*Bin, error) {
	code = strings.TrimSpace(code)
	b, err := scanBin(q.QueryRowContext(ctx, `SELECT `+binColumns+` FROM bins WHERE warehouse_id = ? AND code = ?`, warehouseID, code).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("binId", "No bin %s in this warehouse.", code)
	} else if err != nil {
		return nil, fmt.Errorf("find bin: %w", err)
	}
	return b, nil
}
