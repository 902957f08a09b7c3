package validate

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/transcript"
)

// firstDiff returns the 1-based number of the first line where a and b
// differ, with both lines; 0 when they are equal.
func firstDiff(a, b []byte) (int, string, string) {
	if bytes.Equal(a, b) {
		return 0, "", ""
	}
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; ; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y || i >= len(al) || i >= len(bl) {
			return i + 1, x, y
		}
	}
}

// clip shortens a line quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}

// errText renders a converter error inside a message: its text and, when
// it has one, the position in the intermediate output it refers to.
func errText(err error) string {
	if e, ok := err.(*convert.Error); ok {
		if e.Pos.IsValid() {
			return fmt.Sprintf("%s (at %d:%d)", e.Msg, e.Pos.Line, e.Pos.Col)
		}
		return e.Msg
	}
	return err.Error()
}

// ownLimits bound reading back what teikit has just written: not the
// size, which the input's limit has bounded already (teikit's JSON is
// many times the size of the text), but the depth, as the input's.
var ownLimits = convert.Limits{MaxInputBytes: 1 << 50, MaxTokenBytes: 1 << 40}

// ownReaders read back what teikit has just written: JSON without the
// schema check, which schema/json makes once on inputs.
var ownReaders = map[string]convert.Reader{
	"tei": func(name string, src []byte) (*transcript.Document, error) {
		return convert.ReadTEIWith(name, src, convert.TEISettings{Limits: ownLimits})
	},
	"json": func(name string, src []byte) (*transcript.Document, error) {
		return convert.ReadJSONWith(name, src, convert.JSONSettings{SkipSchema: true, Limits: ownLimits})
	},
}

// through writes doc in format via and reads it back.
func through(doc *transcript.Document, via string) (*transcript.Document, []byte, error) {
	w, r := convert.Writers[via], ownReaders[via]
	if w == nil || r == nil {
		return nil, nil, fmt.Errorf("no %s reader and writer", via)
	}
	out, err := w(doc)
	if err != nil {
		return nil, nil, err
	}
	back, err := r("", out)
	return back, out, err
}

// trip is the document written in one format and read back.
type trip struct {
	out  []byte               // teikit's output for the document
	back *transcript.Document // out read back
	err  error                // what failed, writing or reading
}

// trip writes p.Doc in format and reads it back, once per pass: the
// round-trip and golden rules share it.
func (p *Pass) trip(format string) *trip {
	if t, ok := p.cache[format]; ok {
		return t
	}
	if p.cache == nil {
		p.cache = map[string]*trip{}
	}
	back, out, err := through(p.Doc, format)
	t := &trip{out: out, back: back, err: err}
	p.cache[format] = t
	return t
}

// sameAfter checks that writing p.Doc in format to, reading it back and
// writing it again gives the same bytes; it reports at pos on failure.
// It returns the document read back, or nil after a failure.
func sameAfter(p *Pass, to string, pos transcript.Pos) *transcript.Document {
	t := p.trip(to)
	if t.err != nil {
		p.Reportf(pos, "%s → model failed: %v", to, errText(t.err))
		return nil
	}
	second, err := convert.Writers[to](t.back)
	if err != nil {
		p.Reportf(pos, "model → %s failed on the second pass: %v", to, errText(err))
		return nil
	}
	if n, a, b := firstDiff(t.out, second); n > 0 {
		p.Reportf(pos, "%s → model → %s changes line %d of teikit's %s: %q becomes %q", to, to, n, to, clip(a), clip(b))
	}
	return t.back
}

// sameAsInput checks that writing doc, read from the input, in the
// input's own format gives the input back byte for byte.
func sameAsInput(p *Pass, doc *transcript.Document, format string) {
	out, err := convert.Writers[format](doc)
	if err != nil {
		p.Reportf(transcript.Pos{Line: 1, Col: 1}, "model → %s failed: %v", format, errText(err))
		return
	}
	if n, a, b := firstDiff(p.Src, out); n > 0 {
		name := strings.ToUpper(format)
		p.Reportf(transcript.Pos{Line: n, Col: 1}, "%s → model → %s differs here: %q comes back as %q", name, name, clip(a), clip(b))
	}
}

var roundtripText = &Rule{
	ID:       "roundtrip/text",
	Severity: Error,
	Doc:      "text → model → TEI → model → text must give back the input's normal form byte for byte (SPEC §5). A failure means teikit would lose or change something of this transcript; the message gives the first line that differs.",
	Run: func(p *Pass) {
		if p.Format != "text" {
			return
		}
		norm, first, err := convert.NormalForm(p.File, p.Src)
		if err != nil {
			return
		}
		t := p.trip("tei")
		back, err := t.back, t.err
		if e, ok := err.(*convert.Error); ok && e.Pos.IsValid() {
			p.Reportf(e.Pos, "text → TEI fails here: %s", e.Msg)
			return
		}
		if err != nil {
			p.Reportf(transcript.Pos{Line: first, Col: 1}, "text → TEI → model failed: %v", errText(err))
			return
		}
		text, err := convert.WriteText(back)
		if err != nil {
			p.Reportf(transcript.Pos{Line: first, Col: 1}, "TEI → text failed: %v", errText(err))
			return
		}
		if n, a, b := firstDiff([]byte(norm), text); n > 0 {
			p.Reportf(transcript.Pos{Line: first + n - 1, Col: 1}, "text → TEI → text differs here: %q comes back as %q", clip(a), clip(b))
		}
	},
}

var roundtripTEI = &Rule{
	ID:       "roundtrip/tei",
	Severity: Error,
	Doc:      "TEI → model → TEI must be byte-identical on teikit's own TEI (SPEC §5): for a TEI input written by teikit, the input itself; for other inputs, the TEI teikit writes for them. TEI written by others is not expected to round-trip and is not checked.",
	Run: func(p *Pass) {
		start := transcript.Pos{Line: 1, Col: 1}
		if p.Format != "tei" {
			sameAfter(p, "tei", start)
			return
		}
		if len(p.Doc.Notes) > 0 {
			return // TEI written by others
		}
		doc, err := convert.ReadTEI(p.File, p.Src)
		if err != nil {
			return
		}
		sameAsInput(p, doc, "tei")
	},
}

var roundtripJSON = &Rule{
	ID:       "roundtrip/json",
	Severity: Error,
	Doc:      "JSON → model → JSON must be byte-identical on teikit's JSON, and TEI → JSON → TEI likewise (SPEC §5): for a JSON input, the input itself; for other inputs, teikit's JSON and TEI for them.",
	Run: func(p *Pass) {
		start := transcript.Pos{Line: 1, Col: 1}
		if convert.Writers["json"] == nil {
			return
		}
		if p.Format == "json" {
			sameAsInput(p, p.Doc, "json")
			return
		}
		back := sameAfter(p, "json", start)
		tei := p.trip("tei").out
		if back == nil || tei == nil {
			return // reported above, or by roundtrip/tei
		}
		again, err := convert.WriteTEI(back)
		if err != nil {
			p.Reportf(start, "TEI → JSON → TEI failed: %v", errText(err))
			return
		}
		if n, a, b := firstDiff(tei, again); n > 0 {
			p.Reportf(start, "TEI → JSON → TEI changes line %d of teikit's TEI: %q becomes %q", n, clip(a), clip(b))
		}
	},
}
