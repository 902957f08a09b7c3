package convert

import (
	"os"
	"path/filepath"
	"testing"
)

func TestScratchRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/transcripts/*.txt")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		doc, err := ReadText(f, src)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		out, err := WriteText(doc)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		norm, _ := Normalize(f, src)
		if string(out) != norm {
			os.WriteFile("/tmp/rt/"+filepath.Base(f), out, 0o644)
			t.Errorf("%s: text round trip differs", f)
		}
		n := map[string]int{}
		for _, tr := range doc.Turns() {
			n[tr.Who]++
		}
		t.Logf("%s: %d persons %v turns %v", filepath.Base(f), len(doc.Persons), len(doc.Turns()), n)
	}
}
