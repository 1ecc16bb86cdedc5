package shipping

import (
	"strings"

	"oms/internal/store"
)

// RenumberLocal gives the shipments numbered before this workstation
// enrolled (LOCAL-S…) its station code, in the enrolment's transaction (see
// order.RenumberLocal, which moves the series themselves).
func RenumberLocal(tx *store.Tx, station string) error {
	station = strings.ToUpper(strings.TrimSpace(station))
	_, err := tx.RewritePrefix("shipments", "number", "LOCAL-", station+"-")
	return err
}
