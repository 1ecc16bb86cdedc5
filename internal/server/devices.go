package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"oms/internal/store"
	omsync "oms/internal/sync"
)

// TokenLifetime is how long an enrolment token is valid.
const TokenLifetime = 24 * time.Hour

// Error is a refusal with the protocol's code and the HTTP status it maps to.
type Error struct {
	Status int
	Code   string
	Msg    string
	// Expected is the next seq, for a gap.
	Expected int64
}

func (e *Error) Error() string { return e.Msg }

func refuse(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Msg: fmt.Sprintf(format, args...)}
}

func randomSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// CreateToken returns a new one-time enrolment token for a device called name.
// Only its hash is stored.
func (db *DB) CreateToken(ctx context.Context, name string, now time.Time) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 || !utf8.ValidString(name) {
		return "", errors.New("give the device a name of 1 to 100 characters, e.g. --name \"Counter 1\"")
	}
	tok := "omst_" + randomSecret()
	_, err := db.sql.ExecContext(ctx, db.q(`INSERT INTO srv_tokens (hash, name, created_at, expires_at) VALUES (?, ?, ?, ?)`),
		hashSecret(tok), name, store.FormatTime(now), store.FormatTime(now.Add(TokenLifetime)))
	if err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	return tok, nil
}

// stationCode is the n-th station code: A1..A9, B1..Z9, then AA1, ...
func stationCode(n int64) string {
	n--
	letters := n / 9
	digit := n%9 + 1
	var prefix string
	for {
		prefix = string(rune('A'+letters%26)) + prefix
		letters = letters/26 - 1
		if letters < 0 {
			break
		}
	}
	return fmt.Sprintf("%s%d", prefix, digit)
}

// Enrol trades a one-time token for a device identity: a station code,
// never given twice, and a credential shown only in the answer.
func (db *DB) Enrol(ctx context.Context, req omsync.EnrolRequest, now time.Time) (omsync.EnrolResponse, error) {
	var res omsync.EnrolResponse
	if !validID(req.DeviceID) {
		return res, refuse(400, omsync.CodeBadRequest, "device_id must be the device's id (a UUID)")
	}
	name := strings.TrimSpace(req.DeviceName)
	if name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > 100 {
		name = "workstation"
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	var next int64
	var serverID string
	if err := tx.queryRow(`UPDATE srv_meta SET next_station = next_station + 1 WHERE id = 1 RETURNING next_station - 1, server_id`).Scan(&next, &serverID); err != nil {
		return res, fmt.Errorf("enrol: %w", err)
	}
	var tokName, expires, used string
	err = tx.queryRow(`SELECT name, expires_at, used_at FROM srv_tokens WHERE hash = ?`, hashSecret(strings.TrimSpace(req.Token))).Scan(&tokName, &expires, &used)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return res, refuse(401, omsync.CodeToken, "This enrolment token is not known to the server: ask the admin for a new one (oms token).")
	case err != nil:
		return res, fmt.Errorf("enrol: %w", err)
	case used != "":
		return res, refuse(401, omsync.CodeToken, "This enrolment token was already used: each token enrols one device. Ask the admin for a new one.")
	case expires < store.FormatTime(now):
		return res, refuse(401, omsync.CodeToken, "This enrolment token expired (tokens are valid for 24 hours): ask the admin for a new one.")
	}
	var exists int
	if err := tx.queryRow(`SELECT count(*) FROM srv_devices WHERE id = ?`, req.DeviceID).Scan(&exists); err != nil {
		return res, err
	}
	if exists > 0 {
		return res, refuse(409, omsync.CodeCopy, "A device with this id is already enrolled: this database is a copy of an enrolled workstation's. Enrol it again as a new station (Admin → Sync, or oms enroll --again).")
	}
	secret := randomSecret()
	code := stationCode(next)
	if _, err := tx.exec(`INSERT INTO srv_devices (id, name, station_code, secret_hash, enrolled_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
		req.DeviceID, tokName, code, hashSecret(secret), store.FormatTime(now), store.FormatTime(now)); err != nil {
		return res, fmt.Errorf("enrol: %w", err)
	}
	if _, err := tx.exec(`UPDATE srv_tokens SET used_at = ?, device_id = ? WHERE hash = ?`, store.FormatTime(now), req.DeviceID, hashSecret(strings.TrimSpace(req.Token))); err != nil {
		return res, fmt.Errorf("enrol: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("enrol: %w", err)
	}
	return omsync.EnrolResponse{ServerID: serverID, DeviceID: req.DeviceID, StationCode: code, Credential: secret}, nil
}

// Device is an enrolled device.
type Device struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	StationCode string `json:"station_code"`
	LastSeq     int64  `json:"last_seq"`
	EnrolledAt  string `json:"enrolled_at"`
	RevokedAt   string `json:"revoked_at"`
	LastSeenAt  string `json:"last_seen_at"`
	ClockSkewMs int64  `json:"clock_skew_ms"`
}

// Authenticate returns the device whose credential is "deviceID.secret".
func (db *DB) Authenticate(ctx context.Context, credential string) (Device, error) {
	var d Device
	id, secret, ok := strings.Cut(credential, ".")
	if !ok || !validID(id) || secret == "" {
		return d, refuse(401, omsync.CodeUnauthorized, "This request has no valid device credential: enrol the workstation first.")
	}
	var hash string
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT id, name, station_code, last_seq, enrolled_at, revoked_at, last_seen_at, clock_skew_ms, secret_hash
		FROM srv_devices WHERE id = ?`), id).Scan(&d.ID, &d.Name, &d.StationCode, &d.LastSeq, &d.EnrolledAt, &d.RevokedAt, &d.LastSeenAt, &d.ClockSkewMs, &hash)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && subtle.ConstantTimeCompare([]byte(hash), []byte(hashSecret(secret))) != 1) {
		return Device{}, refuse(401, omsync.CodeUnauthorized, "The server does not know this device or its credential: enrol the workstation again.")
	}
	if err != nil {
		return Device{}, err
	}
	if d.RevokedAt != "" {
		return Device{}, refuse(403, omsync.CodeRevoked, "This device was revoked on the server on %s: ask the admin.", d.RevokedAt)
	}
	return d, nil
}

// Devices lists the enrolled devices by station code.
func (db *DB) Devices(ctx context.Context) ([]Device, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, name, station_code, last_seq, enrolled_at, revoked_at, last_seen_at, clock_skew_ms
		FROM srv_devices ORDER BY enrolled_at, station_code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Device
	for rows.Next() {
		var d Device
		if err := rows.Scan(&d.ID, &d.Name, &d.StationCode, &d.LastSeq, &d.EnrolledAt, &d.RevokedAt, &d.LastSeenAt, &d.ClockSkewMs); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Revoke revokes the device with the given id or station code; its
// requests are refused from now on. Its changes stay.
func (db *DB) Revoke(ctx context.Context, idOrCode string, now time.Time) (Device, error) {
	var d Device
	err := db.sql.QueryRowContext(ctx, db.q(`UPDATE srv_devices SET revoked_at = ? WHERE (id = ? OR upper(station_code) = upper(?)) AND revoked_at = ''
		RETURNING id, name, station_code`), store.FormatTime(now), idOrCode, idOrCode).Scan(&d.ID, &d.Name, &d.StationCode)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("no enrolled device %q that is not revoked already: see oms devices", idOrCode)
	}
	return d, err
}

func validID(s string) bool {
	if len(s) < 8 || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r == '-' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')) {
			return false
		}
	}
	return true
}
