package customer

import "oms/internal/store"

// ImportTx creates customers within a write transaction the caller owns, so
// a bulk import can write many customers all-or-nothing. It reuses prepared
// statements across customers.
type ImportTx struct {
	tx      *txn
	station string
}

// NewImportTx returns an ImportTx over tx; station is the workstation's
// station code (store.DB.Device().StationCode), which numbers customers
// imported without a code.
func NewImportTx(tx *store.Tx, station string) *ImportTx {
	return &ImportTx{tx: newTxn(tx), station: station}
}

// CreateCustomer adds a customer with its addresses and returns its id and
// code, checking what Service.CreateCustomer checks. EINVALID for bad input
// (addresses[i].field for an address), ECONFLICT on field "code" if the
// code is taken.
func (t *ImportTx) CreateCustomer(in CustomerInput) (id, code string, err error) {
	if err := in.Validate(); err != nil {
		return "", "", err
	}
	id, err = createCustomer(t.tx, t.station, &in)
	if err != nil {
		return "", "", err
	}
	return id, in.Code, nil
}
