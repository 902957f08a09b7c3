package transcript

import (
	"sort"
	"unicode/utf8"
)

// LineIndex maps byte offsets of a text to positions.
type LineIndex struct {
	src    string
	starts []int // byte offset of each line's start
	first  int   // the line number of the text's first line
}

// NewLineIndex indexes src, whose first line is line number first of the
// file it came from.
func NewLineIndex(src string, first int) *LineIndex {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{src: src, starts: starts, first: first}
}

// Pos returns the position of byte offset off.
func (x *LineIndex) Pos(off int) Pos {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	return Pos{Line: x.first + i, Col: utf8.RuneCountInString(x.src[x.starts[i]:off]) + 1}
}
