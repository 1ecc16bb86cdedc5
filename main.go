// Command oms is the OMS order management system: with no command it opens
// the desktop app; commands run the same services from the command line.
package main

import (
	"os"

	"oms/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Desktop: desktop}))
}
