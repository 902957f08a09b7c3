package convert

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/beevik/etree"
	"github.com/teikit/teikit/transcript"
)

// Limits bound what a reader accepts, so that a broken or hostile input
// is refused with a one-line Error instead of exhausting memory, the
// stack or the time of the run. A field left zero (or negative) takes its
// value from DefaultLimits, so the zero Limits is the defaults.
type Limits struct {
	// MaxInputBytes is the size of one input, in bytes (default 64 MiB).
	MaxInputBytes int64
	// MaxXMLDepth is how deep XML elements may nest (default 256). It
	// bounds the other formats to what TEI can then hold: editorial
	// markup in text may nest no deeper than fits in a TEI list item
	// (MaxXMLDepth less the 7 elements around it), and JSON values no
	// deeper than 2 × MaxXMLDepth (JSON nests two levels per inline node).
	MaxXMLDepth int
	// MaxTokenBytes is the size of one token (default 16 MiB): an XML text
	// node, attribute value, comment or processing instruction, or one
	// line of a text transcript.
	MaxTokenBytes int
}

// DefaultLimits are the limits the readers apply when given none.
var DefaultLimits = Limits{
	MaxInputBytes: 64 << 20,
	MaxXMLDepth:   256,
	MaxTokenBytes: 16 << 20,
}

// The command-line flags that raise each limit; the errors name them.
const (
	FlagMaxInputSize = "max-input-size"
	FlagMaxDepth     = "max-depth"
	FlagMaxTokenSize = "max-token-size"
)

// teiFrame is how many TEI elements stand around the inline content of a
// list item, the deepest place teikit writes it: TEI, text, body, div, sp,
// list, item.
const teiFrame = 7

// orDefault returns l with every unset field taken from DefaultLimits.
func (l Limits) orDefault() Limits {
	if l.MaxInputBytes <= 0 {
		l.MaxInputBytes = DefaultLimits.MaxInputBytes
	}
	if l.MaxXMLDepth <= 0 {
		l.MaxXMLDepth = DefaultLimits.MaxXMLDepth
	}
	if l.MaxTokenBytes <= 0 {
		l.MaxTokenBytes = DefaultLimits.MaxTokenBytes
	}
	return l
}

// Check refuses an input larger than MaxInputBytes.
func (l Limits) Check(name string, src []byte) error {
	return l.CheckSize(name, int64(len(src)))
}

// CheckSize refuses an input of size bytes when it is larger than
// MaxInputBytes; a caller can ask before reading a file into memory.
func (l Limits) CheckSize(name string, size int64) error {
	l = l.orDefault()
	if size > l.MaxInputBytes {
		return limitError(name, transcript.Pos{}, fmt.Sprintf("input is %s, too large", formatBytes(size)), formatBytes(l.MaxInputBytes), FlagMaxInputSize)
	}
	return nil
}

// limitError is the Error of an exceeded limit: what exceeded it, the
// limit, and the flag that raises it.
func limitError(name string, pos transcript.Pos, what, limit, flag string) *Error {
	return errorf(name, pos, "%s (limit %s; raise it with --%s)", what, limit, flag)
}

// formatBytes writes a size for people: "64 MiB", "95.4 MiB", "512 bytes".
func formatBytes(n int64) string {
	const kib, mib = 1 << 10, 1 << 20
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= mib:
		return fmt.Sprintf("%.1f MiB", float64(n)/mib)
	case n >= kib && n%kib == 0:
		return fmt.Sprintf("%d KiB", n/kib)
	case n >= kib:
		return fmt.Sprintf("%.1f KiB", float64(n)/kib)
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkLine refuses a line of text longer than MaxTokenBytes; pos is its
// start.
func (l Limits) checkLine(name string, pos transcript.Pos, line string) error {
	if len(line) > l.MaxTokenBytes {
		return limitError(name, pos, fmt.Sprintf("line is %s, too long", formatBytes(int64(len(line)))), formatBytes(int64(l.MaxTokenBytes)), FlagMaxTokenSize)
	}
	return nil
}

// xmlDepthError positions the start tag that nests deeper than
// MaxXMLDepth, which etree refuses without saying where.
func (l Limits) xmlDepthError(name string, src []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(src))
	pos := transcript.Pos{}
	depth := 0
	for {
		off := dec.InputOffset()
		t, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
		if depth > l.MaxXMLDepth {
			pos = offsetPos(src, int(off))
			break
		}
	}
	return limitError(name, pos, fmt.Sprintf("XML elements nested more than %d deep", l.MaxXMLDepth), fmt.Sprint(l.MaxXMLDepth), FlagMaxDepth)
}

// checkXMLTokens refuses a text node, attribute value, comment, directive
// or processing instruction longer than MaxTokenBytes, at the element
// that holds it.
func (r *teiReader) checkXMLTokens(l Limits) error {
	long := func(s string) bool { return len(s) > l.MaxTokenBytes }
	fail := func(e *etree.Element, what string, n int) error {
		return limitError(r.name, r.where(e), fmt.Sprintf("%s is %s, too long", what, formatBytes(int64(n))), formatBytes(int64(l.MaxTokenBytes)), FlagMaxTokenSize)
	}
	var walk func(e *etree.Element) error
	walk = func(e *etree.Element) error {
		for _, a := range e.Attr {
			if long(a.Value) {
				return fail(e, fmt.Sprintf("attribute %s of <%s>", a.FullKey(), e.Tag), len(a.Value))
			}
		}
		for _, t := range e.Child {
			var what, data string
			switch t := t.(type) {
			case *etree.Element:
				if err := walk(t); err != nil {
					return err
				}
				continue
			case *etree.CharData:
				what, data = "text", t.Data
			case *etree.Comment:
				what, data = "comment", t.Data
			case *etree.Directive:
				what, data = "directive", t.Data
			case *etree.ProcInst:
				what, data = "processing instruction", t.Inst
			}
			if long(data) {
				if e.Tag != "" {
					what += fmt.Sprintf(" in <%s>", e.Tag)
				}
				return fail(e, what, len(data))
			}
		}
		return nil
	}
	return walk(&r.x.Element)
}

// where returns the position of e, finding the positions of every element
// with one encoding/xml pass when they were not asked for.
func (r *teiReader) where(e *etree.Element) transcript.Pos {
	if r.pos == nil {
		r.pos = ElementPositions(r.x, r.src)
	}
	return r.pos[e]
}

// checkJSONDepth refuses JSON whose objects and arrays nest deeper than
// 2 × MaxXMLDepth before anything decodes it: encoding/json gives up at
// 10,000 levels with a confusing message, and the schema validator
// recurses once per level. It also refuses escapes of characters that
// TEI cannot hold, as checkText refuses them in the raw bytes.
func (l Limits) checkJSONDepth(name string, src []byte) error {
	limit := 2 * l.MaxXMLDepth
	depth := 0
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			switch c {
			case '\\':
				if r, ok := escapedChar(src[i+1:]); ok && !isXMLChar(r) {
					return errorf(name, offsetPos(src, i), "character U+%04X, which XML and so TEI cannot hold", r)
				}
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > limit {
				return limitError(name, offsetPos(src, i), fmt.Sprintf("JSON values nested more than %d deep", limit), fmt.Sprintf("%d, twice the XML depth limit", limit), FlagMaxDepth)
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// checkInlineDepth refuses inline content nested deeper than TEI can hold
// under the depth limit: a reader that accepted it would write TEI its own
// TEI reader refuses.
func (l Limits) checkInlineDepth(name string, doc *transcript.Document) error {
	limit := l.MaxXMLDepth - teiFrame
	var deep transcript.Inline
	var visit func(content []transcript.Inline, level int)
	visit = func(content []transcript.Inline, level int) {
		for _, n := range content {
			if deep != nil {
				return
			}
			if _, ok := n.(*transcript.Text); ok {
				continue
			}
			if level > limit {
				deep = n
				return
			}
			switch n := n.(type) {
			case *transcript.Supplied:
				visit(n.Content, level+1)
			case *transcript.Sic:
				visit(n.Content, level+1)
			case *transcript.InlineStage:
				visit(n.Content, level+1)
			}
		}
	}
	var walkBlock func(b transcript.Block)
	walkBlock = func(b transcript.Block) {
		switch b := b.(type) {
		case *transcript.Head:
			visit(b.Content, 1)
		case *transcript.Para:
			visit(b.Content, 1)
		case *transcript.Stage:
			visit(b.Content, 1)
		case *transcript.List:
			for _, it := range b.Items {
				visit(it.Content, 1)
			}
		case *transcript.Turn:
			visit(b.Label, 1)
			for _, c := range b.Blocks {
				walkBlock(c)
			}
		}
	}
	for _, b := range doc.Body {
		walkBlock(b)
		if deep != nil {
			return l.markupDepthError(name, deep.Position())
		}
	}
	return nil
}

// markupDepthError is the Error of inline content nested deeper than TEI
// can hold, at pos.
func (l Limits) markupDepthError(name string, pos transcript.Pos) *Error {
	return limitError(name, pos, fmt.Sprintf("editorial markup nested more than %d deep, deeper than TEI can hold", l.MaxXMLDepth-teiFrame), fmt.Sprintf("%d XML levels", l.MaxXMLDepth), FlagMaxDepth)
}

// escapedChar returns the character a JSON escape stands for, given what
// follows its backslash; ok is false for a malformed escape, which the
// decoder reports.
func escapedChar(esc []byte) (r rune, ok bool) {
	if len(esc) == 0 {
		return 0, false
	}
	switch esc[0] {
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'u':
		if len(esc) < 5 {
			return 0, false
		}
		n, err := strconv.ParseUint(string(esc[1:5]), 16, 32)
		return rune(n), err == nil
	}
	return 0, false
}

// isXMLChar reports whether XML 1.0 allows r (surrogates aside, which
// valid UTF-8 cannot hold).
func isXMLChar(r rune) bool {
	return r >= 0x20 && r != 0xFFFE && r != 0xFFFF || r == '\t' || r == '\n' || r == '\r'
}
