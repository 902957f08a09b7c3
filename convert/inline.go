package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/teikit/teikit/transcript"
)

// inlines parses the inline content of src[start:end]: editorial
// additions in brackets, [sic], the query mark (?), stage directions in
// parentheses and line breaks; everything else is text.
func (r *textReader) inlines(start, end int) []transcript.Inline {
	r.depth++
	defer func() { r.depth-- }()
	if limit := r.limits.MaxXMLDepth - teiFrame; r.depth > limit+1 {
		// The brackets around start nest too deep; stop before the stack
		// does.
		if r.err == nil {
			r.err = r.limits.markupDepthError(r.name, r.pos(start-1))
		}
		return nil
	}
	if r.depth == 1 {
		r.br = pairBrackets(r.src, start, end)
	}
	var out []transcript.Inline
	s := r.src
	textStart := start
	flush := func(j int) {
		if j > textStart {
			out = appendText(out, s[textStart:j], r.pos(textStart))
		}
	}
	for i := start; i < end; {
		switch s[i] {
		case '\n':
			flush(i)
			out = append(out, &transcript.LineBreak{Pos: r.pos(i)})
			i++
			textStart = i
			continue
		case '[':
			j := r.br.close(i, end)
			if j < 0 {
				break
			}
			flush(i)
			if s[i+1:j] != "sic" || !makeSic(&out, r.pos(i)) {
				out = append(out, &transcript.Supplied{Content: r.inlines(i+1, j), Pos: r.pos(i)})
			}
			i = j + 1
			textStart = i
			continue
		case '(':
			if strings.HasPrefix(s[i:end], "(?)") {
				flush(i)
				out = append(out, &transcript.Query{Pos: r.pos(i)})
				i += 3
				textStart = i
				continue
			}
			j := r.br.close(i, end)
			if j < 0 || !isStageText(s[i+1:j]) {
				break
			}
			flush(i)
			out = append(out, &transcript.InlineStage{Content: r.inlines(i+1, j), Pos: r.pos(i)})
			i = j + 1
			textStart = i
			continue
		}
		// Skip to the next character that may start markup.
		i++
		if k := strings.IndexAny(s[i:end], "\n[("); k >= 0 {
			i += k
		} else {
			i = end
		}
	}
	flush(end)
	return out
}

// matchClose returns the index of the bracket closing the one at s[i], or
// -1 when it is not closed before end.
func matchClose(s string, i, end int, open, close byte) int {
	depth := 0
	for j := i; j < end; j++ {
		switch s[j] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			return -1
		}
	}
	return -1
}

// appendText appends text, merging it into a preceding Text node.
func appendText(out []transcript.Inline, v string, pos transcript.Pos) []transcript.Inline {
	if n := len(out); n > 0 {
		if t, ok := out[n-1].(*transcript.Text); ok {
			t.Value += v
			return out
		}
	}
	return append(out, &transcript.Text{Value: v, Pos: pos})
}

// appendInlines appends nodes, merging adjacent Text nodes.
func appendInlines(out, more []transcript.Inline) []transcript.Inline {
	for _, n := range more {
		if t, ok := n.(*transcript.Text); ok {
			out = appendText(out, t.Value, t.Pos)
			continue
		}
		out = append(out, n)
	}
	return out
}

// sicBoundary holds the characters that open the phrase a [sic] marks.
const sicBoundary = ",;:([\""

// makeSic turns the phrase before a " [sic]" marker into a Sic node: the
// inline content back to the preceding comma, clause or sentence start
// (or line break). It reports false, changing nothing, when there is no
// such phrase.
func makeSic(out *[]transcript.Inline, pos transcript.Pos) bool {
	nodes := *out
	n := len(nodes)
	if n == 0 {
		return false
	}
	last, ok := nodes[n-1].(*transcript.Text)
	if !ok || !strings.HasSuffix(last.Value, " ") {
		return false
	}
	// The phrase stops at a line break, a join or an earlier [sic]. Work
	// on a copy of the nodes after the last of them, so that a refusal
	// leaves out untouched, and a line of many [sic] costs no more than
	// its length.
	lo := n - 1
	for lo > 0 && !endsPhrase(nodes[lo-1]) {
		lo--
	}
	work := append([]transcript.Inline(nil), nodes[lo:]...)
	work[len(work)-1] = &transcript.Text{Value: strings.TrimSuffix(last.Value, " "), Pos: last.Pos}
	k, before, start := phraseBounds(work)
	if k < 0 {
		before, start = splitSpaces(work[0])
		if start != nil {
			k = 0
		}
	}
	var phrase []transcript.Inline
	if start != nil {
		phrase = append(phrase, start)
	}
	phrase = dropEmptyText(append(phrase, work[k+1:]...))
	if len(phrase) == 0 {
		return false
	}
	kept := work[:k+1]
	if before != nil {
		kept = append(work[:k], before)
	}
	*out = append(append(nodes[:lo], dropEmptyText(kept)...), &transcript.Sic{Content: phrase, Pos: phrase[0].Position()})
	return true
}

// endsPhrase reports whether the phrase a [sic] marks cannot reach back
// past n.
func endsPhrase(n transcript.Inline) bool {
	switch n.(type) {
	case *transcript.LineBreak, *transcript.Join, *transcript.Sic:
		return true
	}
	return false
}

// splitSpaces splits the leading spaces off a text that opens a phrase,
// so that they stay outside the sic; both are nil when n is no text or
// opens with no space.
func splitSpaces(n transcript.Inline) (spaces, rest *transcript.Text) {
	t, ok := n.(*transcript.Text)
	if !ok {
		return nil, nil
	}
	trimmed := strings.TrimLeft(t.Value, " ")
	if trimmed == t.Value {
		return nil, nil
	}
	pos := t.Pos
	if pos.IsValid() {
		pos.Col += len(t.Value) - len(trimmed)
	}
	return &transcript.Text{Value: t.Value[:len(t.Value)-len(trimmed)], Pos: t.Pos}, &transcript.Text{Value: trimmed, Pos: pos}
}

// phraseBounds finds where the phrase ending the nodes starts: node k is
// split into before (kept) and start (the phrase's first text); nodes
// after k belong to the phrase. When no node holds a boundary, k is -1 or
// the line break's index and before and start are nil.
func phraseBounds(nodes []transcript.Inline) (k int, before, start *transcript.Text) {
	for k = len(nodes) - 1; k >= 0; k-- {
		switch t := nodes[k].(type) {
		case *transcript.LineBreak, *transcript.Join:
			return k, nil, nil
		case *transcript.Text:
			cut := phraseStart(t.Value)
			if cut < 0 {
				continue
			}
			tail := t.Value[cut:]
			trimmed := strings.TrimLeft(tail, " ")
			head := t.Value[:cut] + tail[:len(tail)-len(trimmed)]
			pos := t.Pos
			if pos.IsValid() {
				pos.Col += utf8.RuneCountInString(head)
			}
			return k, &transcript.Text{Value: head, Pos: t.Pos}, &transcript.Text{Value: trimmed, Pos: pos}
		}
	}
	return -1, nil, nil
}

// phraseStart returns the offset in s just after the last phrase boundary,
// or -1 when s has none.
func phraseStart(s string) int {
	best := -1
	if i := strings.LastIndexAny(s, sicBoundary); i >= 0 {
		best = i + 1
	}
	for _, end := range []string{". ", "? ", "! "} {
		if i := strings.LastIndex(s, end); i >= 0 && i+1 > best {
			best = i + 1
		}
	}
	return best
}

func dropEmptyText(ns []transcript.Inline) []transcript.Inline {
	out := ns[:0:0]
	for _, n := range ns {
		if t, ok := n.(*transcript.Text); ok && t.Value == "" {
			continue
		}
		out = append(out, n)
	}
	return out
}

// stageWords open a parenthesis that is a stage direction: a pronoun or
// a verb of action; stageVerbs may also come second ("Pavlov reads …").
var stageWords = map[string]bool{
	"he": true, "she": true, "they": true, "both": true, "all": true,
	"everyone": true, "someone": true, "laughter": true, "applause": true,
	"pause": true, "aside": true, "to": true, "inaudible": true, "interruption": true,
	"silence": true, "noise": true,
}

var stageVerbs = map[string]bool{
	"shows": true, "laughs": true, "reads": true, "points": true, "hands": true,
	"nods": true, "smiles": true, "interrupts": true, "continues": true,
	"turns": true, "gives": true, "looks": true, "writes": true, "leaves": true,
	"enters": true, "returns": true, "rises": true, "sits": true, "stands": true,
	"speaks": true, "says": true, "replies": true, "translates": true,
	"consults": true, "whispers": true, "pauses": true, "confers": true,
	"shakes": true, "takes": true, "produces": true, "exits": true,
	"accompanies": true, "break": true, "breaks": true, "hands over": true,
	"laughing": true, "smiling": true, "pointing": true, "showing": true,
	"reading": true, "shrugs": true, "gestures": true, "indicates": true,
	"signs": true, "opens": true, "closes": true, "raises": true, "waves": true,
}

// isStageText reports whether the inside of a parenthesis reads as a
// stage direction rather than as words of the speaker.
func isStageText(s string) bool {
	w0, rest := firstWord(s)
	if w0 == "" {
		return false
	}
	w0 = strings.ToLower(w0)
	if stageWords[w0] || stageVerbs[w0] {
		return true
	}
	w1, _ := firstWord(rest)
	return stageVerbs[strings.ToLower(w1)]
}

// maxWord bounds the words isStageText looks at: splitting the whole of
// every parenthesis into words is quadratic on "((((…))))". A first word
// longer than this is no stage word, nor a name before a stage verb.
const maxWord = 256

// firstWord returns the first word of s, as strings.Fields splits it, and
// what follows; "" when s has none or it is longer than maxWord.
func firstWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s[:min(len(s), maxWord+utf8.UTFMax)], unicode.IsSpace)
	switch {
	case i >= 0:
		return s[:i], s[i:]
	case len(s) <= maxWord:
		return s, ""
	}
	return "", ""
}
