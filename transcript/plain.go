package transcript

import "strings"

// Plain returns the reading text of inline content: editorial additions
// without their brackets, [sic] markers, query marks and stage directions
// left out, line breaks and joins as single spaces.
func Plain(content []Inline) string {
	var b strings.Builder
	writePlain(&b, content)
	return b.String()
}

// plainSink is what writePlain writes to: a strings.Builder, or the
// space-collapsing writer of Turn.PlainText.
type plainSink interface {
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

func writePlain(b plainSink, content []Inline) {
	for _, n := range content {
		switch n := n.(type) {
		case *Text:
			b.WriteString(n.Value)
		case *Supplied:
			writePlain(b, n.Content)
		case *Sic:
			writePlain(b, n.Content)
		case *LineBreak, *Join:
			b.WriteByte(' ')
		case *Query, *InlineStage:
		}
	}
}
