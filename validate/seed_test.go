package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teikit/teikit/internal/golden"
)

// TestSeedFindings checks the reference transcript's exact findings
// (SPEC §6): no errors; the unconfirmed labels at 80, 208 and 380 and the
// name variant at 370; the consecutive turn at 50, the joins at 336, 372
// and 438, and what normalisation changed.
func TestSeedFindings(t *testing.T) {
	const name = "soong-stalin-1945-07-02.txt"
	src, err := os.ReadFile(filepath.Join("..", "testdata", "transcripts", name))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range Check(Input{Name: name, Src: src}, Options{}) {
		lines = append(lines, d.String())
	}
	want := []string{
		name + `:1:1: info input/normalized: removed 2 leading blank lines`,
		name + `:50:1: info speaker/consecutive: second turn in a row by stalin (the previous one at line 46)`,
		name + `:80:1: warning speaker/unconfirmed-label: "Two considerations:" opens a paragraph but is used once and names no participant: read as text of the turn of stalin`,
		name + `:208:1: warning speaker/unconfirmed-label: "Aim:" opens a paragraph but is used once and names no participant: read as text of the turn of stalin`,
		name + `:336:1: info paragraph/joined: paragraph split by a blank line joined here (taken for a page break)`,
		name + `:370:222: warning editorial/name-variant: "Chang Tso-lun" is nearly "Chang Tso-lin" (2× from line 256): a variant spelling?`,
		name + `:372:1: info paragraph/joined: paragraph split by a blank line joined here (taken for a page break)`,
		name + `:380:1: warning speaker/unconfirmed-label: "Frankly:" opens a paragraph but is used once and names no participant: read as text of the turn of soong`,
		name + `:438:1: info paragraph/joined: paragraph split by a blank line joined here (taken for a page break)`,
		name + `:444:1: info input/normalized: added the missing final newline`,
	}
	if d := golden.Diff("want", []byte(strings.Join(want, "\n")), "got", []byte(strings.Join(lines, "\n"))); d != nil {
		t.Errorf("seed findings differ:\n%s", d)
	}
}

// TestForeignTEI validates TEI written by others, drama-style and
// speech-style, against its golden report: teikit reads what it can, says
// what it passed over, and never fails on it.
func TestForeignTEI(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "tei", "*.tei.xml"))
	if len(files) == 0 {
		t.Fatal("no TEI samples in testdata/tei")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, d := range Check(Input{Name: filepath.Base(f), Src: src}, Options{}) {
			b.WriteString(d.String() + "\n")
		}
		golden.Check(t, strings.TrimSuffix(f, ".tei.xml")+".report", []byte(b.String()))
	}
}
