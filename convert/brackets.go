package convert

import (
	"sort"
	"strings"
)

// brackets pairs the square brackets and parentheses of a range of the
// text in one pass, so that reading inline content takes time in
// proportion to its length: looking for each bracket's partner from
// scratch, as matchClose does, is quadratic on a line of unclosed ones.
// Each kind pairs with its own, never across a line end.
type brackets struct {
	opens  []int // offsets of every "[" and "(", in order
	closes []int // the offset of each one's partner, -1 when it has none
}

func pairBrackets(s string, start, end int) *brackets {
	b := &brackets{}
	var square, round []int // the unclosed ones, as indexes into opens
	for i := start; i < end; i++ {
		// Skip to the next character that matters.
		j := strings.IndexAny(s[i:end], "\n[]()")
		if j < 0 {
			break
		}
		i += j
		switch s[i] {
		case '\n':
			square, round = square[:0], round[:0]
		case '[':
			square = append(square, len(b.opens))
			b.opens, b.closes = append(b.opens, i), append(b.closes, -1)
		case '(':
			round = append(round, len(b.opens))
			b.opens, b.closes = append(b.opens, i), append(b.closes, -1)
		case ']':
			if n := len(square); n > 0 {
				b.closes[square[n-1]] = i
				square = square[:n-1]
			}
		case ')':
			if n := len(round); n > 0 {
				b.closes[round[n-1]] = i
				round = round[:n-1]
			}
		}
	}
	return b
}

// close returns the offset of the partner of the bracket at offset i
// when it comes before end, else -1: what matchClose(s, i, end, …)
// returns.
func (b *brackets) close(i, end int) int {
	k := sort.SearchInts(b.opens, i)
	if k == len(b.opens) || b.opens[k] != i {
		return -1
	}
	if j := b.closes[k]; j < end {
		return j
	}
	return -1
}
