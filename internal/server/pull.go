package server

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	omsync "oms/internal/sync"
)

// MaxPull is the most rows or changes one pull returns.
const MaxPull = 2000

// A snapshot page in bulk form holds up to MaxBulkPull rows, and stops
// after the row that brings it past maxBulkBytes.
const (
	MaxBulkPull  = 10_000
	maxBulkBytes = 8 << 20
)

// Cursors are opaque to the client:
//   - "" starts a fresh device with a snapshot;
//   - "s:HW:ENTITY:ID" is inside the snapshot, after row (ENTITY, ID),
//     which was taken when the log stood at HW;
//   - "p:N" is after position N of the log.
//
// A snapshot row may be newer than HW: the changes after HW then apply
// again, which the merge makes harmless.

// Pull returns the next batch after cursor for device dev.
func (s *Server) Pull(ctx ctxT, dev Device, cursor string, limit int) (omsync.PullResponse, error) {
	return s.pull(ctx, dev, cursor, limit, false)
}

// PullBulk is Pull with a snapshot page in bulk form (omsync.Group).
func (s *Server) PullBulk(ctx ctxT, dev Device, cursor string, limit int) (omsync.PullResponse, error) {
	return s.pull(ctx, dev, cursor, limit, true)
}

func (s *Server) pull(ctx ctxT, dev Device, cursor string, limit int, bulk bool) (omsync.PullResponse, error) {
	max := MaxPull
	if bulk && (cursor == "" || strings.HasPrefix(cursor, "s:")) {
		max = MaxBulkPull
	}
	if limit <= 0 || limit > max {
		limit = max
	}
	var res omsync.PullResponse
	switch {
	case cursor == "":
		// The highest committed position: every smaller one is committed too,
		// because pushes take positions in commit order (push.go).
		var hw int64
		if err := s.db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) FROM srv_log`).Scan(&hw); err != nil {
			return res, err
		}
		if s.hooks.snapshotHW != nil {
			hw = s.hooks.snapshotHW(hw)
		}
		return s.snapshot(ctx, dev, hw, "", "", limit, true, bulk)
	case strings.HasPrefix(cursor, "s:"):
		parts := strings.SplitN(cursor, ":", 4)
		if len(parts) != 4 {
			return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
		}
		hw, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil {
			return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
		}
		return s.snapshot(ctx, dev, hw, parts[2], parts[3], limit, false, bulk)
	case strings.HasPrefix(cursor, "p:"):
		pos, err := strconv.ParseInt(cursor[2:], 10, 64)
		if err != nil || pos < 0 {
			return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
		}
		return s.changes(ctx, dev, pos, limit)
	default:
		return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
	}
}

// snapshot pages through every live row after (entity, id). Rows whose
// every value this device wrote itself are left out: it has them (a
// workstation that worked alone before it enrolled pulls only what others
// wrote). In bulk form the stored fields and clocks go out as they are.
func (s *Server) snapshot(ctx ctxT, dev Device, hw int64, entity, id string, limit int, first, bulk bool) (omsync.PullResponse, error) {
	res := omsync.PullResponse{Snapshot: true}
	if first {
		if err := s.db.sql.QueryRowContext(ctx, `SELECT count(*) FROM srv_entities WHERE deleted = ''`).Scan(&res.Total); err != nil {
			return res, err
		}
	}
	rows, err := s.db.sql.QueryContext(ctx, s.db.q(`SELECT entity, id, fields, clocks FROM srv_entities
		WHERE (entity, id) > (?, ?) AND deleted = '' ORDER BY entity, id LIMIT ?`), entity, id, limit)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	scanned, size := 0, 0
	// A device that never pushed wrote none of the rows: their clocks need
	// no reading.
	mine := dev.LastSeq > 0
	var group *omsync.Group
	maxBytes := maxBulkBytes
	if s.hooks.bulkBytes > 0 {
		maxBytes = s.hooks.bulkBytes
	}
	for size < maxBytes && rows.Next() {
		var e, rid string
		var fields, clocks sql.RawBytes
		if err := rows.Scan(&e, &rid, &fields, &clocks); err != nil {
			return res, err
		}
		scanned++
		entity, id = e, rid
		var rc map[string]omsync.Clock
		if mine || !bulk {
			if err := json.Unmarshal(clocks, &rc); err != nil {
				return res, fmt.Errorf("%s %s: %w", e, rid, err)
			}
			if mine && allWrittenBy(rc, dev.ID) {
				continue
			}
		}
		if !bulk {
			r := omsync.Row{Entity: e, ID: rid, Clocks: rc}
			if err := json.Unmarshal(fields, &r.Fields); err != nil {
				return res, fmt.Errorf("%s %s: %w", e, rid, err)
			}
			res.Rows = append(res.Rows, r)
			continue
		}
		if group == nil || group.Entity != e {
			if group != nil {
				group.Rows, group.Clocks = append(group.Rows, ']'), append(group.Clocks, ']')
			}
			res.Groups = append(res.Groups, omsync.Group{Entity: e, Rows: []byte{'['}, Clocks: []byte{'['}})
			group = &res.Groups[len(res.Groups)-1]
		} else {
			group.Rows, group.Clocks = append(group.Rows, ','), append(group.Clocks, ',')
		}
		group.Rows, group.Clocks = append(group.Rows, fields...), append(group.Clocks, clocks...)
		group.Count++
		size += len(fields) + len(clocks)
	}
	if err := rows.Err(); err != nil {
		return res, err
	}
	if group != nil {
		group.Rows, group.Clocks = append(group.Rows, ']'), append(group.Clocks, ']')
	}
	res.More = true
	if scanned < limit && size < maxBytes {
		res.Cursor = "p:" + strconv.FormatInt(hw, 10)
		res.Snapshot = false
	} else {
		res.Cursor = fmt.Sprintf("s:%d:%s:%s", hw, entity, id)
	}
	return res, nil
}

func (s *Server) changes(ctx ctxT, dev Device, after int64, limit int) (omsync.PullResponse, error) {
	res := omsync.PullResponse{}
	rows, err := s.db.sql.QueryContext(ctx, s.db.q(`SELECT position, change_id, device_id, seq, entity, entity_id, op, fields, hlc, user_id, schema_version, created_at
		FROM srv_log WHERE position > ? ORDER BY position LIMIT ?`), after, limit)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	n := 0
	last := after
	for rows.Next() {
		var c omsync.Change
		var fields string
		var pos int64
		if err := rows.Scan(&pos, &c.ID, &c.Device, &c.Seq, &c.Entity, &c.EntityID, &c.Op, &fields, &c.HLC, &c.UserID, &c.SchemaVersion, &c.CreatedAt); err != nil {
			return res, err
		}
		n++
		last = pos
		if c.Device == dev.ID {
			continue // the device has its own changes
		}
		if err := json.Unmarshal([]byte(fields), &c.Fields); err != nil {
			return res, fmt.Errorf("log position %d: %w", pos, err)
		}
		res.Changes = append(res.Changes, c)
	}
	if err := rows.Err(); err != nil {
		return res, err
	}
	res.Cursor = "p:" + strconv.FormatInt(last, 10)
	res.More = n == limit
	return res, nil
}

// allWrittenBy reports whether device wrote every value the clocks cover.
func allWrittenBy(clocks map[string]omsync.Clock, device string) bool {
	if len(clocks) == 0 {
		return false
	}
	for _, c := range clocks {
		if _, d := c.Split(); d != device {
			return false
		}
	}
	return true
}
