package server

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"oms/internal/store"
	omsync "oms/internal/sync"
)

// API key scopes: read sees products, stock, customers and orders; write
// also creates orders.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
)

// APIKey is a key another program uses for the public API.
type APIKey struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Scope      string `json:"scope"`
	CreatedAt  string `json:"created_at"`
	RevokedAt  string `json:"revoked_at"`
	LastUsedAt string `json:"last_used_at"`
}

// CreateAPIKey creates a key for the program called name and returns it
// with its secret text, shown once ("omsk_<id>_<secret>"); only a hash is kept.
func (db *DB) CreateAPIKey(ctx context.Context, name, scope string, now time.Time) (APIKey, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > 100 {
		return APIKey{}, "", errors.New("give the key a name of 1 to 100 characters, e.g. --name \"Web shop\"")
	}
	if scope != ScopeRead && scope != ScopeWrite {
		return APIKey{}, "", fmt.Errorf("the scope must be %s or %s, not %q", ScopeRead, ScopeWrite, scope)
	}
	k := APIKey{ID: store.NewID(), Name: name, Scope: scope, CreatedAt: store.FormatTime(now)}
	secret := "omsk_" + strings.ReplaceAll(k.ID, "-", "") + "_" + randomSecret()
	if _, err := db.sql.ExecContext(ctx, db.q(`INSERT INTO srv_api_keys (id, name, key_hash, scope, created_at) VALUES (?, ?, ?, ?, ?)`),
		k.ID, k.Name, hashSecret(secret), k.Scope, k.CreatedAt); err != nil {
		return APIKey{}, "", fmt.Errorf("create API key: %w", err)
	}
	return k, secret, nil
}

// APIKeys lists the keys.
func (db *DB) APIKeys(ctx context.Context) ([]APIKey, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, name, scope, created_at, revoked_at, last_used_at FROM srv_api_keys ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIKey
	for rows.Next() {
		var k APIKey
		if err := rows.Scan(&k.ID, &k.Name, &k.Scope, &k.CreatedAt, &k.RevokedAt, &k.LastUsedAt); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// RevokeAPIKey revokes a key by id or name.
func (db *DB) RevokeAPIKey(ctx context.Context, idOrName string, now time.Time) (APIKey, error) {
	var k APIKey
	err := db.sql.QueryRowContext(ctx, db.q(`UPDATE srv_api_keys SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at = ''
		RETURNING id, name, scope`), store.FormatTime(now), idOrName, idOrName).Scan(&k.ID, &k.Name, &k.Scope)
	if errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("no API key %q that is not revoked already", idOrName)
	}
	return k, err
}

// apiKeyFor returns the key whose secret is text.
func (db *DB) apiKeyFor(ctx context.Context, text string, now time.Time) (APIKey, error) {
	var k APIKey
	var hash string
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT id, name, scope, created_at, revoked_at, key_hash FROM srv_api_keys WHERE key_hash = ?`), hashSecret(text)).
		Scan(&k.ID, &k.Name, &k.Scope, &k.CreatedAt, &k.RevokedAt, &hash)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && subtle.ConstantTimeCompare([]byte(hash), []byte(hashSecret(text))) != 1) {
		return APIKey{}, refuse(401, omsync.CodeUnauthorized, "Unknown API key: send it as Authorization: Bearer omsk_…; an admin creates keys with oms apikey.")
	}
	if err != nil {
		return APIKey{}, err
	}
	if k.RevokedAt != "" {
		return APIKey{}, refuse(401, omsync.CodeRevoked, "This API key was revoked on %s.", k.RevokedAt)
	}
	_, _ = db.sql.ExecContext(ctx, db.q(`UPDATE srv_api_keys SET last_used_at = ? WHERE id = ?`), store.FormatTime(now), k.ID)
	return k, nil
}
