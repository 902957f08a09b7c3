package convert

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/teikit/teikit/transcript"
)

// The JSON benchmarks all count the bytes of the seed's golden JSON in
// MB/s, so that their figures compare as their times do. The ceilings
// are encoding/json's bare Marshal and Unmarshal of the same structs.

func seedJSON(b *testing.B) []byte {
	return readFile(b, filepath.Join("..", "testdata", "golden", seed+".json"))
}

func seedDoc(b *testing.B) *transcript.Document {
	doc, err := ReadText(seed, seedText(b))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkJSONWrite measures WriteJSON on the seed's model: building the
// structs, derived fields included, and writing them indented.
func BenchmarkJSONWrite(b *testing.B) {
	doc := seedDoc(b)
	b.SetBytes(int64(len(seedJSON(b))))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteJSON(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONRead measures ReadJSON on the seed's JSON: decoding,
// validation against the schema, and building the model.
func BenchmarkJSONRead(b *testing.B) {
	src := seedJSON(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadJSON(seed, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONReadNoValidate is BenchmarkJSONRead without the schema
// validation, to show what the validation costs.
func BenchmarkJSONReadNoValidate(b *testing.B) {
	src := seedJSON(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readJSON(seed, src, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStdJSONMarshal is the ceiling for writing: encoding/json's
// bare Marshal of the seed's JSON structs, already built.
func BenchmarkStdJSONMarshal(b *testing.B) {
	jd, err := toJSON(seedDoc(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(seedJSON(b))))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(jd); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStdJSONUnmarshal is the ceiling for reading: encoding/json's
// bare Unmarshal of the seed's JSON into the structs.
func BenchmarkStdJSONUnmarshal(b *testing.B) {
	src := seedJSON(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var jd jsonDoc
		if err := json.Unmarshal(src, &jd); err != nil {
			b.Fatal(err)
		}
	}
}
