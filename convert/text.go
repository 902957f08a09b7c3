package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/teikit/teikit/transcript"
)

// block is a run of non-blank lines of the normalised text.
type block struct {
	start, end int // byte offsets in the text; end excludes the final "\n"
	lines      []string
}

func (b block) text(src string) string { return src[b.start:b.end] }

// textReader reads the archival export (SPEC §1) into a Document.
type textReader struct {
	name    string
	src     string
	idx     *transcript.LineIndex
	blocks  []block
	doc     *transcript.Document
	people  *people
	persons *transcript.Personography // TextSettings.Persons
	limits  Limits
	depth   int       // how deep inlines is in brackets
	br      *brackets // the brackets of the block inlines reads

	lastHeading int   // index of the last section heading's block, -1 if none
	err         error // the first error found while reading the body
}

// TextSettings set how the text reader works.
type TextSettings struct {
	// Limits bound the input; the zero value is DefaultLimits.
	Limits Limits
	// Persons, when set, is a personography: its people are known
	// participants, and a participant it lists takes its id, full name
	// and authority ids.
	Persons *transcript.Personography
}

// ReadText reads an archival transcript export within DefaultLimits.
func ReadText(name string, src []byte) (*transcript.Document, error) {
	return ReadTextWith(name, src, TextSettings{})
}

// ReadTextWith reads an archival transcript export with the given
// settings.
func ReadTextWith(name string, src []byte, s TextSettings) (*transcript.Document, error) {
	limits := s.Limits.orDefault()
	if err := limits.Check(name, src); err != nil {
		return nil, err
	}
	n, err := normalize(name, src)
	if err != nil {
		return nil, err
	}
	r := &textReader{name: name, src: n.text, idx: transcript.NewLineIndex(n.text, n.firstLine), limits: limits, persons: s.Persons}
	r.doc = &transcript.Document{Changes: n.changes}
	if err := r.split(); err != nil {
		return nil, err
	}
	if err := r.read(); err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, r.err
	}
	if err := limits.checkInlineDepth(name, r.doc); err != nil {
		return nil, err
	}
	return r.doc, nil
}

func (r *textReader) pos(off int) transcript.Pos { return r.idx.Pos(off) }

// split cuts the text into blocks separated by one blank line each.
func (r *textReader) split() error {
	off := 0
	var cur *block
	blank := 0
	for off < len(r.src) {
		end := off + strings.IndexByte(r.src[off:], '\n')
		line := r.src[off:end]
		if line == "" {
			if cur != nil {
				r.blocks = append(r.blocks, *cur)
				cur = nil
			}
			blank++
			if blank == 2 {
				return errorf(r.name, r.pos(off), "two blank lines in a row: teikit keeps blocks exactly one blank line apart and cannot represent more")
			}
		} else {
			if err := r.limits.checkLine(r.name, r.pos(off), line); err != nil {
				return err
			}
			blank = 0
			if cur == nil {
				cur = &block{start: off}
			}
			cur.end = end
			cur.lines = append(cur.lines, line)
		}
		off = end + 1
	}
	if cur != nil {
		r.blocks = append(r.blocks, *cur)
	}
	return nil
}

// markup reads a "PREFIX **TEXT**" heading line; ok is false otherwise.
func markup(b block, prefix string) (string, bool) {
	if len(b.lines) != 1 {
		return "", false
	}
	rest, ok := strings.CutPrefix(b.lines[0], prefix+" **")
	if !ok || !strings.HasSuffix(rest, "**") || len(rest) < 3 {
		return "", false
	}
	return rest[:len(rest)-2], true
}

// sectionHeading reads "#### **Heading:**".
func sectionHeading(b block) (string, bool) {
	t, ok := markup(b, "####")
	if !ok || !strings.HasSuffix(t, ":") || len(t) < 2 {
		return "", false
	}
	return t[:len(t)-1], true
}

func (r *textReader) read() error {
	i := 0
	if i < len(r.blocks) {
		if t, ok := markup(r.blocks[i], "##"); ok {
			when, _ := transcript.ParseDate(t)
			r.doc.Date = &transcript.DocDate{Text: t, When: when, Pos: r.pos(r.blocks[i].start + 5)}
			i++
		}
	}
	if i < len(r.blocks) {
		if t, ok := markup(r.blocks[i], "###"); ok {
			r.doc.Title = &transcript.Title{Text: t, Pos: r.pos(r.blocks[i].start + 6)}
			i++
		}
	}
	i = r.readSections(i)
	for j := i; j < len(r.blocks); j++ {
		b := r.blocks[j]
		if strings.HasPrefix(b.lines[0], "#") && strings.HasPrefix(strings.TrimLeft(b.lines[0], "#"), " **") {
			return errorf(r.name, r.pos(b.start), "heading %q out of place: the date, title and metadata sections must come first, in that order", b.lines[0])
		}
	}
	if i == len(r.blocks) {
		return errorf(r.name, r.pos(len(r.src)-1), "no transcript after the metadata sections")
	}
	r.people = newPeople(r)
	r.readBody(i)
	if len(r.doc.Turns()) == 0 {
		return errorf(r.name, r.pos(r.blocks[i].start), "no turns: no block from here on opens with a speaker label (a \"Name: \" used more than once, or a participant named in the title)")
	}
	return nil
}

// readSections reads the metadata sections from block i on and returns the
// index of the first block of the transcript.
func (r *textReader) readSections(i int) int {
	// Find the last heading once: looking for it at every paragraph is
	// quadratic in the number of paragraphs.
	r.lastHeading = -1
	for j := len(r.blocks) - 1; j >= i; j-- {
		if _, ok := sectionHeading(r.blocks[j]); ok {
			r.lastHeading = j
			break
		}
	}
	for i < len(r.blocks) {
		heading, ok := sectionHeading(r.blocks[i])
		if !ok {
			break
		}
		s := &transcript.Section{Heading: heading, Kind: sectionKind(heading), Pos: r.pos(r.blocks[i].start + 7)}
		r.doc.Sections = append(r.doc.Sections, s)
		i++
		for i < len(r.blocks) {
			if _, next := sectionHeading(r.blocks[i]); next {
				break
			}
			if r.lastSection(i) && !r.belongsToLast(s, r.blocks[i]) {
				break
			}
			b := r.blocks[i]
			s.Paras = append(s.Paras, &transcript.Text{Value: b.text(r.src), Pos: r.pos(b.start)})
			i++
		}
	}
	return i
}

// lastSection reports whether no section heading follows block i.
func (r *textReader) lastSection(i int) bool {
	return i > r.lastHeading
}

// belongsToLast decides whether a block after the last section heading is
// part of that section or the start of the transcript: the last section
// takes one paragraph, and a Contents section every entry of the form
// "Transcript - English".
func (r *textReader) belongsToLast(s *transcript.Section, b block) bool {
	if len(s.Paras) == 0 {
		return true
	}
	return s.Kind == transcript.SectionContents && isContentsEntry(b)
}

func isContentsEntry(b block) bool {
	if len(b.lines) != 1 || utf8.RuneCountInString(b.lines[0]) > 60 {
		return false
	}
	kind, lang, ok := strings.Cut(b.lines[0], " - ")
	return ok && kind != "" && lang != "" && !strings.ContainsAny(kind+lang, ".:;?!")
}

func sectionKind(heading string) transcript.SectionKind {
	switch strings.ToLower(heading) {
	case "citation":
		return transcript.SectionCitation
	case "summary":
		return transcript.SectionSummary
	case "credits":
		return transcript.SectionCredits
	case "original language":
		return transcript.SectionLanguage
	case "contents":
		return transcript.SectionContents
	}
	return transcript.SectionOther
}

// labelAt reads a "Label: " opening a block: the label (without colon) and
// the offset where the text after ": " starts. ok is false when the block
// does not open with something shaped like a label.
func labelAt(line string) (label string, textOff int, ok bool) {
	colon := strings.Index(line, ": ")
	if colon <= 0 || colon > 80 || colon+2 >= len(line) {
		return "", 0, false
	}
	label = line[:colon]
	first, _ := utf8.DecodeRuneInString(label)
	if !unicode.IsLetter(first) && first != '[' {
		return "", 0, false
	}
	letters, words := 0, len(strings.Fields(label))
	for _, c := range label {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’' || c == '[' || c == ']':
		default:
			return "", 0, false
		}
	}
	if letters == 0 || words > 5 {
		return "", 0, false
	}
	// A lower-case word ending a sentence inside it ("We have three aims.
	// Aim:") shows a sentence, not a label; "Mr. Colby" and "T.V. Soong"
	// are labels.
	for _, w := range strings.Fields(label)[:words-1] {
		if r, _ := utf8.DecodeRuneInString(w); strings.HasSuffix(w, ".") && unicode.IsLower(r) {
			return "", 0, false
		}
	}
	return label, colon + 2, true
}

// LabelAt reports whether a paragraph's text opens with a "Label: " shaped
// like a speaker label, or is one ("Two considerations:"), and returns
// the label.
func LabelAt(text string) (string, bool) {
	line, _, _ := strings.Cut(text, "\n")
	if strings.HasSuffix(line, ":") {
		line += " …"
	}
	l, _, ok := labelAt(line)
	return l, ok
}
