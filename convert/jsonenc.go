package convert

import (
	"strconv"
	"unicode/utf8"
)

// jsonEnc writes the JSON structs of json.go exactly as encoding/json's
// Encoder does with SetIndent("", "  ") and SetEscapeHTML(false) — same
// keys, same omissions, same escapes, same bytes — without reflection and
// without the second, indenting pass over the output, which cost five
// times the marshalling itself. TestJSONEncoderMatchesStd holds the two
// to the same bytes.
type jsonEnc struct {
	b     []byte
	depth int
	empty bool // the object or array just opened has no member yet
}

func (e *jsonEnc) newline() {
	e.b = append(e.b, '\n')
	for range e.depth {
		e.b = append(e.b, ' ', ' ')
	}
}

func (e *jsonEnc) open(c byte) {
	e.b = append(e.b, c)
	e.depth++
	e.empty = true
}

func (e *jsonEnc) close(c byte) {
	e.depth--
	if !e.empty {
		e.newline()
	}
	e.b = append(e.b, c)
	e.empty = false
}

// elem starts a member of an array.
func (e *jsonEnc) elem() {
	if !e.empty {
		e.b = append(e.b, ',')
	}
	e.empty = false
	e.newline()
}

// key starts a member of an object.
func (e *jsonEnc) key(k string) {
	e.elem()
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':', ' ')
}

func (e *jsonEnc) str(k, v string) {
	e.key(k)
	e.b = appendJSONString(e.b, v)
}

func (e *jsonEnc) strOmit(k, v string) {
	if v != "" {
		e.str(k, v)
	}
}

func (e *jsonEnc) strPtr(k string, v *string) {
	if v != nil {
		e.str(k, *v)
	}
}

func (e *jsonEnc) int(k string, v int) {
	e.key(k)
	e.b = strconv.AppendInt(e.b, int64(v), 10)
}

// pos writes line and col, each omitted when zero.
func (e *jsonEnc) pos(line, col int) {
	if line != 0 {
		e.int("line", line)
	}
	if col != 0 {
		e.int("col", col)
	}
}

// null writes a nil slice of a field without omitempty, as encoding/json
// does; the writer never leaves one nil.
func (e *jsonEnc) null() { e.b = append(e.b, "null"...) }

func (e *jsonEnc) doc(d *jsonDoc) {
	e.open('{')
	e.str("teikit", d.Teikit)
	e.strOmit("id", d.ID)
	if d.Date != nil {
		e.key("date")
		e.open('{')
		e.str("text", d.Date.Text)
		e.strOmit("when", d.Date.When)
		e.pos(d.Date.Line, d.Date.Col)
		e.close('}')
	}
	if d.Title != nil {
		e.key("title")
		e.open('{')
		e.str("text", d.Title.Text)
		e.pos(d.Title.Line, d.Title.Col)
		e.close('}')
	}
	e.key("sections")
	e.sections(d.Sections)
	if d.Citation != nil {
		e.key("citation")
		e.citation(d.Citation)
	}
	e.key("participants")
	e.participants(d.Participants)
	e.key("body")
	e.blocks(d.Body)
	e.close('}')
}

// objects writes xs as a JSON array of objects, each written by field
// between its braces; a nil slice is null, as encoding/json writes it.
func objects[T any](e *jsonEnc, xs []T, field func(x *T)) {
	if xs == nil {
		e.null()
		return
	}
	e.open('[')
	for i := range xs {
		e.elem()
		e.open('{')
		field(&xs[i])
		e.close('}')
	}
	e.close(']')
}

func (e *jsonEnc) sections(ss []jsonSection) {
	objects(e, ss, func(s *jsonSection) {
		e.str("heading", s.Heading)
		e.strOmit("kind", s.Kind)
		e.key("paragraphs")
		e.texts(s.Paragraphs)
		e.pos(s.Line, s.Col)
	})
}

func (e *jsonEnc) texts(ts []jsonText) {
	objects(e, ts, func(t *jsonText) {
		e.str("text", t.Text)
		e.pos(t.Line, t.Col)
	})
}

func (e *jsonEnc) citation(c *jsonCitation) {
	e.open('{')
	e.str("text", c.Text)
	e.strOmit("title", c.Title)
	e.strOmit("date", c.Date)
	e.strOmit("when", c.When)
	e.strOmit("publisher", c.Publisher)
	e.strOmit("collection", c.Collection)
	if len(c.Scopes) > 0 {
		e.key("scopes")
		objects(e, c.Scopes, func(s *jsonScope) {
			e.str("unit", s.Unit)
			e.str("text", s.Text)
		})
	}
	e.strOmit("repository", c.Repository)
	if len(c.Resp) > 0 {
		e.key("resp")
		objects(e, c.Resp, func(r *jsonResp) {
			e.str("role", r.Role)
			e.str("name", r.Name)
		})
	}
	e.strOmit("url", c.URL)
	e.key("spans")
	objects(e, c.Spans, func(s *jsonSpan) {
		e.str("kind", s.Kind)
		e.int("start", s.Start)
		e.int("end", s.End)
	})
	e.close('}')
}

func (e *jsonEnc) participants(ps []jsonParticipant) {
	objects(e, ps, func(p *jsonParticipant) {
		e.str("id", p.ID)
		e.str("name", p.Name)
		if len(p.Idnos) > 0 {
			e.key("idno")
			objects(e, p.Idnos, func(id *jsonIdno) {
				e.str("type", id.Type)
				e.str("value", id.Value)
			})
		}
		e.pos(p.Line, p.Col)
	})
}

func (e *jsonEnc) blocks(bs []jsonBlock) {
	if bs == nil {
		e.null()
		return
	}
	e.open('[')
	for i := range bs {
		e.elem()
		e.block(&bs[i])
	}
	e.close(']')
}

func (e *jsonEnc) block(b *jsonBlock) {
	e.open('{')
	e.str("type", b.Type)
	e.strPtr("who", b.Who)
	if b.Label != nil {
		e.key("label")
		e.inlines(b.Label)
	}
	e.strPtr("head", b.Head)
	e.strPtr("n", b.N)
	e.strPtr("text", b.Text)
	e.strOmit("when", b.When)
	e.strOmit("from", b.From)
	e.strOmit("to", b.To)
	if b.Content != nil {
		e.key("content")
		e.inlines(b.Content)
	}
	if b.Items != nil {
		e.key("items")
		objects(e, b.Items, func(it *jsonItem) {
			e.strPtr("n", it.N)
			e.strPtr("text", it.Text)
			if it.Content != nil {
				e.key("content")
				e.inlines(it.Content)
			}
			e.pos(it.Line, it.Col)
		})
	}
	if b.Blocks != nil {
		e.key("blocks")
		e.blocks(b.Blocks)
	}
	e.pos(b.Line, b.Col)
	e.close('}')
}

func (e *jsonEnc) inlines(ns []jsonInline) {
	e.open('[')
	for i := range ns {
		n := &ns[i]
		e.elem()
		e.open('{')
		e.str("type", n.Type)
		e.strOmit("text", n.Text)
		if n.Content != nil {
			e.key("content")
			e.inlines(n.Content)
		}
		e.pos(n.Line, n.Col)
		e.close('}')
	}
	e.close(']')
}

const hexDigits = "0123456789abcdef"

// jsonSafe tells the ASCII characters a JSON string holds unescaped.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\'
	}
	return safe
}()

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping: quote, backslash and control
// characters, U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
