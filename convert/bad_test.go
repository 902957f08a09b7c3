package convert

import (
	"path/filepath"
	"testing"
)

// TestBadInput feeds every file of testdata/bad to Convert and expects one
// clear line naming the file and, where there is one, the position.
func TestBadInput(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"empty.txt", "empty.txt: empty file"},
		{"binary.bin", "binary.bin:1:1: NUL byte: binary file, not a transcript"},
		{"invalid-utf8.txt", "invalid-utf8.txt:1:12: invalid UTF-8 (byte 0xe9): not a text file"},
		{"double-blank.txt", "double-blank.txt:3:1: two blank lines in a row: teikit keeps blocks exactly one blank line apart and cannot represent more"},
		{"no-turns.txt", `no-turns.txt:3:1: no turns: no block from here on opens with a speaker label (a "Name: " used more than once, or a participant named in the title)`},
		{"not-well-formed.xml", "not-well-formed.xml:4: not well-formed XML: element <teiHeader> closed by </TEI>"},
		{"other-namespace.xml", `other-namespace.xml:2:1: not a TEI document: root element <TEI> in namespace "http://www.example.org/not-tei", want <TEI> in "http://www.tei-c.org/ns/1.0"`},
		{"billion-laughs.xml", "billion-laughs.xml:8: not well-formed XML: invalid character entity &lol3; (teikit expands only the five predefined XML entities and character references; declared and external entities are refused)"},
		{"xxe.xml", "xxe.xml:6: not well-formed XML: invalid character entity &xxe; (teikit expands only the five predefined XML entities and character references; declared and external entities are refused)"},
		{"bad-syntax.json", `bad-syntax.json:4:28: not JSON: invalid character '"' after object key:value pair`},
		{"wrong-shape.json", `wrong-shape.json:17:22: does not match the teikit JSON schema at /body/0/blocks/0/content/1/type: value must be one of "text", "supplied", "sic", "query", "stage", "lineBreak", "join"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "bad", tt.file)
			_, err := Convert(tt.file, readFile(t, path), "auto", "tei")
			if err == nil {
				t.Fatalf("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

// TestLegacyDoctype reads teikit TEI behind a bare DOCTYPE: it is ignored
// with a note, and the document reads as without it.
func TestLegacyDoctype(t *testing.T) {
	path := filepath.Join("..", "testdata", "golden", "soong-stalin-1945-07-02.tei.xml")
	src := readFile(t, path)
	decl := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	withDoctype := decl + "<!DOCTYPE TEI SYSTEM \"tei_all.dtd\">\n" + string(src[len(decl):])
	doc, err := ReadTEI("legacy.xml", []byte(withDoctype))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Changes) != 1 || doc.Changes[0].Message != "ignored the DOCTYPE declaration (its entities are never expanded)" {
		t.Errorf("changes = %+v, want the DOCTYPE note", doc.Changes)
	}
	out, err := WriteTEI(doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(src) {
		t.Errorf("TEI behind a DOCTYPE does not read as the same document")
	}
}
