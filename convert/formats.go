package convert

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/teikit/teikit/transcript"
)

// A Reader parses one format into a Document; name is used in errors.
type Reader func(name string, src []byte) (*transcript.Document, error)

// A Writer serialises a Document in one format.
type Writer func(doc *transcript.Document) ([]byte, error)

// Readers holds the reader of every input format, by name.
var Readers = map[string]Reader{
	"text": ReadText,
	"tei":  ReadTEI,
	"json": ReadJSON,
}

// Writers holds the writer of every output format, by name.
var Writers = map[string]Writer{
	"text":  WriteText,
	"tei":   WriteTEI,
	"json":  WriteJSON,
	"jsonl": WriteJSONL,
}

// Extensions gives the file name ending of each output format.
var Extensions = map[string]string{
	"text":  ".txt",
	"tei":   ".tei.xml",
	"json":  ".json",
	"jsonl": ".jsonl",
}

// Names returns the keys of a format table, sorted.
func Names[V any](table map[string]V) []string {
	var names []string
	for k := range table {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Detect guesses the format of an input from its first bytes: XML is
// "tei", a JSON object "json", anything else "text".
func Detect(src []byte) string {
	s := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	s = bytes.TrimLeft(s, " \t\r\n")
	switch {
	case bytes.HasPrefix(s, []byte("<")):
		return "tei"
	case bytes.HasPrefix(s, []byte("{")):
		return "json"
	}
	return "text"
}

// Read reads src in format from ("auto" detects it).
func Read(name string, src []byte, from string) (*transcript.Document, error) {
	return ReadWith(name, src, from, ReadSettings{})
}

// ReadSettings are what a command may set for every reader.
type ReadSettings struct {
	Limits  Limits                    // the zero value is DefaultLimits
	Persons *transcript.Personography // for the text reader; nil for none
}

// ReadWith reads src in format from ("auto" detects it) with settings.
func ReadWith(name string, src []byte, from string, s ReadSettings) (*transcript.Document, error) {
	if from == "" || from == "auto" {
		from = Detect(src)
	}
	switch from {
	case "text":
		return ReadTextWith(name, src, TextSettings{Limits: s.Limits, Persons: s.Persons})
	case "tei":
		return ReadTEIWith(name, src, TEISettings{Limits: s.Limits})
	case "json":
		return ReadJSONWith(name, src, JSONSettings{Limits: s.Limits})
	}
	return nil, fmt.Errorf("unknown input format %q (want auto or one of %s)", from, strings.Join(Names(Readers), ", "))
}

// Write writes doc in format to; errors name the input file name.
func Write(name string, doc *transcript.Document, to string) ([]byte, error) {
	write, ok := Writers[to]
	if !ok {
		return nil, fmt.Errorf("unknown output format %q (want one of %s)", to, strings.Join(Names(Writers), ", "))
	}
	out, err := write(doc)
	if e, ok := err.(*Error); ok && e.File == "" {
		e.File = name
	}
	return out, err
}

// Convert reads src in format from ("auto" detects it) and writes it in
// format to.
func Convert(name string, src []byte, from, to string) ([]byte, error) {
	if _, ok := Writers[to]; !ok {
		return nil, fmt.Errorf("unknown output format %q (want one of %s)", to, strings.Join(Names(Writers), ", "))
	}
	doc, err := Read(name, src, from)
	if err != nil {
		return nil, err
	}
	return Write(name, doc, to)
}
