package convert

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/teikit/teikit/transcript"
)

// jsonUtterance is one line of the JSON Lines form: one turn, flat, for
// bulk ingestion into search engines (schemas/utterance.schema.json).
type jsonUtterance struct {
	Doc   string `json:"doc"`   // the document's ID
	Turn  int    `json:"turn"`  // 1-based index among the turns
	Who   string `json:"who"`   // speaker id
	Label string `json:"label"` // the label as found, editorial brackets included
	Text  string `json:"text"`  // the turn's plain text
	Line  int    `json:"line,omitempty"`
}

// WriteJSONL writes one compact JSON object per turn, one per line, in
// order. The form has no reader: it drops the editorial markup, so it is
// no way back to the document.
func WriteJSONL(doc *transcript.Document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	id := doc.ID()
	for i, t := range doc.Turns() {
		u := jsonUtterance{Doc: id, Turn: i + 1, Who: t.Who, Label: markupText(t.Label), Text: t.PlainText(), Line: t.Pos.Line}
		if err := enc.Encode(u); err != nil {
			return nil, fmt.Errorf("convert: JSON Lines writer: %w", err)
		}
	}
	return buf.Bytes(), nil
}
