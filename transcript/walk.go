package transcript

// Node is any node of the transcript: a Block or an Inline.
type Node interface {
	Position() Pos
}

// Inspect visits the body of d depth-first in source order, calling f for
// every block and inline node; a turn's label comes before its blocks.
func Inspect(d *Document, f func(Node)) {
	for _, b := range d.Body {
		inspectBlock(b, f)
	}
}

func inspectBlock(b Block, f func(Node)) {
	f(b)
	switch b := b.(type) {
	case *Head:
		inspectInlines(b.Content, f)
	case *Turn:
		inspectInlines(b.Label, f)
		for _, c := range b.Blocks {
			inspectBlock(c, f)
		}
	case *Para:
		inspectInlines(b.Content, f)
	case *Stage:
		inspectInlines(b.Content, f)
	case *List:
		for _, it := range b.Items {
			inspectInlines(it.Content, f)
		}
	case *ParticipantList:
		for _, it := range b.Items {
			f(it)
		}
	case *Dateline, *PageBreak:
	}
}

func inspectInlines(content []Inline, f func(Node)) {
	for _, n := range content {
		f(n)
		switch n := n.(type) {
		case *Supplied:
			inspectInlines(n.Content, f)
		case *Sic:
			inspectInlines(n.Content, f)
		case *InlineStage:
			inspectInlines(n.Content, f)
		case *Text, *Query, *LineBreak, *Join:
		}
	}
}
