package transcript

import (
	"unicode"
	"unicode/utf8"
)

// PlainText returns the reading text of a turn, for consumers that want
// no markup: the Plain text of each paragraph, and of each list item as
// "N) text", joined by spaces, with every run of white space made a
// single space (so that what a left-out query mark or stage direction
// leaves behind reads as one gap). Stage directions standing as blocks and
// page markers are left out, as Plain leaves out inline ones; so are
// participants lists.
func (t *Turn) PlainText() string {
	w := &spaceCollapser{out: make([]byte, 0, 512)}
	for _, c := range t.Blocks {
		switch c := c.(type) {
		case *Para:
			writePlain(w, c.Content)
			w.gap = true
		case *List:
			for _, it := range c.Items {
				w.WriteString(it.N)
				w.WriteString(") ")
				writePlain(w, it.Content)
				w.gap = true
			}
		}
	}
	return string(w.out)
}

// spaceCollapser collects text with every run of white space made a
// single space, and none at either end.
type spaceCollapser struct {
	out []byte
	gap bool // white space was seen since the last word
}

// WriteString appends s, collapsing its white space. It copies whole
// spans of text at once, a span running on over single ASCII spaces.
func (w *spaceCollapser) WriteString(s string) (int, error) {
	for i := 0; i < len(s); {
		if size := spaceAt(s, i); size > 0 {
			w.gap = true
			i += size
			continue
		}
		j := i
		for j < len(s) {
			if s[j] == ' ' && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < utf8.RuneSelf {
				j += 2
				continue
			}
			if spaceAt(s, j) > 0 {
				break
			}
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
		}
		if w.gap && len(w.out) > 0 {
			w.out = append(w.out, ' ')
		}
		w.gap = false
		w.out = append(w.out, s[i:j]...)
		i = j
	}
	return len(s), nil
}

// spaceAt returns the size of the white-space character at s[i], or 0
// when there is none.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		return int(asciiSpace[c])
	}
	if r, size := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
		return size
	}
	return 0
}

// WriteByte appends c, which is ASCII.
func (w *spaceCollapser) WriteByte(c byte) error {
	_, err := w.WriteString(string(rune(c)))
	return err
}

var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}
