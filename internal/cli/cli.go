// Package cli is the oms command line: `oms [--data DIR] <command>`. With no
// command the desktop window opens (where the build has one).
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/user"
	"strings"

	"oms/internal/auth"
	"oms/internal/buildinfo"
	"oms/internal/config"
	"oms/internal/errs"
	"oms/internal/store"
)

// Desktop opens the window on the data directory, logging through OpenLog;
// nil in a headless build.
type Desktop func(dataDir string, stderr io.Writer) error

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Desktop        Desktop
}

const usage = `Usage: oms [--data DIR] [command]

With no command, oms opens the desktop app.

Commands:
  version                          print the version
  user add --name NAME --role ROLE [--full-name NAME]
                                   add a user; reads the password from the first
                                   line of standard input and, for counter and
                                   warehouse staff, the PIN from the second

Options:
  --data DIR   data directory (default: $OMS_DATA, else the user's config
               directory + /oms); the database is DIR/oms.db
`

// errUsage marks a usage error: exit code 2 and the usage text.
var errUsage = errors.New("usage")

// Main runs the command line and returns the process exit code: 0 on
// success, 1 when a command fails, 2 for an unknown command or flag.
func Main(args []string, env Env) int {
	err := run(args, env)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, usage)
		return 0
	case errors.Is(err, errUsage):
		if msg := strings.TrimPrefix(err.Error(), errUsage.Error()); msg != "" {
			fmt.Fprintf(env.Stderr, "oms%s\n", msg)
		}
		fmt.Fprint(env.Stderr, usage)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "oms: %s\n", oneLine(err))
		return 1
	}
}

func oneLine(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // Main prints the usage
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("%v", err)
	}
	return nil
}

func run(args []string, env Env) error {
	global := newFlags("oms")
	dataFlag := global.String("data", "", "data directory")
	if err := parse(global, args); err != nil {
		return err
	}
	rest := global.Args()
	if len(rest) == 0 {
		if env.Desktop == nil {
			return errors.New("this build has no desktop window (built with -tags headless); run a command, see oms --help")
		}
		dir, err := config.DataDir(*dataFlag)
		if err != nil {
			return err
		}
		return env.Desktop(dir, env.Stderr)
	}
	switch rest[0] {
	case "version":
		if len(rest) > 1 {
			return usageErr("version takes no arguments")
		}
		fmt.Fprintln(env.Stdout, buildinfo.String())
		return nil
	case "user":
		if len(rest) < 2 || rest[1] != "add" {
			return usageErr("user needs a subcommand: add")
		}
		return userAdd(rest[2:], *dataFlag, env)
	case "help":
		return flag.ErrHelp
	default:
		return usageErr("unknown command %q", rest[0])
	}
}

// openDB opens (creating and migrating) the database of the data directory.
func openDB(dataFlag string) (*store.DB, error) {
	dir, err := config.DataDir(dataFlag)
	if err != nil {
		return nil, err
	}
	return store.Open(context.Background(), config.DBPath(dir))
}

// cliActor names the command line and the OS user in the audit log.
func cliActor() store.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return store.Actor{UserName: name}
}

func userAdd(args []string, dataFlag string, env Env) error {
	fs := newFlags("user add")
	name := fs.String("name", "", "login name")
	role := fs.String("role", "", "admin, manager, counter or warehouse")
	fullName := fs.String("full-name", "", "full name")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	if *name == "" || *role == "" {
		return usageErr("user add needs --name and --role")
	}
	in := auth.UserInput{Name: *name, FullName: *fullName, Role: *role}
	sc := bufio.NewScanner(env.Stdin)
	if sc.Scan() {
		in.Password = strings.TrimRight(sc.Text(), "\r")
	}
	if sc.Scan() {
		in.PIN = strings.TrimSpace(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	if _, err := in.Validate(); err != nil {
		return err
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := auth.NewService(db).CreateUser(context.Background(), cliActor(), in)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added user %s (%s), id %s\n", u.Name, u.Role, u.ID)
	return nil
}

// OpenLog writes structured logs to DIR/oms.log and warnings to stderr.
func OpenLog(dir string, stderr io.Writer) (*slog.Logger, func(), error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("create data directory: %w", err)
	}
	f, err := os.OpenFile(dir+"/oms.log", os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("open log: %w", err)
	}
	h := slog.NewJSONHandler(io.MultiWriter(f, levelWriter{stderr}), &slog.HandlerOptions{Level: slog.LevelInfo})
	return slog.New(h), func() { f.Close() }, nil
}

// levelWriter passes only warnings and errors to the terminal.
type levelWriter struct{ w io.Writer }

func (l levelWriter) Write(p []byte) (int, error) {
	if strings.Contains(string(p), `"level":"WARN"`) || strings.Contains(string(p), `"level":"ERROR"`) {
		return l.w.Write(p)
	}
	return len(p), nil
}
