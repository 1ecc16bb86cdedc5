// Package errs defines the one error type users can act on: a code, a plain
// sentence and the input field it concerns. Everything else is an internal
// error, wrapped with context, that reaches the user as "Internal error".
package errs

import (
	"errors"
	"fmt"
)

// Error codes.
const (
	EINVALID      = "EINVALID"      // bad input; Field names the input
	ECONFLICT     = "ECONFLICT"     // the action conflicts with current state
	ENOTFOUND     = "ENOTFOUND"     // the entity does not exist
	EUNAUTHORIZED = "EUNAUTHORIZED" // no session or wrong credentials
	EFORBIDDEN    = "EFORBIDDEN"    // the role lacks the permission
	ELOCKED       = "ELOCKED"       // the user is locked after repeated failures
	EINTERNAL     = "EINTERNAL"     // anything else
)

// Error is an error a user can act on.
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error returns the message, prefixed by the code.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error about one input field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Message: fmt.Sprintf(format, args...), Field: field}
}

// Code returns the code of err, EINTERNAL if err is not an *Error, "" if nil.
func Code(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Message returns the user-facing message of err: its own for an *Error,
// "Internal error." otherwise.
func Message(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// Field returns the input field err concerns, or "".
func Field(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// Prefix returns err with its field moved under prefix ("admin" + "pin" gives
// "admin.pin"), for services that validate a part of a larger request.
func Prefix(prefix string, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Field != "" {
		return &Error{Code: e.Code, Message: e.Message, Field: prefix + "." + e.Field}
	}
	return err
}
