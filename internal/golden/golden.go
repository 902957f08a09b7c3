// Package golden compares test output with golden files under testdata/
// and rewrites them when the tests run with -update. Every test package
// of teikit imports it, so that "go test ./... -update" is understood by
// every test binary.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/teikit/teikit/internal/textdiff"
)

// Update is set by the -update flag: golden files are rewritten, not
// compared.
var Update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Check compares got with the golden file at path, failing with a unified
// diff on a mismatch; with -update it writes got to path instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if d := Diff(path, want, "got", got); d != nil {
		t.Errorf("output differs from %s (go test ./... -update rewrites it):\n%s", path, d)
	}
}

// Diff returns a unified diff of two texts, or nil when they are equal.
func Diff(oldName string, old []byte, newName string, new []byte) []byte {
	return textdiff.Diff(oldName, old, newName, new)
}
