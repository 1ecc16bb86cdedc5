package customer

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// Audit actions the customer service writes beside the captured row changes.
const (
	actionErase         = "erase"
	actionExport        = "export"
	actionDeleteAddress = "delete_address"
)

// Export is everything stored about one customer, for a GDPR access request.
type Export struct {
	ExportedAt   time.Time      `json:"exportedAt"`
	Customer     *Customer      `json:"customer"`
	Addresses    []*Address     `json:"addresses"`
	Interactions []*Interaction `json:"interactions"` // newest first
	Audit        []AuditEntry   `json:"audit"`        // oldest first
}

// AuditEntry is an audit-log entry about the customer, its addresses or its
// interactions. Personal values are shown as "(hidden)": the audit log
// records that they changed, never what they were.
type AuditEntry struct {
	At       time.Time       `json:"at"`
	UserID   string          `json:"userId"`
	UserName string          `json:"userName"`
	DeviceID string          `json:"deviceId"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID string          `json:"entityId"`
	Changes  json.RawMessage `json:"changes"`
}

// Export gathers everything about one customer: its details, addresses,
// interactions with their texts, and the audit entries about each of them.
// ENOTFOUND if there is no such customer.
func (s *Service) Export(ctx context.Context, id string) (*Export, error) {
	e := &Export{ExportedAt: s.db.Now().UTC().Truncate(time.Millisecond)}
	// One read transaction: the parts are a consistent snapshot.
	rtx, err := s.db.Reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("export customer: %w", err)
	}
	defer rtx.Rollback()
	if e.Customer, err = findCustomer(rtx, id); err != nil {
		return nil, err
	}
	if e.Addresses, err = findAddresses(ctx, rtx, id); err != nil {
		return nil, err
	}
	if e.Interactions, err = findInteractions(ctx, rtx, id, -1); err != nil {
		return nil, err
	}
	if err := rtx.Rollback(); err != nil {
		return nil, fmt.Errorf("export customer: %w", err)
	}

	entries, err := s.db.FindAudit(ctx, store.AuditFilter{Entity: "customers", EntityID: id, Limit: 5000})
	if err != nil {
		return nil, err
	}
	type key struct{ entity, id string }
	var more []key
	seen := map[string]bool{}
	for _, a := range e.Addresses {
		more, seen[a.ID] = append(more, key{"customer_addresses", a.ID}), true
	}
	for _, a := range entries {
		// Deleted addresses are known only from the audit entry tying them to the customer.
		if a.Action == actionDeleteAddress {
			var d struct{ AddressID string }
			if json.Unmarshal([]byte(a.Changes), &d) == nil && d.AddressID != "" && !seen[d.AddressID] {
				more, seen[d.AddressID] = append(more, key{"customer_addresses", d.AddressID}), true
			}
		}
	}
	for _, it := range e.Interactions {
		more = append(more, key{"customer_interactions", it.ID}, key{"customer_interaction_texts", it.ID})
	}
	for _, k := range more {
		got, err := s.db.FindAudit(ctx, store.AuditFilter{Entity: k.entity, EntityID: k.id, Limit: 5000})
		if err != nil {
			return nil, err
		}
		entries = append(entries, got...)
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].At != entries[j].At {
			return entries[i].At < entries[j].At
		}
		return entries[i].ID < entries[j].ID
	})
	e.Audit = make([]AuditEntry, 0, len(entries))
	for _, a := range entries {
		at, _ := store.ParseTime(a.At)
		changes := json.RawMessage(a.Changes)
		if !json.Valid(changes) {
			changes, _ = json.Marshal(a.Changes)
		}
		e.Audit = append(e.Audit, AuditEntry{At: at, UserID: a.UserID, UserName: a.UserName, DeviceID: a.DeviceID,
			Action: a.Action, Entity: a.Entity, EntityID: a.EntityID, Changes: changes})
	}
	return e, nil
}

// RecordExport writes to the audit log that actor exported a customer's data
// in format ("json" or "xlsx"), so access to personal data is traceable.
// EINVALID on "format", ENOTFOUND if there is no such customer.
func (s *Service) RecordExport(ctx context.Context, actor store.Actor, id, format string) error {
	if format != "json" && format != "xlsx" {
		return errs.Invalid("format", "Export as json or xlsx.")
	}
	return s.update(ctx, actor, func(tx *txn) error {
		if _, err := findCustomer(tx, id); err != nil {
			return err
		}
		return tx.Audit(actionExport, "customers", id, map[string]string{"format": format})
	})
}

// Erase anonymizes a customer for a GDPR erasure request, in one
// transaction: the name becomes "Erased customer <code>"; company, email,
// phone, tax id and notes are blanked; every address is blanked but for its
// kind and country; every interaction's text becomes "(erased)"; the
// customer is archived. The row, its id and code stay, so orders and
// invoices keep their numbers and amounts. The erasure is audited with
// reason. EINVALID on "reason", ECONFLICT if already erased, ENOTFOUND.
func (s *Service) Erase(ctx context.Context, actor store.Actor, id, reason string) (*Customer, error) {
	reason = clean(reason)
	if reason == "" {
		return nil, errs.Invalid("reason", "Give the reason for the erasure (for example the date of the customer's request).")
	}
	if err := checkText("reason", reason, MaxReasonLen, true); err != nil {
		return nil, err
	}
	var c *Customer
	err := s.update(ctx, actor, func(tx *txn) error {
		cur, err := findCustomer(tx, id)
		if err != nil {
			return err
		}
		if cur.Erased() {
			return errs.Errorf(errs.ECONFLICT, "This customer was already erased.")
		}
		now := store.FormatTime(tx.Now)
		if _, err := tx.Exec(`UPDATE customers SET name = ?, company = '', email = '', phone = '', tax_id = '', notes = '',
			active = 0, erased_at = ?, updated_at = ? WHERE id = ?`, "Erased customer "+cur.Code, now, now, id); err != nil {
			return fmt.Errorf("erase customer: %w", err)
		}
		res, err := tx.Exec(`UPDATE customer_addresses SET name = '', company = '', line1 = '', line2 = '', postal_code = '', city = '',
			region = '', phone = '', updated_at = ? WHERE customer_id = ?`, now, id)
		if err != nil {
			return fmt.Errorf("erase addresses: %w", err)
		}
		addresses, _ := res.RowsAffected()
		res, err = tx.Exec(`UPDATE customer_interaction_texts SET text = ?, updated_at = ? WHERE customer_id = ? AND text <> ?`,
			ErasedText, now, id, ErasedText)
		if err != nil {
			return fmt.Errorf("erase interactions: %w", err)
		}
		interactions, _ := res.RowsAffected()
		if err := tx.Audit(actionErase, "customers", id, map[string]any{
			"reason": reason, "code": cur.Code, "addresses": addresses, "interactions": interactions,
		}); err != nil {
			return err
		}
		c, err = findCustomer(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}
