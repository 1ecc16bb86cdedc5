//go:build headless

package main

import "oms/internal/cli"

// desktop is nil: a headless build has every command but the window.
var desktop cli.Desktop
