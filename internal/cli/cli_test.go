package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"oms/internal/auth"
	"oms/internal/config"
	"oms/internal/store"
)

func runCLI(t *testing.T, stdin string, desktop Desktop, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Desktop: desktop})
	return code, out.String(), errb.String()
}

func TestMain_Commands(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name       string
		args       []string
		stdin      string
		code       int
		out, errIn string
	}{
		{"Version", []string{"version"}, "", 0, "oms dev", ""},
		{"VersionWithData", []string{"--data", dir, "version"}, "", 0, "oms dev", ""},
		{"Help", []string{"--help"}, "", 0, "Usage: oms", ""},
		{"UnknownCommand", []string{"frobnicate"}, "", 2, "", "unknown command \"frobnicate\""},
		{"UnknownGlobalFlag", []string{"--colour", "version"}, "", 2, "", "flag provided but not defined"},
		{"UserWithoutSub", []string{"user"}, "", 2, "", "user needs a subcommand"},
		{"UserAddMissingRole", []string{"--data", dir, "user", "add", "--name", "x"}, "", 2, "", "needs --name and --role"},
		{"UserAddUnknownFlag", []string{"--data", dir, "user", "add", "--name", "x", "--role", "admin", "--pasword", "y"}, "", 2, "", "flag provided but not defined"},
		{"UserAddAdmin", []string{"--data", dir, "user", "add", "--name", "boss", "--role", "admin"}, "long-enough\n", 0, "added user boss (admin)", ""},
		{"UserAddDuplicate", []string{"--data", dir, "user", "add", "--name", "BOSS", "--role", "admin"}, "long-enough\n", 1, "", "oms: The user name \"BOSS\" is already taken.\n"},
		{"UserAddWeakPassword", []string{"--data", dir, "user", "add", "--name", "weak", "--role", "manager"}, "short\n", 1, "", "at least 8 characters"},
		{"UserAddCounterWithPIN", []string{"--data", dir, "user", "add", "--name", "cara", "--role", "counter", "--full-name", "Cara Counter"}, "\n4321\n", 0, "added user cara (counter)", ""},
		{"UserAddCounterNoPIN", []string{"--data", dir, "user", "add", "--name", "carl", "--role", "counter"}, "", 1, "", "need a PIN"},
		{"UserAddBadRole", []string{"--data", dir, "user", "add", "--name", "xavier", "--role", "root"}, "long-enough\n", 1, "", "Role must be one of"},
		{"NoCommandHeadless", []string{"--data", dir}, "", 1, "", "no desktop window"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, nil, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, stdout ~%q, stderr ~%q", code, out, errOut, tc.code, tc.out, tc.errIn)
			}
			if tc.code == 1 && strings.Count(errOut, "\n") != 1 {
				t.Fatalf("a failed command must print one line, got %q", errOut)
			}
		})
	}
	db, err := store.Open(context.Background(), config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	users := auth.NewService(db)
	if _, err := users.LoginPassword(context.Background(), "boss", "long-enough"); err != nil {
		t.Fatalf("user added by the CLI cannot sign in: %v", err)
	}
	audit, _ := db.FindAudit(context.Background(), store.AuditFilter{Entity: "users", Limit: 10})
	if len(audit) == 0 || !strings.HasPrefix(audit[len(audit)-1].UserName, "cli") {
		t.Fatalf("CLI writes are not audited as the CLI: %+v", audit)
	}
}

func TestMain_NoCommandOpensDesktopOnDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fresh")
	t.Setenv(config.EnvData, dir)
	var got string
	code, _, errOut := runCLI(t, "", func(d string, _ io.Writer) error { got = d; return nil })
	if code != 0 || got != dir {
		t.Fatalf("desktop opened on %q (exit %d, %s), want %q", got, code, errOut, dir)
	}
}
