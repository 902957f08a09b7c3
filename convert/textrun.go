package convert

import (
	"strings"

	"github.com/teikit/teikit/transcript"
)

// inlineBuilder collects inline content, merging adjacent text into one
// Text node as appendText does, but in time proportional to the text:
// appendText copies the text so far at every merge, which is quadratic on
// TEI such as "a<!---->a<!---->…" or JSON of many adjacent text nodes.
type inlineBuilder struct {
	out    []transcript.Inline
	first  string // the first piece of the pending text
	more   strings.Builder
	pieces int // how many pieces the pending text has
	pos    transcript.Pos
}

// text adds a piece of text at pos; empty text is no text.
func (b *inlineBuilder) text(v string, pos transcript.Pos) {
	switch {
	case v == "":
	case b.pieces == 0:
		b.first, b.pos, b.pieces = v, pos, 1
	default:
		if b.pieces == 1 {
			b.more.WriteString(b.first)
		}
		b.more.WriteString(v)
		b.pieces++
	}
}

// node adds a node; a Text is merged as text.
func (b *inlineBuilder) node(n transcript.Inline) {
	if t, ok := n.(*transcript.Text); ok {
		b.text(t.Value, t.Pos)
		return
	}
	b.flush()
	b.out = append(b.out, n)
}

func (b *inlineBuilder) flush() {
	switch b.pieces {
	case 0:
		return
	case 1:
		b.out = append(b.out, &transcript.Text{Value: b.first, Pos: b.pos})
	default:
		b.out = append(b.out, &transcript.Text{Value: b.more.String(), Pos: b.pos})
		b.more = strings.Builder{}
	}
	b.first, b.pieces = "", 0
}

// content returns the content built, nil when there is none.
func (b *inlineBuilder) content() []transcript.Inline {
	b.flush()
	return b.out
}
