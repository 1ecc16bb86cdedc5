// Package config finds the workstation's data directory.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// EnvData names the environment variable that overrides the data directory.
const EnvData = "OMS_DATA"

// DBFile is the database file's name inside the data directory.
const DBFile = "oms.db"

// DataDir returns the data directory: flag if set, else $OMS_DATA, else the
// user's config directory + "/oms". The result is absolute.
func DataDir(flag string) (string, error) {
	dir := flag
	if dir == "" {
		dir = os.Getenv(EnvData)
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the user's config directory (set --data or %s): %w", EnvData, err)
		}
		dir = filepath.Join(base, "oms")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("data directory %q: %w", dir, err)
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		return "", errors.New("data directory " + abs + " is a file, not a directory")
	}
	return abs, nil
}

// DBPath returns the database path inside dataDir.
func DBPath(dataDir string) string { return filepath.Join(dataDir, DBFile) }
