package validate

import (
	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/transcript"
)

var schemaJSON = &Rule{
	ID:       "schema/json",
	Severity: Error,
	Doc:      "A JSON input does not match teikit's JSON Schema (teikit schema prints it): the message names the JSON pointer of the offending value and points at its line and column. No other rule runs on such an input.",
	Raw:      true,
	Run: func(p *Pass) {
		if p.Format != "json" {
			return
		}
		if err := convert.CheckJSONSchema(p.File, p.Src); err != nil {
			if e, ok := err.(*convert.Error); ok {
				p.Reportf(e.Pos, "%s", e.Msg)
				return
			}
			p.Reportf(transcript.Pos{Line: 1, Col: 1}, "%v", err)
		}
	},
}
