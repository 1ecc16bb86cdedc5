package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"oms/internal/errs"
	"oms/internal/store"
)

// User is a person who signs in to OMS.
type User struct {
	ID          string
	Name        string // login name, unique regardless of case
	FullName    string
	Role        Role
	Active      bool
	HasPassword bool
	HasPIN      bool
	LockedUntil time.Time // zero when not locked
	CreatedAt   time.Time
	UpdatedAt   time.Time

	passwordHash string
	pinHash      string
}

// UserInput describes a new user.
type UserInput struct {
	Name     string
	FullName string
	Role     string
	Password string
	PIN      string
}

// Service manages users and sign-in.
type Service struct {
	db *store.DB

	// Params are the hash costs for new passwords and PINs.
	Params HashParams
	// LockAfter wrong attempts in a row lock a user for LockFor.
	LockAfter int
	LockFor   time.Duration
}

// NewService returns a user service over db with the default policy: five
// wrong attempts in a row lock the user for five minutes.
func NewService(db *store.DB) *Service {
	return &Service{db: db, Params: DefaultHashParams, LockAfter: 5, LockFor: 5 * time.Minute}
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$`)

// ValidateName checks a login name.
func ValidateName(name string) error {
	if strings.TrimSpace(name) == "" {
		return errs.Invalid("name", "Enter a user name.")
	}
	if !nameRE.MatchString(name) {
		return errs.Invalid("name", "User name must be 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.")
	}
	return nil
}

func validateFullName(s string) error {
	if utf8.RuneCountInString(s) > 100 {
		return errs.Invalid("fullName", "Full name must be at most 100 characters.")
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return errs.Invalid("fullName", "Full name must not contain control characters.")
		}
	}
	return nil
}

// ValidatePassword checks a new password.
func ValidatePassword(field, pw string) error {
	switch n := utf8.RuneCountInString(pw); {
	case n < 8:
		return errs.Invalid(field, "Password must be at least 8 characters.")
	case n > 200:
		return errs.Invalid(field, "Password must be at most 200 characters.")
	}
	return nil
}

// ValidatePIN checks a new PIN: 4 to 8 digits.
func ValidatePIN(field, pin string) error {
	if len(pin) < 4 || len(pin) > 8 {
		return errs.Invalid(field, "PIN must be 4 to 8 digits.")
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return errs.Invalid(field, "PIN must contain digits only.")
		}
	}
	return nil
}

// Validate checks a new user and returns its role. Admins and managers need a
// password; counter and warehouse staff need a PIN.
func (in UserInput) Validate() (Role, error) {
	if err := ValidateName(in.Name); err != nil {
		return "", err
	}
	if err := validateFullName(in.FullName); err != nil {
		return "", err
	}
	role, err := ParseRole(in.Role)
	if err != nil {
		return "", err
	}
	if in.Password != "" || !role.NeedsPIN() {
		if err := ValidatePassword("password", in.Password); err != nil {
			return "", err
		}
	}
	if in.PIN != "" || role.NeedsPIN() {
		if in.PIN == "" {
			return "", errs.Invalid("pin", "Counter and warehouse staff need a PIN (4 to 8 digits).")
		}
		if err := ValidatePIN("pin", in.PIN); err != nil {
			return "", err
		}
	}
	return role, nil
}

// CreateUser adds a user. EINVALID for bad input, ECONFLICT if the name is taken.
func (s *Service) CreateUser(ctx context.Context, actor store.Actor, in UserInput) (*User, error) {
	// Hash before the write transaction: hashing is slow and needs no lock.
	role, pwHash, pinHash, err := s.prepare(in)
	if err != nil {
		return nil, err
	}
	var u *User
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		u, err = createUser(tx, in, role, pwHash, pinHash)
		return err
	})
	return u, err
}

// CreateUserTx adds a user within tx (first-run setup creates the company and
// the admin together). Same errors as CreateUser.
func (s *Service) CreateUserTx(tx *store.Tx, in UserInput) (*User, error) {
	role, pwHash, pinHash, err := s.prepare(in)
	if err != nil {
		return nil, err
	}
	return createUser(tx, in, role, pwHash, pinHash)
}

func (s *Service) prepare(in UserInput) (role Role, pwHash, pinHash string, err error) {
	if role, err = in.Validate(); err != nil {
		return "", "", "", err
	}
	if in.Password != "" {
		if pwHash, err = Hash(in.Password, s.Params); err != nil {
			return "", "", "", err
		}
	}
	if in.PIN != "" {
		if pinHash, err = Hash(in.PIN, s.Params); err != nil {
			return "", "", "", err
		}
	}
	return role, pwHash, pinHash, nil
}

func createUser(tx *store.Tx, in UserInput, role Role, pwHash, pinHash string) (*User, error) {
	fullName := strings.TrimSpace(in.FullName)
	if fullName == "" {
		fullName = in.Name
	}
	var taken int
	if err := tx.QueryRow(`SELECT count(*) FROM users WHERE name = ?`, in.Name).Scan(&taken); err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	if taken > 0 {
		return nil, &errs.Error{Code: errs.ECONFLICT, Message: fmt.Sprintf("The user name %q is already taken.", in.Name), Field: "name"}
	}
	id := store.NewID()
	now := store.FormatTime(tx.Now)
	if _, err := tx.Exec(`INSERT INTO users (id, name, full_name, role, password_hash, pin_hash, active, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`, id, in.Name, fullName, string(role), pwHash, pinHash, now, now); err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	return findUser(tx, id)
}

type rowQueryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

const userColumns = `u.id, u.name, u.full_name, u.role, u.active, u.password_hash, u.pin_hash, u.created_at, u.updated_at, COALESCE(f.locked_until, '')`
const userFrom = ` FROM users u LEFT JOIN login_failures f ON f.id = u.id`

func scanUser(scan func(...any) error) (*User, error) {
	var u User
	var role, created, updated, locked string
	if err := scan(&u.ID, &u.Name, &u.FullName, &role, &u.Active, &u.passwordHash, &u.pinHash, &created, &updated, &locked); err != nil {
		return nil, err
	}
	u.Role = Role(role)
	u.HasPassword, u.HasPIN = u.passwordHash != "", u.pinHash != ""
	u.CreatedAt, _ = store.ParseTime(created)
	u.UpdatedAt, _ = store.ParseTime(updated)
	u.LockedUntil, _ = store.ParseTime(locked)
	return &u, nil
}

func findUser(q rowQueryer, id string) (*User, error) {
	u, err := scanUser(q.QueryRow(`SELECT `+userColumns+userFrom+` WHERE u.id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "User not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find user: %w", err)
	}
	return u, nil
}

// FindUserByID returns a user. ENOTFOUND if there is none.
func (s *Service) FindUserByID(ctx context.Context, id string) (*User, error) {
	return findUser(s.db.Reader(), id)
}

// UserFilter selects users.
type UserFilter struct {
	ActiveOnly bool
}

// FindUsers returns users ordered by full name.
func (s *Service) FindUsers(ctx context.Context, f UserFilter) ([]*User, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+userColumns+userFrom+`
		WHERE (? = 0 OR u.active = 1) ORDER BY u.full_name COLLATE NOCASE, u.name`, f.ActiveOnly)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	defer rows.Close()
	var out []*User
	for rows.Next() {
		u, err := scanUser(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountActiveAdmins returns how many active admins exist.
func (s *Service) CountActiveAdmins(ctx context.Context) (int, error) {
	var n int
	err := s.db.Reader().QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'admin' AND active = 1`).Scan(&n)
	return n, err
}

func countActiveAdmins(tx *store.Tx) (int, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM users WHERE role = 'admin' AND active = 1`).Scan(&n)
	return n, err
}

// ChangeRole gives a user another role. ECONFLICT when it would leave no
// active admin, or when the new role needs a PIN the user does not have.
func (s *Service) ChangeRole(ctx context.Context, actor store.Actor, id, role string) (*User, error) {
	r, err := ParseRole(role)
	if err != nil {
		return nil, err
	}
	var u *User
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if u, err = findUser(tx, id); err != nil {
			return err
		}
		if u.Role == r {
			return nil
		}
		if u.Role == RoleAdmin && u.Active {
			if n, err := countActiveAdmins(tx); err != nil {
				return err
			} else if n <= 1 {
				return &errs.Error{Code: errs.ECONFLICT, Message: "This is the last active admin; make another user admin first.", Field: "role"}
			}
		}
		if r.NeedsPIN() && !u.HasPIN {
			return &errs.Error{Code: errs.ECONFLICT, Message: "Set a PIN for this user before giving them a counter or warehouse role.", Field: "role"}
		}
		if !r.NeedsPIN() && !u.HasPassword {
			return &errs.Error{Code: errs.ECONFLICT, Message: "Set a password for this user before giving them an admin or manager role.", Field: "role"}
		}
		if _, err := tx.Exec(`UPDATE users SET role = ?, updated_at = ? WHERE id = ?`, string(r), store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("change role: %w", err)
		}
		u, err = findUser(tx, id)
		return err
	})
	return u, err
}

// SetPassword replaces a user's password. EINVALID if it is too weak.
func (s *Service) SetPassword(ctx context.Context, actor store.Actor, id, password string) error {
	if err := ValidatePassword("password", password); err != nil {
		return err
	}
	h, err := Hash(password, s.Params)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findUser(tx, id); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`, h, store.FormatTime(tx.Now), id)
		return err
	})
}

// SetPIN replaces a user's PIN, or removes it when pin is "". ECONFLICT when
// removing it would leave the user no way to sign in or their role needs one.
func (s *Service) SetPIN(ctx context.Context, actor store.Actor, id, pin string) error {
	var h string
	if pin != "" {
		if err := ValidatePIN("pin", pin); err != nil {
			return err
		}
		var err error
		if h, err = Hash(pin, s.Params); err != nil {
			return err
		}
	}
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		u, err := findUser(tx, id)
		if err != nil {
			return err
		}
		if pin == "" && (u.Role.NeedsPIN() || !u.HasPassword) {
			return &errs.Error{Code: errs.ECONFLICT, Message: "This user signs in with a PIN; it cannot be removed.", Field: "pin"}
		}
		_, err = tx.Exec(`UPDATE users SET pin_hash = ?, updated_at = ? WHERE id = ?`, h, store.FormatTime(tx.Now), id)
		return err
	})
}

// SetActive deactivates or reactivates a user. A deactivated user cannot sign
// in but keeps their history. ECONFLICT when deactivating yourself or the
// last active admin.
func (s *Service) SetActive(ctx context.Context, actor store.Actor, id string, active bool) (*User, error) {
	var u *User
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		if u, err = findUser(tx, id); err != nil {
			return err
		}
		if u.Active == active {
			return nil
		}
		if !active && id == actor.UserID {
			return errs.Errorf(errs.ECONFLICT, "You cannot deactivate yourself.")
		}
		if !active && u.Role == RoleAdmin {
			if n, err := countActiveAdmins(tx); err != nil {
				return err
			} else if n <= 1 {
				return errs.Errorf(errs.ECONFLICT, "This is the last active admin; make another user admin first.")
			}
		}
		if _, err := tx.Exec(`UPDATE users SET active = ?, updated_at = ? WHERE id = ?`, active, store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("set active: %w", err)
		}
		u, err = findUser(tx, id)
		return err
	})
	return u, err
}

// ClearLock lifts a lockout after wrong attempts.
func (s *Service) ClearLock(ctx context.Context, actor store.Actor, id string) (*User, error) {
	var u *User
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findUser(tx, id); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM login_failures WHERE id = ?`, id); err != nil {
			return fmt.Errorf("clear lock: %w", err)
		}
		var err error
		u, err = findUser(tx, id)
		return err
	})
	return u, err
}
