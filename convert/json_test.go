package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/teikit/teikit/internal/golden"
	"github.com/teikit/teikit/schemas"
	"github.com/teikit/teikit/transcript"
)

// TestJSONGolden converts every transcript to JSON and JSON Lines,
// compares them with their golden files and validates them against their
// schemas.
func TestJSONGolden(t *testing.T) {
	for _, f := range transcripts(t) {
		t.Run(stem(f), func(t *testing.T) {
			doc, err := ReadText(f, readFile(t, f))
			if err != nil {
				t.Fatal(err)
			}
			out, err := WriteJSON(doc)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, goldenPath(f, ".json"), out)
			validateJSON(t, schemas.Transcript(), out)

			lines, err := WriteJSONL(doc)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, goldenPath(f, ".jsonl"), lines)
			if n := bytes.Count(lines, []byte("\n")); n != len(doc.Turns()) {
				t.Errorf("JSON Lines has %d lines for %d turns", n, len(doc.Turns()))
			}
			for _, line := range bytes.SplitAfter(lines, []byte("\n")) {
				if len(line) > 0 {
					validateJSON(t, schemas.Utterance(), line)
				}
			}
		})
	}
}

// TestJSONGoldenValid validates the golden files themselves, as they are
// on disk, against the schemas.
func TestJSONGoldenValid(t *testing.T) {
	for _, f := range transcripts(t) {
		validateJSON(t, schemas.Transcript(), readFile(t, goldenPath(f, ".json")))
		for _, line := range bytes.Split(bytes.TrimSuffix(readFile(t, goldenPath(f, ".jsonl")), []byte("\n")), []byte("\n")) {
			validateJSON(t, schemas.Utterance(), line)
		}
	}
}

func validateJSON(t *testing.T, s *jsonschema.Schema, src []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%#v", err)
	}
}

// TestJSONRoundTrip checks, on every transcript, that JSON → model → JSON
// is the identity on the golden JSON, that TEI → JSON → TEI is the
// identity on the golden TEI, and that text → JSON → text gives the
// normal form of the input.
func TestJSONRoundTrip(t *testing.T) {
	for _, f := range transcripts(t) {
		t.Run(stem(f), func(t *testing.T) {
			jsonPath := goldenPath(f, ".json")
			src := readFile(t, jsonPath)
			got, err := Convert(jsonPath, src, "json", "json")
			if err != nil {
				t.Fatal(err)
			}
			if d := golden.Diff(jsonPath, src, "JSON → JSON", got); d != nil {
				t.Errorf("JSON → model → JSON changes the golden file:\n%s", d)
			}

			teiPath := goldenPath(f, ".tei.xml")
			tei := readFile(t, teiPath)
			j, err := Convert(teiPath, tei, "tei", "json")
			if err != nil {
				t.Fatal(err)
			}
			back, err := Convert(teiPath+".json", j, "json", "tei")
			if err != nil {
				t.Fatal(err)
			}
			if d := golden.Diff(teiPath, tei, "TEI → JSON → TEI", back); d != nil {
				t.Errorf("TEI → JSON → TEI changes the golden file:\n%s", d)
			}
			validateJSON(t, schemas.Transcript(), j)
			if again, err := Convert("tei.json", j, "json", "json"); err != nil || !bytes.Equal(again, j) {
				t.Errorf("JSON from TEI does not read back to itself (err %v)", err)
			}

			text := readFile(t, f)
			want, err := Normalize(f, text)
			if err != nil {
				t.Fatal(err)
			}
			viaJSON, err := Convert(jsonPath, src, "json", "text")
			if err != nil {
				t.Fatal(err)
			}
			if d := golden.Diff("normal form", []byte(want), "text → JSON → text", viaJSON); d != nil {
				t.Errorf("text → JSON → text differs from the normal form:\n%s", d)
			}
		})
	}
}

// TestJSONModel checks that reading the JSON gives the model the text
// reader built, positions and derived values included.
func TestJSONModel(t *testing.T) {
	for _, f := range transcripts(t) {
		t.Run(stem(f), func(t *testing.T) {
			doc, err := ReadText(f, readFile(t, f))
			if err != nil {
				t.Fatal(err)
			}
			out, err := WriteJSON(doc)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ReadJSON("x.json", out)
			if err != nil {
				t.Fatal(err)
			}
			doc.Changes = nil
			if a, b := dump(doc), dump(back); a != b {
				t.Errorf("JSON reads back to another model:\n%s", golden.Diff("text", []byte(a), "JSON", []byte(b)))
			}
		})
	}
}

// dump prints a model with every node's type, position and fields.
func dump(doc *transcript.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "date %+v\ntitle %+v\n", doc.Date, doc.Title)
	for _, s := range doc.Sections {
		fmt.Fprintf(&b, "section %q %s %v\n", s.Heading, s.Kind, s.Pos)
		for _, p := range s.Paras {
			fmt.Fprintf(&b, "  %+v\n", *p)
		}
	}
	for _, p := range doc.Persons {
		fmt.Fprintf(&b, "person %+v\n", *p)
	}
	transcript.Inspect(doc, func(n transcript.Node) {
		switch n := n.(type) {
		case *transcript.Turn:
			fmt.Fprintf(&b, "%T %s %v\n", n, n.Who, n.Pos)
		case *transcript.ParticipantList:
			fmt.Fprintf(&b, "%T %q %v\n", n, n.Head, n.Pos)
		case *transcript.List:
			fmt.Fprintf(&b, "%T %v\n", n, n.Pos)
			for _, it := range n.Items {
				fmt.Fprintf(&b, "  item %s %v\n", it.N, it.Pos)
			}
		case *transcript.Head, *transcript.Para, *transcript.Stage, *transcript.Supplied, *transcript.Sic, *transcript.InlineStage:
			fmt.Fprintf(&b, "%T %v\n", n, n.Position())
		default:
			fmt.Fprintf(&b, "%T %+v\n", n, n)
		}
	})
	return b.String()
}

// TestSchemaDocumented checks that every property in both schemas has a
// title and a description, directly or through its $ref.
func TestSchemaDocumented(t *testing.T) {
	for name, src := range map[string][]byte{"transcript": schemas.TranscriptJSON, "utterance": schemas.UtteranceJSON} {
		var root map[string]any
		if err := json.Unmarshal(src, &root); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		resolve := func(s map[string]any) map[string]any {
			if ref, ok := s["$ref"].(string); ok && s["title"] == nil {
				def := strings.TrimPrefix(ref, "#/$defs/")
				return root["$defs"].(map[string]any)[def].(map[string]any)
			}
			return s
		}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch v := v.(type) {
			case map[string]any:
				if props, ok := v["properties"].(map[string]any); ok {
					var keys []string
					for k := range props {
						keys = append(keys, k)
					}
					sort.Strings(keys)
					for _, k := range keys {
						p := resolve(props[k].(map[string]any))
						if p["title"] == nil || p["description"] == nil {
							t.Errorf("%s: property %s/%s has no title or description", name, path, k)
						}
					}
				}
				for k, c := range v {
					if k == "if" {
						continue // a discriminator's test, not a property
					}
					walk(path+"/"+k, c)
				}
			case []any:
				for i, c := range v {
					walk(fmt.Sprintf("%s/%d", path, i), c)
				}
			}
		}
		walk("", root)
	}
}

// TestJSONBadInput checks the one-line errors of JSON input that is not
// JSON or not of teikit's shape.
func TestJSONBadInput(t *testing.T) {
	seedJSON := string(readFile(t, filepath.Join("..", "testdata", "golden", seed+".json")))
	tests := []struct {
		name, src, want string
	}{
		{"trailing.json", "{\"teikit\": \"1\"}\n{}\n", "trailing.json:2:1: not JSON: more data after the JSON document"},
		{"truncated.json", "{\n  \"teikit\": \"1\",\n  \"body\": [\n", "truncated.json:3:12: not JSON: unexpected end of JSON input"},
		{"version.json", strings.Replace(seedJSON, `"teikit": "1"`, `"teikit": "2"`, 1), `version.json:2:13: does not match the teikit JSON schema at /teikit: value must be "1"`},
		{"array.json", "[]", "array.json:1:1: does not match the teikit JSON schema at /: expected object, but got array"},
		{"bom.json", "\xef\xbb\xbf" + seedJSON, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON(tt.name, []byte(tt.src))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("error:\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestDocumentID checks the ids the JSON Lines form gives documents.
func TestDocumentID(t *testing.T) {
	want := map[string]string{
		"bare-transcript.txt":         "document",
		"soong-stalin-1945-07-02.txt": "122505",
		"memcon-1975-08-14.txt":       "318844",
	}
	for name, id := range want {
		if got := readTranscript(t, name).ID(); got != id {
			t.Errorf("%s: ID() = %q, want %q", name, got, id)
		}
	}
	doc := &transcript.Document{Title: &transcript.Title{Text: "Conversation of Mao Zedong, 1949"}}
	if got := doc.ID(); got != "conversation-of-mao-zedong-1949" {
		t.Errorf("ID() from the title = %q", got)
	}
}

// stdJSON is what encoding/json writes for the JSON structs: the
// reference the hand-written encoder must match byte for byte.
func stdJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJSONEncoderMatchesStd checks that WriteJSON gives the bytes
// encoding/json gives for the same structs, on every transcript, its TEI,
// and a model with every awkward string and empty value.
func TestJSONEncoderMatchesStd(t *testing.T) {
	var docs []*transcript.Document
	for _, f := range transcripts(t) {
		doc, err := ReadText(f, readFile(t, f))
		if err != nil {
			t.Fatal(err)
		}
		tei := goldenPath(f, ".tei.xml")
		fromTEI, err := ReadTEI(tei, readFile(t, tei))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc, fromTEI)
	}
	odd := "quote \" backslash \\ <&> \x00\x01\b\f\n\r\t\x1f\x7f é \u2028\u2029 \xff end"
	docs = append(docs, &transcript.Document{}, &transcript.Document{
		Title:    &transcript.Title{Text: odd},
		Sections: []*transcript.Section{{Heading: odd}, {Heading: "Citation", Paras: []*transcript.Text{{Value: odd}}}},
		Persons:  []*transcript.Person{{}},
		Body: []transcript.Block{
			&transcript.Head{},
			&transcript.Dateline{},
			&transcript.Turn{Blocks: []transcript.Block{&transcript.Para{}, &transcript.List{Items: []*transcript.Item{{}}}, &transcript.Stage{}, &transcript.PageBreak{}, &transcript.ParticipantList{Items: []*transcript.Text{{}}}}},
			&transcript.Para{Content: []transcript.Inline{&transcript.Text{Value: odd}, &transcript.Supplied{}, &transcript.Sic{Content: []transcript.Inline{&transcript.Text{Value: "x"}}}, &transcript.Query{}, &transcript.InlineStage{}, &transcript.LineBreak{}, &transcript.Join{}}},
			&transcript.List{},
			&transcript.ParticipantList{},
		},
	})
	for i, doc := range docs {
		jd, err := toJSON(doc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := WriteJSON(doc)
		if err != nil {
			t.Fatal(err)
		}
		if d := golden.Diff("encoding/json", stdJSON(t, jd), "WriteJSON", got); d != nil {
			t.Errorf("document %d: WriteJSON differs from encoding/json:\n%s", i, d)
		}
	}
}

// FuzzReadJSON checks that whatever ReadJSON accepts, it writes as JSON
// that reads back to the same JSON, and never panics.
func FuzzReadJSON(f *testing.F) {
	// Small seeds: the fuzzer minimises what it finds, and a golden file
	// of 150 kB takes it minutes.
	small := "## **July 2, 1945**\n\n### **Meeting of Stalin and Soong**\n\n#### **Citation:**\n\n\"Meeting\", July 2, 1945, Wilson Center Digital Archive. <https://example.org/document/1>\n\nNotes  \nMoscow\n\n2 July 1945, 8:00 - 10:30 p.m.\n\n" +
		"Stalin: No [sic] news, Chiang [Kai-shek] (?) (He laughs).\n\n(Pavlov reads)\n\n(p. 2)\n\n1) One\n\n2) Two\n\n[T.V.] Soong: Good news.\n"
	doc, err := ReadText("small.txt", []byte(small))
	if err != nil {
		f.Fatal(err)
	}
	out, err := WriteJSON(doc)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(out)
	f.Add(readFile(f, filepath.Join("..", "testdata", "bad", "wrong-shape.json")))
	for _, s := range jsonSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := ReadJSON("fuzz.json", src)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		out, err := WriteJSON(doc)
		if err != nil {
			t.Fatalf("a JSON document that reads does not write: %v", err)
		}
		back, err := ReadJSON("again.json", out)
		if err != nil {
			t.Fatalf("teikit's own JSON does not read: %v\n%s", err, out)
		}
		again, err := WriteJSON(back)
		if err != nil {
			t.Fatal(err)
		}
		if d := golden.Diff("first", out, "second", again); d != nil {
			t.Fatalf("JSON → JSON is not stable:\n%s", d)
		}
	})
}
