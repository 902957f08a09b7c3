package convert

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teikit/teikit/internal/golden"
)

// TestTEICorpus gathers every transcript into one teiCorpus, compares it
// with its golden file and checks it with jing.
func TestTEICorpus(t *testing.T) {
	c, err := NewTEICorpus()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, f := range transcripts(t) {
		doc, err := ReadText(f, readFile(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Add(doc); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// Two documents give the id "kissinger" (and two "molotov") to
	// different names: the later one is renumbered.
	for _, want := range []string{`<title>teikit corpus of 9 documents</title>`, `<person xml:id="stalin">`, `<person xml:id="kissinger-2">`, `<person xml:id="molotov-2">`, `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">`} {
		if !strings.Contains(out, want) {
			t.Errorf("corpus lacks %s", want)
		}
	}
	if n := strings.Count(out, `<particDesc>`); n != 1 {
		t.Errorf("corpus has %d particDesc, want 1 (in the corpus header)", n)
	}
	path := filepath.Join("..", "testdata", "golden", "corpus.tei.xml")
	golden.Check(t, path, buf.Bytes())
	golden.Jing(t, "..", path)
}
