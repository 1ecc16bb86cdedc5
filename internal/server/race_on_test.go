//go:build race

package server

// raceOn is true under the race detector, where the simulation runs only a
// few cases (make test runs it in full without -race).
const raceOn = true
