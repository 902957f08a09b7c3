package convert

import (
	"strings"
	"unicode/utf8"

	"github.com/teikit/teikit/transcript"
)

// bodyReader reads the transcript part: everything after the metadata.
type bodyReader struct {
	*textReader
	blocks   []block
	cur      *transcript.Turn
	who      map[*transcript.Turn]*person
	divTop   bool // still in the opening of the transcript (heads, dateline)
	seenTurn bool
	lastPara *transcript.Para
	lastList *transcript.List

	skipFrom, skipTo int // a run of stage and marker blocks turnEndsAt has passed
}

func (r *textReader) readBody(from int) {
	br := &bodyReader{textReader: r, blocks: r.blocks[from:], who: map[*transcript.Turn]*person{}, divTop: true}
	for k := range br.blocks {
		br.block(k)
	}
	r.doc.Persons = r.people.persons()
	for t, p := range br.who {
		t.Who = p.p.ID
	}
}

// add appends a block to the current turn, or to the body between turns.
func (br *bodyReader) add(b transcript.Block) {
	br.lastPara, br.lastList = nil, nil
	if br.cur != nil {
		br.cur.Blocks = append(br.cur.Blocks, b)
	} else {
		br.doc.Body = append(br.doc.Body, b)
	}
}

func (br *bodyReader) block(k int) {
	b := br.blocks[k]
	text := b.text(br.src)
	pos := br.pos(b.start)
	if t := br.turnStart(b); t != nil {
		br.cur = nil
		br.add(t)
		br.cur = t
		br.divTop = false
		br.seenTurn = true
		br.lastPara = t.Blocks[0].(*transcript.Para)
		return
	}
	lastPara, lastList := br.lastPara, br.lastList
	switch {
	case pageMarker(text) != "":
		if br.cur != nil && br.turnEndsAt(k+1) {
			br.cur = nil
		}
		br.add(&transcript.PageBreak{N: pageMarker(text), Pos: pos})
	case isStageBlock(text):
		if br.cur != nil && br.turnEndsAt(k+1) {
			br.cur = nil
		}
		br.divTop = false
		br.add(&transcript.Stage{Content: br.inlines(b.start+1, b.end-1), Pos: pos})
	case br.cur == nil && isParticipantList(b):
		br.divTop = false
		pl := &transcript.ParticipantList{Head: b.lines[0], Pos: pos}
		off := b.start + len(b.lines[0]) + 1
		for _, line := range b.lines[1:] {
			pl.Items = append(pl.Items, &transcript.Text{Value: line, Pos: br.pos(off)})
			off += len(line) + 1
		}
		br.add(pl)
	case br.cur == nil && !br.seenTurn && isDateline(b):
		when, from, to, _ := transcript.ParseDateline(text)
		br.add(&transcript.Dateline{Text: text, When: when, From: from, To: to, Pos: pos})
	case br.cur == nil && br.divTop:
		br.add(&transcript.Head{Content: br.inlines(b.start, b.end), Pos: pos})
	case listNumber(text) != "":
		n := listNumber(text)
		item := &transcript.Item{N: n, Content: br.inlines(b.start+len(n)+2, b.end), Pos: pos}
		if lastList == nil {
			lastList = &transcript.List{Pos: pos}
			br.add(lastList)
		}
		lastList.Items = append(lastList.Items, item)
		br.lastList = lastList
	case lastPara != nil && k > 0 && isSplit(br.blocks[k-1].text(br.src)):
		lastPara.Content = append(lastPara.Content, &transcript.Join{Pos: pos})
		lastPara.Content = appendInlines(lastPara.Content, br.inlines(b.start, b.end))
		br.lastPara = lastPara
	default:
		p := &transcript.Para{Content: br.inlines(b.start, b.end), Pos: pos}
		br.divTop = false
		br.add(p)
		br.lastPara = p
	}
}

// turnStart returns a new turn when block b opens with a speaker's label.
func (br *bodyReader) turnStart(b block) *transcript.Turn {
	label, off, ok := labelAt(b.lines[0])
	if !ok {
		return nil
	}
	pos := br.pos(b.start)
	p := br.people.resolve(label, pos)
	if p == nil {
		return nil
	}
	t := &transcript.Turn{Label: br.inlines(b.start, b.start+len(label)), Pos: pos}
	para := &transcript.Para{Content: br.inlines(b.start+off, b.end), Pos: br.pos(b.start + off)}
	t.Blocks = []transcript.Block{para}
	br.who[t] = p
	return t
}

// turnEndsAt reports whether the current turn ends before block k: the
// next block that is not a stage direction or page marker opens a turn, or
// there is none.
func (br *bodyReader) turnEndsAt(k int) bool {
	// Blocks from skipFrom to skipTo are stages and markers, seen by the
	// last call: skip them, or a long run of them is quadratic.
	from := k
	if k >= br.skipFrom && k < br.skipTo {
		k = br.skipTo
	}
	defer func() { br.skipFrom, br.skipTo = from, k }()
	for ; k < len(br.blocks); k++ {
		text := br.blocks[k].text(br.src)
		if isStageBlock(text) || pageMarker(text) != "" {
			continue
		}
		label, _, ok := labelAt(br.blocks[k].lines[0])
		return ok && br.people.wouldResolve(label)
	}
	return true
}

// isSplit reports whether a block looks cut off by a page break of the
// typescript: long, and without final punctuation.
func isSplit(text string) bool {
	if utf8.RuneCountInString(text) < 60 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".?!:;\"')]…”’»", last)
}

// pageMarker returns N for a block "(p. N)", else "".
func pageMarker(text string) string {
	n, ok := strings.CutPrefix(text, "(p. ")
	if !ok || !strings.HasSuffix(n, ")") {
		return ""
	}
	n = n[:len(n)-1]
	if n == "" || strings.ContainsAny(n, " ()\n") {
		return ""
	}
	return n
}

// listNumber returns N for a block opening "N) ", else "".
func listNumber(text string) string {
	i := 0
	for i < len(text) && i < 3 && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	if i == 0 || !strings.HasPrefix(text[i:], ") ") || len(text) == i+2 {
		return ""
	}
	return text[:i]
}

// isStageBlock reports whether a whole block is one parenthesis.
func isStageBlock(text string) bool {
	return strings.HasPrefix(text, "(") && matchClose(text, 0, len(text), '(', ')') == len(text)-1
}

func isDateline(b block) bool {
	if len(b.lines) != 1 {
		return false
	}
	_, _, _, ok := transcript.ParseDateline(b.lines[0])
	return ok
}
