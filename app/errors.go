package app

import (
	"oms/internal/errs"
)

// ErrorDTO is what a rejected call gives the frontend.
type ErrorDTO struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// FormatError is the Wails ErrorFormatter: coded errors keep their code,
// message and field; anything else becomes "Internal error." and its detail
// goes to the log only.
func (a *App) FormatError(err error) any {
	code := errs.Code(err)
	if code == errs.EINTERNAL {
		a.log.Error("internal error", "err", err)
	}
	return ErrorDTO{Code: code, Message: errs.Message(err), Field: errs.Field(err)}
}
