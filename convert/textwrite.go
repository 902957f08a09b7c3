package convert

import (
	"fmt"
	"strings"

	"github.com/teikit/teikit/transcript"
)

// WriteText writes a Document in the archival export format, in normal
// form: blocks one blank line apart and one final newline.
func WriteText(doc *transcript.Document) ([]byte, error) {
	var blocks []string
	if doc.Date != nil {
		blocks = append(blocks, "## **"+doc.Date.Text+"**")
	}
	if doc.Title != nil {
		blocks = append(blocks, "### **"+doc.Title.Text+"**")
	}
	for _, s := range doc.Sections {
		blocks = append(blocks, "#### **"+s.Heading+":**")
		for _, p := range s.Paras {
			blocks = append(blocks, p.Value)
		}
	}
	for _, b := range doc.Body {
		more, err := textBlocks(b)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, more...)
	}
	return []byte(strings.Join(blocks, "\n\n") + "\n"), nil
}

// textBlocks renders one block of the body as the blocks of text it was
// read from.
func textBlocks(b transcript.Block) ([]string, error) {
	switch b := b.(type) {
	case *transcript.Head:
		return []string{markupText(b.Content)}, nil
	case *transcript.Dateline:
		return []string{b.Text}, nil
	case *transcript.Para:
		return []string{markupText(b.Content)}, nil
	case *transcript.Stage:
		return []string{"(" + markupText(b.Content) + ")"}, nil
	case *transcript.PageBreak:
		return []string{"(p. " + b.N + ")"}, nil
	case *transcript.List:
		var out []string
		for _, it := range b.Items {
			out = append(out, it.N+") "+markupText(it.Content))
		}
		return out, nil
	case *transcript.ParticipantList:
		lines := []string{b.Head}
		for _, it := range b.Items {
			lines = append(lines, it.Value)
		}
		return []string{strings.Join(lines, "\n")}, nil
	case *transcript.Turn:
		return turnBlocks(b)
	}
	return nil, fmt.Errorf("convert: text writer: unknown block %T", b)
}

func turnBlocks(t *transcript.Turn) ([]string, error) {
	first, ok := firstPara(t)
	if !ok {
		return nil, &Error{Pos: t.Pos, Msg: fmt.Sprintf("turn of %q does not open with a paragraph after its label: the text format cannot represent it", transcript.Plain(t.Label))}
	}
	out := []string{markupText(t.Label) + ": " + markupText(first.Content)}
	for _, b := range t.Blocks[1:] {
		more, err := textBlocks(b)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

func firstPara(t *transcript.Turn) (*transcript.Para, bool) {
	if len(t.Blocks) == 0 {
		return nil, false
	}
	p, ok := t.Blocks[0].(*transcript.Para)
	return p, ok && len(p.Content) > 0
}

// markupText renders inline content with the export's editorial markup.
func markupText(content []transcript.Inline) string {
	var b strings.Builder
	writeMarkup(&b, content)
	return b.String()
}

func writeMarkup(b *strings.Builder, content []transcript.Inline) {
	for _, n := range content {
		switch n := n.(type) {
		case *transcript.Text:
			b.WriteString(n.Value)
		case *transcript.Supplied:
			b.WriteByte('[')
			writeMarkup(b, n.Content)
			b.WriteByte(']')
		case *transcript.Sic:
			writeMarkup(b, n.Content)
			b.WriteString(" [sic]")
		case *transcript.Query:
			b.WriteString("(?)")
		case *transcript.InlineStage:
			b.WriteByte('(')
			writeMarkup(b, n.Content)
			b.WriteByte(')')
		case *transcript.LineBreak:
			b.WriteByte('\n')
		case *transcript.Join:
			b.WriteString("\n\n")
		}
	}
}
