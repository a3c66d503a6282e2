// Package racecheck runs every listing of the module under the race detector:
// `go test -race ./...` (part of `cargo xtask test`) builds each listing with
// -race, runs it, and fails on any data race it reports. A listing that
// shows the detector at work declares `// race: expected`: it must be
// reported, and exit with the detector's status, 66; its report is compared
// with the one recorded in main.race.txt (RACECHECK_BLESS=1 records it).
package racecheck

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A listing may declare the exit status it ends with, as `// exit: N`.
var exitDirective = regexp.MustCompile(`(?m)^// exit: (\d+)$`)

// raceExpected marks a listing whose lesson is the race it has.
var raceExpected = regexp.MustCompile(`(?m)^// race: expected$`)

// raceExitCode is the status a program built with -race exits with when it
// reported a race (GORACE's exitcode, 66 by default).
const raceExitCode = 66

// portable rewrites a race report's paths as they are on every machine:
// the module's as examples/go/..., the Go installation's as $GOROOT/....
func portable(t *testing.T, report string) string {
	module, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	report = strings.ReplaceAll(report, module+string(os.PathSeparator), "examples/go/")
	return strings.ReplaceAll(report, runtime.GOROOT()+string(os.PathSeparator), "$GOROOT/")
}

// What changes from run to run and from one Go 1.26 release to the next:
// addresses and offsets, goroutine numbers, and line numbers inside Go itself.
var (
	hexNumber    = regexp.MustCompile(`0x[0-9a-f]+`)
	goroutineID  = regexp.MustCompile(`([Gg]oroutine) \d+`)
	goSourceLine = regexp.MustCompile(`(\$GOROOT/\S+\.go):\d+`)
)

func comparable(report string) string {
	report = hexNumber.ReplaceAllString(report, "0x?")
	report = goroutineID.ReplaceAllString(report, "$1 ?")
	return goSourceLine.ReplaceAllString(report, "$1:?")
}

// checkReport compares a listing's race report with its recording, or
// records it when RACECHECK_BLESS is set.
func checkReport(t *testing.T, name, listing, report string) {
	recorded := filepath.Join(filepath.Dir(listing), "main.race.txt")
	report = portable(t, report)
	if os.Getenv("RACECHECK_BLESS") != "" {
		if err := os.WriteFile(recorded, []byte(report), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(recorded)
	if err != nil {
		t.Fatalf("%s: no recorded race report: run `cargo xtask bless %s`", name, name)
	}
	if comparable(string(want)) != comparable(report) {
		t.Fatalf("%s: the race report differs from %s (addresses, goroutine numbers and Go's own line numbers aside).\n"+
			"If the listing changed, run `cargo xtask bless %s`.\n--- recorded\n%s\n--- this run\n%s",
			name, recorded, name, want, report)
	}
}

func readListing(t *testing.T, listing string) []byte {
	source, err := os.ReadFile(listing)
	if err != nil {
		t.Fatal(err)
	}
	return source
}

func declaredExit(source []byte) int {
	m := exitDirective.FindSubmatch(source)
	if m == nil {
		return 0
	}
	code, _ := strconv.Atoi(string(m[1]))
	return code
}

func TestListingsHaveNoDataRace(t *testing.T) {
	listings, err := filepath.Glob("../*/main.go")
	if err != nil || len(listings) == 0 {
		t.Fatalf("no listings found next to racecheck: %v", err)
	}
	// `cargo xtask test NAME` checks one listing: build only that one.
	packages := "./..."
	if only := os.Getenv("RACECHECK_ONLY"); only != "" {
		listings = []string{filepath.Join("..", only, "main.go")}
		packages = "./" + only
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-race", "-o", bin+string(os.PathSeparator), packages)
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -race ./...: %v\n%s", err, out)
	}
	for _, listing := range listings {
		name := filepath.Base(filepath.Dir(listing))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// A listing runs in well under 2 s; the detector slows it several times.
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			run := exec.CommandContext(ctx, filepath.Join(bin, name))
			// A listing's own child may outlive it and hold stderr open: stop
			// waiting for it a second after the listing ends. The listings stay
			// in go test's process group, which cargo xtask test kills whole
			// if go test itself hangs.
			run.WaitDelay = time.Second
			var stderr bytes.Buffer
			run.Stderr = &stderr
			err := run.Run()
			source := readListing(t, listing)
			reported := bytes.Contains(stderr.Bytes(), []byte("WARNING: DATA RACE"))
			want := declaredExit(source)
			if raceExpected.Match(source) {
				if !reported {
					t.Fatalf("%s declares `// race: expected`, but the detector reported no race:\n%s", name, stderr.String())
				}
				checkReport(t, name, listing, stderr.String())
				want = raceExitCode
			} else if reported {
				t.Fatalf("%s has a data race:\n%s", name, stderr.String())
			}
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatalf("%s did not run under -race: %v", name, err)
			}
			if code != want {
				t.Fatalf("%s exited with status %d under -race, not %d:\n%s", name, code, want, stderr.String())
			}
		})
	}
}
