package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Device is this workstation's identity. StationCode is empty until the
// device enrols with a sync server.
type Device struct {
	ID          string
	Name        string
	StationCode string
	ServerURL   string
}

// initDevice creates the device identity on first open and loads it.
func (db *DB) initDevice(ctx context.Context) error {
	var d Device
	err := db.write.QueryRowContext(ctx, `SELECT device_id, device_name, station_code, server_url FROM sync_state WHERE id = 1`).
		Scan(&d.ID, &d.Name, &d.StationCode, &d.ServerURL)
	if errors.Is(err, sql.ErrNoRows) {
		d.ID = NewID()
		if d.Name, err = os.Hostname(); err != nil || d.Name == "" {
			d.Name = "workstation"
		}
		if _, err := db.write.ExecContext(ctx, `INSERT INTO sync_state (id, device_id, device_name, created_at) VALUES (1, ?, ?, ?)`,
			d.ID, d.Name, FormatTime(db.Now())); err != nil {
			return fmt.Errorf("create device identity: %w", err)
		}
	} else if err != nil {
		return fmt.Errorf("read device identity: %w", err)
	}
	db.device = d
	return nil
}
