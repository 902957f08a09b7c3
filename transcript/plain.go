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

func writePlain(b *strings.Builder, content []Inline) {
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
