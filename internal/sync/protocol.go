// Package sync joins workstations through a server: the wire protocol, the
// merge rules shared by client and server, and the client (enrolment, push,
// pull and the background loop). DESIGN.md's Sync section is the contract.
package sync

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"

	"oms/internal/store"
)

// ProtocolVersion is the version of this wire protocol. Every request
// carries it (header OMS-Protocol) with the schema version (OMS-Schema).
const ProtocolVersion = 1

// MinSchema is the oldest workstation schema the server accepts: the one
// that brought sync.
const MinSchema = 13

// Request headers.
const (
	HeaderProtocol = "OMS-Protocol"
	HeaderSchema   = "OMS-Schema"
)

// Paths of the sync endpoints.
const (
	PathEnrol  = "/sync/v1/enrol"
	PathPush   = "/sync/v1/push"
	PathPull   = "/sync/v1/pull"
	PathStatus = "/sync/v1/status"
)

// Change is one captured change as it travels: a row of a device's outbox.
type Change struct {
	ID            string                     `json:"id"` // UUIDv7
	Device        string                     `json:"device"`
	Seq           int64                      `json:"seq"` // device_seq, from 1, no gaps
	Entity        string                     `json:"entity"`
	EntityID      string                     `json:"entity_id"`
	Op            string                     `json:"op"` // insert, update, delete
	Fields        map[string]json.RawMessage `json:"fields"`
	HLC           string                     `json:"hlc"`
	UserID        string                     `json:"user_id,omitempty"`
	SchemaVersion int                        `json:"schema_version"`
	CreatedAt     string                     `json:"created_at"`
}

// Clock is the change's clock for last-writer-wins: its HLC and device.
func (c Change) Clock() Clock { return MakeClock(c.HLC, c.Device) }

// FromOutbox turns an outbox row of device into a Change.
func FromOutbox(device string, c store.Change) (Change, error) {
	out := Change{ID: c.ID, Device: device, Seq: c.Seq, Entity: c.Entity, EntityID: c.EntityID, Op: c.Op,
		HLC: c.HLC, UserID: c.UserID, SchemaVersion: c.SchemaVersion, CreatedAt: c.CreatedAt}
	if err := json.Unmarshal([]byte(c.Fields), &out.Fields); err != nil {
		return out, fmt.Errorf("outbox change %d: fields: %w", c.Seq, err)
	}
	return out, nil
}

// EnrolRequest asks for an identity on the server with a one-time token.
type EnrolRequest struct {
	Token      string `json:"token"`
	DeviceID   string `json:"device_id"`
	DeviceName string `json:"device_name"`
}

// EnrolResponse is the device's identity on the server. Credential is shown
// once; the server keeps only its hash.
type EnrolResponse struct {
	ServerID    string `json:"server_id"`
	DeviceID    string `json:"device_id"`
	StationCode string `json:"station_code"`
	Credential  string `json:"credential"`
}

// PushRequest carries a device's changes in device_seq order, contiguous.
type PushRequest struct {
	Device  string   `json:"device"`
	Changes []Change `json:"changes"`
}

// Result statuses.
const (
	StatusApplied  = "applied"  // merged (some fields may have lost to newer values)
	StatusRejected = "rejected" // consumed without effect; Reason says why
)

// Result is the server's answer for one change; a change sent again gets
// the stored answer.
type Result struct {
	Seq    int64  `json:"seq"`
	ID     string `json:"id"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// PushResponse answers a push: one result per change, and the device's last
// applied seq on the server.
type PushResponse struct {
	Results []Result `json:"results"`
	LastSeq int64    `json:"last_seq"`
}

// Row is one entity's merged state, sent in a snapshot.
type Row struct {
	Entity string                     `json:"entity"`
	ID     string                     `json:"id"`
	Fields map[string]json.RawMessage `json:"fields"`
	Clocks map[string]Clock           `json:"clocks"`
}

// PullResponse is a batch after a cursor: snapshot rows while a fresh device
// catches up, then changes. Cursor is opaque: the client stores it with the
// batch applied, and sends it back. More says another batch is ready.
type PullResponse struct {
	Rows []Row `json:"rows,omitempty"`
	// Groups are the snapshot rows in bulk form (bulk.go), when the client
	// asked for it.
	Groups   []Group  `json:"groups,omitempty"`
	Changes  []Change `json:"changes,omitempty"`
	Cursor   string   `json:"cursor"`
	Snapshot bool     `json:"snapshot"` // the cursor is still inside the snapshot
	More     bool     `json:"more"`
	// Total is the number of rows of the snapshot (for progress), when Snapshot.
	Total int64 `json:"total,omitempty"`
}

// StatusResponse describes the server and this device on it.
type StatusResponse struct {
	ServerID       string `json:"server_id"`
	ServerTime     string `json:"server_time"`
	ProtocolMin    int    `json:"protocol_min"`
	ProtocolMax    int    `json:"protocol_max"`
	SchemaMin      int    `json:"schema_min"`
	SchemaMax      int    `json:"schema_max"`
	DeviceID       string `json:"device_id"`
	StationCode    string `json:"station_code"`
	LastSeq        int64  `json:"last_seq"`
	OpenExceptions int64  `json:"open_exceptions"`
}

// ErrorResponse is the body of every refused request. Code is one of the
// Code* constants.
type ErrorResponse struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	// Expected is the next seq the server wants, with CodeGap.
	Expected int64 `json:"expected,omitempty"`
	// SchemaMin and SchemaMax give the accepted range, with CodeUpgrade.
	SchemaMin int `json:"schema_min,omitempty"`
	SchemaMax int `json:"schema_max,omitempty"`
}

// Error codes.
const (
	CodeBadRequest   = "bad_request"
	CodeUnauthorized = "unauthorized" // unknown device or wrong credential
	CodeRevoked      = "revoked"
	CodeForbidden    = "forbidden" // a change of another device
	CodeToken        = "invalid_token"
	CodeGap          = "gap"
	CodeCopy         = "copy" // a seq already applied with another change: a copied database
	CodeUpgrade      = "upgrade_required"
	CodeInternal     = "internal"
)

// Clock orders writes for last-writer-wins: "HLC@device", compared by HLC
// and then device id. The zero Clock is older than every other.
type Clock string

// MakeClock joins an HLC and a device id.
func MakeClock(hlc, device string) Clock { return Clock(hlc + "@" + device) }

// Split returns the HLC and device of c.
func (c Clock) Split() (store.HLC, string) {
	h, d, _ := strings.Cut(string(c), "@")
	t, err := store.ParseHLC(h)
	if err != nil {
		return store.HLC{}, d
	}
	return t, d
}

// Compare returns -1, 0 or 1 as c is older than, equal to or newer than o.
func (c Clock) Compare(o Clock) int {
	if c == o {
		return 0
	}
	ch, cd := c.Split()
	oh, od := o.Split()
	switch {
	case c == "":
		return -1
	case o == "":
		return 1
	case ch.Wall != oh.Wall:
		return cmp.Compare(ch.Wall, oh.Wall)
	case ch.Counter != oh.Counter:
		return cmp.Compare(ch.Counter, oh.Counter)
	default:
		return strings.Compare(cd, od)
	}
}

// Max returns the newer clock.
func (c Clock) Max(o Clock) Clock {
	if c.Compare(o) >= 0 {
		return c
	}
	return o
}
