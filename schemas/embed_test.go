package schemas

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSchemas compiles both schemas and checks a small document and
// record against them, each way.
func TestSchemas(t *testing.T) {
	tests := []struct {
		name  string
		valid bool
		doc   string
	}{
		{"transcript", true, `{"teikit": "1", "sections": [], "participants": [], "body": [{"type": "turn", "who": "a", "label": [{"type": "text", "text": "A"}], "blocks": [{"type": "paragraph", "content": [{"type": "query"}]}]}]}`},
		{"transcript", false, `{"teikit": "2", "sections": [], "participants": [], "body": []}`},
		{"transcript", false, `{"teikit": "1", "sections": [], "participants": [], "body": [{"type": "turn", "who": "a", "label": [], "blocks": [{"type": "turn", "who": "b", "label": [], "blocks": []}]}]}`},
		{"transcript", false, `{"teikit": "1", "sections": [], "participants": [], "body": [{"type": "paragraph", "content": [{"type": "text", "text": ""}]}]}`},
		{"utterance", true, `{"doc": "122505", "turn": 1, "who": "stalin", "label": "[Joseph] Stalin", "text": "No news.", "line": 32}`},
		{"utterance", false, `{"doc": "122505", "turn": 0, "who": "stalin", "label": "Stalin", "text": ""}`},
	}
	for _, tt := range tests {
		s := Transcript()
		if tt.name == "utterance" {
			s = Utterance()
		}
		dec := json.NewDecoder(strings.NewReader(tt.doc))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); (err == nil) != tt.valid {
			t.Errorf("%s %s: valid = %v, want %v (%v)", tt.name, tt.doc, err == nil, tt.valid, err)
		}
	}
}
