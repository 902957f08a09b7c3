package schemas

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// TranscriptJSON is the JSON Schema of a teikit JSON document, as printed
// by "teikit schema".
//
//go:embed transcript.schema.json
var TranscriptJSON []byte

// UtteranceJSON is the JSON Schema of one line of teikit's JSON Lines
// output, as printed by "teikit schema --jsonl".
//
//go:embed utterance.schema.json
var UtteranceJSON []byte

// The schemas' $id values; the compiler resolves them without a network.
const (
	TranscriptID = "https://github.com/teikit/teikit/raw/main/schemas/transcript.schema.json"
	UtteranceID  = "https://github.com/teikit/teikit/raw/main/schemas/utterance.schema.json"
)

// Transcript returns the compiled schema of a teikit JSON document. It is
// compiled on first use; the schema is part of the program, so a failure
// to compile it is a bug and panics (the tests compile it).
var Transcript = sync.OnceValue(func() *jsonschema.Schema {
	return mustCompile(TranscriptID, TranscriptJSON)
})

// Utterance returns the compiled schema of one JSON Lines record.
var Utterance = sync.OnceValue(func() *jsonschema.Schema {
	return mustCompile(UtteranceID, UtteranceJSON)
})

func mustCompile(id string, src []byte) *jsonschema.Schema {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(id, bytes.NewReader(src)); err != nil {
		panic("schemas: " + err.Error())
	}
	return c.MustCompile(id)
}
