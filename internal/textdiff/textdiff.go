// Package textdiff gives unified diffs of two texts, for golden-file
// comparisons in tests and in teikit validate --golden.
package textdiff

import (
	"bytes"

	"github.com/rogpeppe/go-internal/diff"
)

// Diff returns a unified diff of two texts, or nil when they are equal.
func Diff(oldName string, old []byte, newName string, new []byte) []byte {
	if bytes.Equal(old, new) {
		return nil
	}
	return diff.Diff(oldName, old, newName, new)
}
