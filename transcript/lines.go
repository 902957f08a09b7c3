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

	// runes[k] counts the characters of src[:k*runeStep], so that a
	// column costs at most runeStep bytes to count, however long the
	// line: counting from the line's start makes a long line of many
	// nodes quadratic. nil when src is not valid UTF-8.
	runes []int
}

const runeStep = 256

// NewLineIndex indexes src, whose first line is line number first of the
// file it came from.
func NewLineIndex(src string, first int) *LineIndex {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	x := &LineIndex{src: src, starts: starts, first: first}
	if utf8.ValidString(src) {
		x.runes = make([]int, 0, len(src)/runeStep+1)
		n := 0
		for i := 0; i <= len(src); i++ {
			if i%runeStep == 0 {
				x.runes = append(x.runes, n)
			}
			if i < len(src) && utf8.RuneStart(src[i]) {
				n++
			}
		}
	}
	return x
}

// runesTo counts the characters of src[:off], off on a character
// boundary.
func (x *LineIndex) runesTo(off int) int {
	k := off / runeStep
	n := x.runes[k]
	for i := k * runeStep; i < off; i++ {
		if utf8.RuneStart(x.src[i]) {
			n++
		}
	}
	return n
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
	if x.runes == nil || off-x.starts[i] <= 2*runeStep || off < len(x.src) && !utf8.RuneStart(x.src[off]) {
		// Not UTF-8, near the line's start, or off inside a character:
		// count as Go counts.
		return Pos{Line: x.first + i, Col: utf8.RuneCountInString(x.src[x.starts[i]:off]) + 1}
	}
	return Pos{Line: x.first + i, Col: x.runesTo(off) - x.runesTo(x.starts[i]) + 1}
}
