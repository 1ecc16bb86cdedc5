package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// Interaction kinds.
const (
	InteractionCall      = "call"
	InteractionEmail     = "email"
	InteractionVisit     = "visit"
	InteractionNote      = "note"
	InteractionComplaint = "complaint"
)

// InteractionKinds lists the kinds of interaction, in the order a form offers them.
var InteractionKinds = []string{InteractionCall, InteractionEmail, InteractionVisit, InteractionNote, InteractionComplaint}

// ErasedText replaces the text of every interaction of an erased customer.
const ErasedText = "(erased)"

// Interaction is one entry of a customer's interaction log. The log is a
// ledger: entries are added, never edited or deleted; only an erasure
// overwrites their text.
type Interaction struct {
	ID         string    `json:"id"`
	CustomerID string    `json:"customerId"`
	Kind       string    `json:"kind"`
	UserID     string    `json:"userId"`   // who recorded it
	UserName   string    `json:"userName"` // their name at the time
	OccurredAt time.Time `json:"occurredAt"`
	CreatedAt  time.Time `json:"createdAt"`
	Text       string    `json:"text"`
}

// InteractionInput describes a new interaction. A zero OccurredAt means now.
type InteractionInput struct {
	Kind       string    `json:"kind"`
	OccurredAt time.Time `json:"occurredAt"`
	Text       string    `json:"text"`
}

// validate normalizes and checks the input against now, the transaction time.
func (in *InteractionInput) validate(now time.Time) error {
	in.Kind = strings.ToLower(clean(in.Kind))
	in.Text = clean(in.Text)
	valid := false
	for _, k := range InteractionKinds {
		valid = valid || in.Kind == k
	}
	if !valid {
		return errs.Invalid("kind", "Choose call, email, visit, note or complaint.")
	}
	if in.Text == "" {
		return errs.Invalid("text", "Describe the interaction.")
	}
	if err := checkText("text", in.Text, MaxTextLen, true); err != nil {
		return err
	}
	if in.OccurredAt.IsZero() {
		in.OccurredAt = now
	}
	in.OccurredAt = in.OccurredAt.UTC().Truncate(time.Millisecond)
	if in.OccurredAt.After(now.Add(24 * time.Hour)) {
		return errs.Invalid("occurredAt", "An interaction cannot be in the future.")
	}
	if in.OccurredAt.Year() < 2000 {
		return errs.Invalid("occurredAt", "Enter a date after the year 2000.")
	}
	return nil
}

// AddInteraction records an interaction with a customer, by actor.
// EINVALID for bad input (kind, text, occurredAt), ECONFLICT if the customer
// was erased, ENOTFOUND if there is none.
func (s *Service) AddInteraction(ctx context.Context, actor store.Actor, customerID string, in InteractionInput) (*Interaction, error) {
	var it *Interaction
	err := s.update(ctx, actor, func(tx *txn) error {
		if _, err := findWritable(tx, customerID); err != nil {
			return err
		}
		var err error
		it, err = addInteraction(tx, customerID, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	return it, nil
}

// addInteraction validates and inserts an interaction by the transaction's
// actor: the ledger entry and, beside it, its text.
func addInteraction(tx *txn, customerID string, in InteractionInput) (*Interaction, error) {
	if err := in.validate(tx.Now); err != nil {
		return nil, err
	}
	id := store.NewID()
	now := store.FormatTime(tx.Now)
	if _, err := tx.Exec(`INSERT INTO customer_interactions (id, customer_id, kind, user_id, user_name, occurred_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, customerID, in.Kind, tx.Actor.UserID, tx.Actor.UserName, store.FormatTime(in.OccurredAt), now); err != nil {
		return nil, fmt.Errorf("add interaction: %w", err)
	}
	if _, err := tx.Exec(`INSERT INTO customer_interaction_texts (id, customer_id, text, updated_at) VALUES (?, ?, ?, ?)`,
		id, customerID, in.Text, now); err != nil {
		return nil, fmt.Errorf("add interaction: %w", err)
	}
	return &Interaction{ID: id, CustomerID: customerID, Kind: in.Kind, UserID: tx.Actor.UserID, UserName: tx.Actor.UserName,
		OccurredAt: in.OccurredAt, CreatedAt: tx.Now, Text: in.Text}, nil
}

// Timeline returns up to limit interactions with a customer, newest first
// (limit defaults to 50 and is capped at 1000). ENOTFOUND if there is no
// such customer.
func (s *Service) Timeline(ctx context.Context, customerID string, limit int) ([]*Interaction, error) {
	if limit <= 0 {
		limit = 50
	} else if limit > 1000 {
		limit = 1000
	}
	if _, err := findCustomer(s.db.Reader(), customerID); err != nil {
		return nil, err
	}
	return findInteractions(ctx, s.db.Reader(), customerID, limit)
}

// findInteractions returns up to limit interactions, newest first. The text
// is "" for an entry whose text has not arrived by sync yet.
func findInteractions(ctx context.Context, q queryer, customerID string, limit int) ([]*Interaction, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.id, i.customer_id, i.kind, i.user_id, i.user_name, i.occurred_at, i.created_at, COALESCE(t.text, '')
		FROM customer_interactions i LEFT JOIN customer_interaction_texts t ON t.id = i.id
		WHERE i.customer_id = ? ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`, customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	out := []*Interaction{}
	for rows.Next() {
		var it Interaction
		var occurred, created string
		if err := rows.Scan(&it.ID, &it.CustomerID, &it.Kind, &it.UserID, &it.UserName, &occurred, &created, &it.Text); err != nil {
			return nil, err
		}
		it.OccurredAt, _ = store.ParseTime(occurred)
		it.CreatedAt, _ = store.ParseTime(created)
		out = append(out, &it)
	}
	return out, rows.Err()
}
