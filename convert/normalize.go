package convert

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/teikit/teikit/transcript"
)

// normalized is a text input in normal form (SPEC §5): UTF-8 without BOM,
// LF line endings, no leading blank lines, exactly one final newline.
type normalized struct {
	text      string
	firstLine int // line number in the file of the text's first line
	changes   []transcript.Change
}

// Normalize returns the normal form of a text input, or an error naming
// the first thing that makes it unreadable.
func Normalize(name string, src []byte) (string, error) {
	text, _, err := NormalForm(name, src)
	return text, err
}

// NormalForm returns the normal form of a text input and the line number
// in src of its first line (leading blank lines are dropped).
func NormalForm(name string, src []byte) (text string, firstLine int, err error) {
	n, err := normalize(name, src)
	if err != nil {
		return "", 0, err
	}
	return n.text, n.firstLine, nil
}

func normalize(name string, src []byte) (*normalized, error) {
	n := &normalized{firstLine: 1}
	if len(src) == 0 {
		return nil, errorf(name, transcript.Pos{}, "empty file")
	}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src = src[3:]
		n.change(1, "removed the byte order mark")
	}
	if err := checkText(name, src); err != nil {
		return nil, err
	}
	s := string(src)
	if strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		n.change(1, "converted CRLF line endings to LF")
	}
	if strings.Contains(s, "\r") {
		// A CR left alone ends a line too (old Mac files); kept, it would
		// make a CRLF with the final newline added below.
		s = strings.ReplaceAll(s, "\r", "\n")
		n.change(1, "converted CR line endings to LF")
	}
	lead := 0
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			break
		}
		s = rest
		lead++
	}
	if lead > 0 {
		n.firstLine = 1 + lead
		n.change(1, fmt.Sprintf("removed %d leading blank %s", lead, plural(lead, "line")))
	}
	trimmed := strings.TrimRight(s, "\n")
	if strings.TrimSpace(trimmed) == "" {
		return nil, errorf(name, transcript.Pos{}, "file has no text")
	}
	switch extra := len(s) - len(trimmed); {
	case extra == 0:
		n.change(n.firstLine+strings.Count(trimmed, "\n"), "added the missing final newline")
	case extra > 1:
		n.change(n.firstLine+strings.Count(trimmed, "\n")+1, fmt.Sprintf("removed %d trailing blank %s", extra-1, plural(extra-1, "line")))
	}
	n.text = trimmed + "\n"
	return n, nil
}

func (n *normalized) change(line int, msg string) {
	n.changes = append(n.changes, transcript.Change{Pos: transcript.Pos{Line: line, Col: 1}, Message: msg})
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// checkText refuses input that is not UTF-8 text, or holds a character
// XML 1.0, and so TEI, cannot hold: a control character other than tab,
// LF and CR, or the non-characters U+FFFE and U+FFFF. etree would write
// them as U+FFFD, dropping them silently.
func checkText(name string, src []byte) error {
	if utf8.Valid(src) && xmlChars(src) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return errorf(name, transcript.Pos{Line: line, Col: col}, "invalid UTF-8 (byte 0x%02x): not a text file", src[i])
		case r == 0:
			return errorf(name, transcript.Pos{Line: line, Col: col}, "NUL byte: binary file, not a transcript")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return errorf(name, transcript.Pos{Line: line, Col: col}, "character U+%04X, which XML and so TEI cannot hold", r)
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
		col++
	}
	return nil
}

// xmlChars reports whether src, valid UTF-8, holds only characters XML
// 1.0 allows.
func xmlChars(src []byte) bool {
	for _, c := range src {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return !bytes.Contains(src, []byte("\uFFFE")) && !bytes.Contains(src, []byte("\uFFFF"))
}
