package shipping

import (
	"context"
	"errors"
	"fmt"

	"oms/internal/errs"
	"oms/internal/store"
)

// MaxBatch is the most shipments one batch step or document takes.
const MaxBatch = 500

// UpdateStatuses records the same step for many shipments at once, as when
// the carrier's driver collects the day's parcels: all in one transaction,
// so either every shipment takes the step or none does. Each order follows
// as in UpdateStatus. It returns the shipments after, in the order of ids.
// EINVALID on "status" or "note"; on "ids" for none or more than MaxBatch;
// on "ids[i]" for the first shipment that cannot take the step or is listed
// twice; ENOTFOUND on "ids[i]" for an unknown one.
func (s *Service) UpdateStatuses(ctx context.Context, actor store.Actor, ids []string, to Status, note string) ([]*Shipment, error) {
	note, err := checkStep(to, note)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errs.Invalid("ids", "Select at least one shipment.")
	}
	if len(ids) > MaxBatch {
		return nil, errs.Invalid("ids", "Select at most %d shipments at once.", MaxBatch)
	}
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		if seen[id] {
			return nil, errs.Invalid(fmt.Sprintf("ids[%d]", i), "A shipment is in the selection twice.")
		}
		seen[id] = true
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		for i, id := range ids {
			if err := step(tx, id, to, note); err != nil {
				var e *errs.Error
				if errors.As(err, &e) && (e.Code == errs.EINVALID || e.Code == errs.ENOTFOUND) {
					return &errs.Error{Code: e.Code, Message: e.Message, Field: fmt.Sprintf("ids[%d]", i)}
				}
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]*Shipment, 0, len(ids))
	for _, id := range ids {
		sh, err := s.FindShipmentByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, nil
}
