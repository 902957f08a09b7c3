package validate

import "github.com/teikit/teikit/transcript"

var paragraphJoined = &Rule{
	ID:       "paragraph/joined",
	Severity: Info,
	Doc:      "A paragraph broken by a blank line (a long block without final punctuation followed by a block that is no turn) was joined: the split is taken for a page break of the typescript, encoded as pb inside one p. Check that it is not two paragraphs.",
	Run: func(p *Pass) {
		transcript.Inspect(p.Doc, func(n transcript.Node) {
			if j, ok := n.(*transcript.Join); ok {
				p.Reportf(j.Pos, "paragraph split by a blank line joined here (taken for a page break)")
			}
		})
	},
}

var inputNormalized = &Rule{
	ID:       "input/normalized",
	Severity: Info,
	Doc:      "Reading the input changed it to its normal form: a byte order mark removed, CRLF line endings made LF, leading blank lines removed, the final newline added or trailing blank lines removed, a DOCTYPE ignored. Nothing else is ever changed.",
	Run: func(p *Pass) {
		for _, c := range p.Doc.Changes {
			p.Reportf(c.Pos, "%s", c.Message)
		}
	},
}

var inputUnsupported = &Rule{
	ID:       "input/unsupported",
	Severity: Info,
	Doc:      "TEI written by others holds elements teikit's model has no place for; they were passed over (or read as plain text) and the rules did not check them. One note per kind of element.",
	Run: func(p *Pass) {
		for _, n := range p.Doc.Notes {
			p.Reportf(n.Pos, "%s", n.Message)
		}
	},
}
