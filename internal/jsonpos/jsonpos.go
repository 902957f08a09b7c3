// Package jsonpos finds where in a JSON text a JSON pointer (RFC 6901)
// points, so that a schema error on a decoded value can be reported at a
// line and column of the file.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Offset returns the byte offset in src of the first character of the
// value that ptr names ("" is the whole document, "/body/3/who" a member
// of an element of an array), and false when src, well-formed JSON, holds
// no such value.
func Offset(src []byte, ptr string) (int, bool) {
	tokens, ok := split(ptr)
	if !ok {
		return 0, false
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	return find(dec, src, tokens)
}

// split cuts a JSON pointer into its unescaped reference tokens.
func split(ptr string) ([]string, bool) {
	if ptr == "" {
		return nil, true
	}
	if ptr[0] != '/' {
		return nil, false
	}
	parts := strings.Split(ptr[1:], "/")
	for i, p := range parts {
		parts[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
	}
	return parts, true
}

// find reads the value at the decoder's position and returns the offset
// of the value tokens name inside it.
func find(dec *json.Decoder, src []byte, tokens []string) (int, bool) {
	start := valueStart(src, int(dec.InputOffset()))
	if len(tokens) == 0 {
		return start, true
	}
	t, err := dec.Token()
	if err != nil {
		return 0, false
	}
	switch t {
	case json.Delim('{'):
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return 0, false
			}
			if key == tokens[0] {
				return find(dec, src, tokens[1:])
			}
			if !skip(dec) {
				return 0, false
			}
		}
	case json.Delim('['):
		want, err := strconv.Atoi(tokens[0])
		if err != nil {
			return 0, false
		}
		for i := 0; dec.More(); i++ {
			if i == want {
				return find(dec, src, tokens[1:])
			}
			if !skip(dec) {
				return 0, false
			}
		}
	}
	return 0, false
}

// skip reads one whole value.
func skip(dec *json.Decoder) bool {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return true
		}
	}
}

// valueStart skips the white space and the separators the decoder has not
// consumed yet, from off on.
func valueStart(src []byte, off int) int {
	for off < len(src) {
		switch src[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}
