package app

import (
	"encoding/json"

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
// goes to the log only. The result is the ErrorDTO as JSON text, because the
// Wails v2.16 runtime rejects a call with new Error(value): an object would
// arrive as "[object Object]", text arrives intact as the Error's message.
func (a *App) FormatError(err error) any {
	code := errs.Code(err)
	if code == errs.EINTERNAL {
		a.log.Error("internal error", "err", err)
	}
	b, _ := json.Marshal(ErrorDTO{Code: code, Message: errs.Message(err), Field: errs.Field(err)})
	return string(b)
}
