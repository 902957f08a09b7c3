package validate

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/internal/textdiff"
	"github.com/teikit/teikit/transcript"
)

var goldenMismatch = &Rule{
	ID:       "golden/mismatch",
	Severity: Error,
	Doc:      "With --golden DIR: teikit's TEI and JSON output for input NAME differ from DIR/NAME.tei.xml or DIR/NAME.json. The message carries a unified diff; regenerate the golden files only after reading it.",
	Run: func(p *Pass) {
		if p.Opts.GoldenDir == "" {
			return
		}
		stem := filepath.Base(p.File)
		for _, ext := range []string{".txt", ".tei.xml", ".xml", ".json"} {
			stem = strings.TrimSuffix(stem, ext)
		}
		for _, format := range []string{"tei", "json"} {
			w := convert.Writers[format]
			if w == nil {
				continue
			}
			path := filepath.Join(p.Opts.GoldenDir, stem+convert.Extensions[format])
			want, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			got, err := w(p.Doc)
			if err != nil {
				p.Reportf(transcript.Pos{Line: 1, Col: 1}, "cannot write %s to compare with %s: %v", format, path, err)
				continue
			}
			if d := textdiff.Diff(path, want, "teikit "+format, got); d != nil {
				p.Reportf(transcript.Pos{Line: 1, Col: 1}, "teikit's %s differs from %s:\n%s", format, path, strings.TrimRight(string(d), "\n"))
			}
		}
	},
}
