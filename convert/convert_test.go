package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teikit/teikit/internal/golden"
)

// transcripts returns every transcript under testdata/transcripts.
func transcripts(t testing.TB) []string {
	files, err := filepath.Glob("../testdata/transcripts/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts in testdata/transcripts: %v", err)
	}
	return files
}

func stem(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".txt")
}

func goldenPath(path, ext string) string {
	return filepath.Join("..", "testdata", "golden", stem(path)+ext)
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTEIGolden converts every transcript to TEI and compares it with
// its golden file.
func TestTEIGolden(t *testing.T) {
	for _, f := range transcripts(t) {
		t.Run(stem(f), func(t *testing.T) {
			doc, err := ReadText(f, readFile(t, f))
			if err != nil {
				t.Fatal(err)
			}
			out, err := WriteTEI(doc)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, goldenPath(f, ".tei.xml"), out)
		})
	}
}

// TestTextRoundTrip checks text → TEI → text gives the normal form of the
// input, byte for byte, and text → text likewise.
func TestTextRoundTrip(t *testing.T) {
	for _, f := range transcripts(t) {
		t.Run(stem(f), func(t *testing.T) {
			src := readFile(t, f)
			want, err := Normalize(f, src)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ReadText(f, src)
			if err != nil {
				t.Fatal(err)
			}
			direct, err := WriteText(doc)
			if err != nil {
				t.Fatal(err)
			}
			if d := golden.Diff("normal form", []byte(want), "text → text", direct); d != nil {
				t.Errorf("text → model → text differs from the normal form:\n%s", d)
			}
			tei, err := WriteTEI(doc)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ReadTEI(f+".tei.xml", tei)
			if err != nil {
				t.Fatal(err)
			}
			text, err := WriteText(back)
			if err != nil {
				t.Fatal(err)
			}
			if d := golden.Diff("normal form", []byte(want), "text → TEI → text", text); d != nil {
				t.Errorf("text → TEI → text differs from the normal form:\n%s", d)
			}
		})
	}
}

// TestTEIIdempotent reads every golden TEI file and writes it again: the
// bytes must not change.
func TestTEIIdempotent(t *testing.T) {
	for _, f := range transcripts(t) {
		t.Run(stem(f), func(t *testing.T) {
			path := goldenPath(f, ".tei.xml")
			src := readFile(t, path)
			doc, err := ReadTEI(path, src)
			if err != nil {
				t.Fatal(err)
			}
			out, err := WriteTEI(doc)
			if err != nil {
				t.Fatal(err)
			}
			if d := golden.Diff(path, src, "TEI → TEI", out); d != nil {
				t.Errorf("TEI → model → TEI changes the golden file:\n%s", d)
			}
		})
	}
}

// TestTEISchema runs jing with the official tei_all schema over every
// golden TEI file.
func TestTEISchema(t *testing.T) {
	var files []string
	for _, f := range transcripts(t) {
		files = append(files, goldenPath(f, ".tei.xml"))
	}
	golden.Jing(t, "..", files...)
}
