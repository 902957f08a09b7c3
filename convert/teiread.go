package convert

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/beevik/etree"
	"github.com/teikit/teikit/transcript"
)

// TEISettings set how the TEI reader works.
type TEISettings struct {
	// Positions records the line and column of every element in the nodes
	// read from it (one extra encoding/xml pass; validation wants it).
	Positions bool
	// Lenient reads TEI written by others: drama-style sp/speaker in nested
	// divs, speech-style u who=, persons from listPerson, personGrp and
	// castList. What the model cannot hold is passed over and listed in
	// Document.Notes instead of failing.
	Lenient bool
	// Limits bound the input; the zero value is DefaultLimits.
	Limits Limits
}

// ReadTEI reads a TEI P5 document written by teikit (or shaped like one)
// into a Document. Entity references other than the five predefined ones
// are refused, never expanded; a DOCTYPE is ignored with a note.
func ReadTEI(name string, src []byte) (*transcript.Document, error) {
	return ReadTEIWith(name, src, TEISettings{})
}

// ReadTEIWith reads a TEI document with the given settings.
func ReadTEIWith(name string, src []byte, s TEISettings) (*transcript.Document, error) {
	limits := s.Limits.orDefault()
	if err := limits.Check(name, src); err != nil {
		return nil, err
	}
	x := etree.NewDocument()
	x.ReadSettings.MaxDepth = limits.MaxXMLDepth
	if err := x.ReadFromBytes(src); err != nil {
		if errors.Is(err, etree.ErrMaxDepth) {
			return nil, limits.xmlDepthError(name, src)
		}
		return nil, xmlError(name, src, err)
	}
	r := &teiReader{name: name, src: src, x: x, doc: &transcript.Document{}, lenient: s.Lenient}
	if s.Positions {
		r.pos = ElementPositions(x, src)
	}
	if err := r.checkXMLTokens(limits); err != nil {
		return nil, err
	}
	if err := r.read(); err != nil {
		return nil, err
	}
	return r.doc, nil
}

// xmlError turns an encoding/xml error into a one-line Error with position.
func xmlError(name string, src []byte, err error) error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		// etree reports some errors without a position: find it with
		// encoding/xml, which checks the same things and says where.
		dec := xml.NewDecoder(bytes.NewReader(src))
		for {
			_, derr := dec.Token()
			if derr == nil {
				continue
			}
			errors.As(derr, &se)
			break
		}
	}
	if se != nil {
		msg := se.Msg
		if strings.HasPrefix(msg, "invalid character entity") {
			msg += " (teikit expands only the five predefined XML entities and character references; declared and external entities are refused)"
		}
		return errorf(name, transcript.Pos{Line: se.Line}, "not well-formed XML: %s", msg)
	}
	return errorf(name, transcript.Pos{}, "cannot read XML: %v", err)
}

type teiReader struct {
	name    string
	src     []byte
	x       *etree.Document
	doc     *transcript.Document
	lenient bool
	pos     map[*etree.Element]transcript.Pos // element positions, when asked for or needed by an error
	noted   map[string]bool                   // element names already listed in Notes
}

// at returns the position of e, when positions were asked for.
func (r *teiReader) at(e *etree.Element) transcript.Pos { return r.pos[e] }

// pass records, in lenient mode, that element e was passed over.
func (r *teiReader) pass(e *etree.Element, why string) {
	key := e.Tag + "\x00" + why
	if r.noted[key] {
		return
	}
	if r.noted == nil {
		r.noted = map[string]bool{}
	}
	r.noted[key] = true
	r.doc.Notes = append(r.doc.Notes, transcript.Change{Pos: r.at(e), Message: fmt.Sprintf("<%s> %s", e.Tag, why)})
}

// errAt returns an Error at element e, finding its position with one
// encoding/xml pass over the source (etree keeps none).
func (r *teiReader) errAt(e *etree.Element, format string, args ...any) error {
	if r.pos == nil {
		r.pos = ElementPositions(r.x, r.src)
	}
	return errorf(r.name, r.pos[e], format, args...)
}

// ElementPositions pairs every element of x, parsed from src, with the
// position of its start tag in src.
func ElementPositions(x *etree.Document, src []byte) map[*etree.Element]transcript.Pos {
	idx := transcript.NewLineIndex(string(src), 1)
	var starts []int
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	for {
		off := dec.InputOffset()
		t, err := dec.RawToken()
		if err == io.EOF || err != nil {
			break
		}
		if _, ok := t.(xml.StartElement); ok {
			starts = append(starts, int(off))
		}
	}
	out := map[*etree.Element]transcript.Pos{}
	i := 0
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		if i < len(starts) {
			out[e] = idx.Pos(starts[i])
		}
		i++
		for _, c := range e.ChildElements() {
			walk(c)
		}
	}
	if root := x.Root(); root != nil {
		walk(root)
	}
	return out
}

func (r *teiReader) read() error {
	for _, t := range r.x.Child {
		if d, ok := t.(*etree.Directive); ok && strings.HasPrefix(d.Data, "DOCTYPE") {
			r.doc.Changes = append(r.doc.Changes, transcript.Change{Pos: transcript.Pos{Line: 1, Col: 1}, Message: "ignored the DOCTYPE declaration (its entities are never expanded)"})
		}
	}
	root := r.x.Root()
	if root == nil {
		return errorf(r.name, transcript.Pos{}, "no root element")
	}
	if root.Tag != "TEI" || root.NamespaceURI() != TEINamespace {
		return r.errAt(root, "not a TEI document: root element <%s> in namespace %q, want <TEI> in %q", root.Tag, root.NamespaceURI(), TEINamespace)
	}
	if err := r.header(root.SelectElement("teiHeader")); err != nil {
		return err
	}
	text := root.SelectElement("text")
	if text == nil || text.SelectElement("body") == nil {
		return r.errAt(root, "TEI document without text/body")
	}
	if r.lenient {
		r.castList(text.SelectElement("front"))
		return r.lenientBody(text.SelectElement("body"))
	}
	body := text.SelectElement("body")
	container := body
	if div := body.SelectElement("div"); div != nil {
		container = div
	}
	return r.body(container)
}

func (r *teiReader) header(h *etree.Element) error {
	if h == nil {
		return r.errAt(r.x.Root(), "TEI document without teiHeader")
	}
	fd := h.SelectElement("fileDesc")
	pd := h.SelectElement("profileDesc")
	if t := find(fd, "titleStmt", "title"); t != nil && t.Text() != "" {
		r.doc.Title = &transcript.Title{Text: textOf(t), Pos: r.at(t)}
	}
	if d := find(pd, "creation", "date"); d != nil {
		when, _ := transcript.ParseDate(textOf(d))
		r.doc.Date = &transcript.DocDate{Text: textOf(d), When: when, Pos: r.at(d)}
	}
	r.section("Citation", children(find(fd, "sourceDesc"), "bibl"))
	r.section("Summary", children(find(pd, "abstract"), "p"))
	r.section("Credits", children(find(fd, "titleStmt"), "funder"))
	for _, note := range children(find(fd, "notesStmt"), "note") {
		label := note.SelectElement("label")
		if label == nil {
			if r.lenient {
				r.pass(note, "without a label naming its section: passed over")
				continue
			}
			return r.errAt(note, "notesStmt/note without the label that names its section")
		}
		s := &transcript.Section{Heading: label.Text(), Kind: sectionKind(label.Text()), Pos: r.at(note)}
		for _, p := range children(note, "p") {
			s.Paras = append(s.Paras, &transcript.Text{Value: linesOf(p), Pos: r.at(p)})
		}
		r.doc.Sections = append(r.doc.Sections, s)
	}
	if r.lenient {
		for _, path := range []string{".//person", ".//personGrp"} {
			for _, p := range h.FindElements(path) {
				r.person(p, p.SelectElement("persName"))
			}
		}
		return nil
	}
	for _, p := range children(find(pd, "particDesc", "listPerson"), "person") {
		r.person(p, p.SelectElement("persName"))
	}
	return nil
}

func (r *teiReader) person(e, name *etree.Element) {
	p := &transcript.Person{ID: e.SelectAttrValue("xml:id", ""), Pos: r.at(e)}
	if name != nil {
		p.Name = textOf(name)
	} else if r.lenient {
		p.Name = strings.Join(strings.Fields(textOf(e)), " ")
	}
	for _, id := range e.SelectElements("idno") {
		p.Idnos = append(p.Idnos, transcript.Idno{Type: id.SelectAttrValue("type", ""), Value: id.Text()})
	}
	r.doc.Persons = append(r.doc.Persons, p)
}

// castList reads the roles of a drama's cast list as participants.
func (r *teiReader) castList(front *etree.Element) {
	if front == nil {
		return
	}
	for _, role := range front.FindElements(".//role") {
		if role.SelectAttrValue("xml:id", "") != "" {
			r.person(role, role)
		}
	}
}

// section appends the section that the elements es hold, if any.
func (r *teiReader) section(heading string, es []*etree.Element) {
	if len(es) == 0 {
		return
	}
	s := &transcript.Section{Heading: heading, Kind: sectionKind(heading), Pos: r.at(es[0])}
	for _, e := range es {
		s.Paras = append(s.Paras, &transcript.Text{Value: linesOf(e), Pos: r.at(e)})
	}
	r.doc.Sections = append(r.doc.Sections, s)
}

// find follows a path of child element names from e; nil-safe.
func find(e *etree.Element, path ...string) *etree.Element {
	for _, tag := range path {
		if e == nil {
			return nil
		}
		e = e.SelectElement(tag)
	}
	return e
}

func children(e *etree.Element, tag string) []*etree.Element {
	if e == nil {
		return nil
	}
	return e.SelectElements(tag)
}

// textOf returns all the text inside e.
func textOf(e *etree.Element) string { return collectText(e, "") }

// linesOf returns the text inside e with each lb as "\n".
func linesOf(e *etree.Element) string { return collectText(e, "\n") }

// collectText returns the text inside e, with lb written as lb.
func collectText(e *etree.Element, lb string) string {
	var b strings.Builder
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for _, t := range e.Child {
			switch t := t.(type) {
			case *etree.CharData:
				b.WriteString(t.Data)
			case *etree.Element:
				if t.Tag == "lb" {
					b.WriteString(lb)
				} else {
					walk(t)
				}
			}
		}
	}
	walk(e)
	return b.String()
}

// body reads the transcript div of teikit's TEI.
func (r *teiReader) body(div *etree.Element) error {
	top := true // still where TEI allows head
	for _, e := range div.ChildElements() {
		b, err := r.bodyBlock(e)
		if err != nil {
			return err
		}
		switch b.(type) {
		case *transcript.Head:
			if !top {
				return r.errAt(e, "<head> after the transcript has begun: TEI allows it only at the start of the div")
			}
		case *transcript.Dateline:
		default:
			top = false
		}
		r.doc.Body = append(r.doc.Body, b)
	}
	return nil
}

func (r *teiReader) bodyBlock(e *etree.Element) (transcript.Block, error) {
	switch e.Tag {
	case "head":
		c, err := r.inlines(e)
		return &transcript.Head{Content: c, Pos: r.at(e)}, err
	case "dateline":
		return r.dateline(e), nil
	case "p":
		if d := e.SelectElement("date"); d != nil && len(e.ChildElements()) == 1 && strings.TrimSpace(e.Text()) == "" && len(e.Child) == 1 {
			return r.dateline(e), nil
		}
	case "sp", "u":
		return r.turn(e)
	}
	return r.block(e)
}

// lenientBody reads the body of TEI written by others: divs at any depth,
// their heads, turns and free blocks; anything else is passed over.
func (r *teiReader) lenientBody(e *etree.Element) error {
	for _, c := range e.ChildElements() {
		switch c.Tag {
		case "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "group", "text", "body":
			if err := r.lenientBody(c); err != nil {
				return err
			}
			continue
		case "head", "dateline", "sp", "u", "p", "stage", "pb", "list", "ab", "l", "lg":
		default:
			r.pass(c, "between turns: not read")
			continue
		}
		b, err := r.bodyBlock(c)
		if err != nil {
			return err
		}
		if b != nil {
			r.doc.Body = append(r.doc.Body, b)
		}
	}
	return nil
}

func (r *teiReader) dateline(e *etree.Element) *transcript.Dateline {
	text := textOf(e)
	when, from, to, _ := transcript.ParseDateline(text)
	return &transcript.Dateline{Text: text, When: when, From: from, To: to, Pos: r.at(e)}
}

func (r *teiReader) turn(e *etree.Element) (*transcript.Turn, error) {
	who := e.SelectAttrValue("who", "")
	var ids []string
	for _, tok := range strings.Fields(who) {
		ids = append(ids, strings.TrimPrefix(tok, "#"))
	}
	t := &transcript.Turn{Who: strings.Join(ids, " "), Pos: r.at(e)}
	if who != "#"+t.Who {
		t.WhoAsFound = who
	}
	if e.Tag == "u" {
		return r.utterance(e, t)
	}
	for _, c := range e.ChildElements() {
		if c.Tag == "speaker" {
			label, err := r.inlines(c)
			if err != nil {
				return nil, err
			}
			t.Label = label
			continue
		}
		b, err := r.block(c)
		if err != nil {
			return nil, err
		}
		if b != nil {
			t.Blocks = append(t.Blocks, b)
		}
	}
	return t, nil
}

// utterance reads a speech-style u: its segments, or its text, as
// paragraphs.
func (r *teiReader) utterance(e *etree.Element, t *transcript.Turn) (*transcript.Turn, error) {
	if len(e.SelectElements("seg")) == 0 {
		c, err := r.inlines(e)
		if err != nil {
			return nil, err
		}
		t.Blocks = append(t.Blocks, &transcript.Para{Content: c, Pos: r.at(e)})
		return t, nil
	}
	for _, s := range e.ChildElements() {
		if s.Tag != "seg" {
			r.pass(s, "inside an utterance: not read")
			continue
		}
		c, err := r.inlines(s)
		if err != nil {
			return nil, err
		}
		t.Blocks = append(t.Blocks, &transcript.Para{Content: c, Pos: r.at(s)})
	}
	return t, nil
}

// block reads a block-level element inside a div or sp. In lenient mode
// it returns nil for what it passes over.
func (r *teiReader) block(e *etree.Element) (transcript.Block, error) {
	switch e.Tag {
	case "p":
		c, err := r.inlines(e)
		return &transcript.Para{Content: c, Pos: r.at(e)}, err
	case "stage":
		c, err := r.inlines(e)
		return &transcript.Stage{Content: c, Pos: r.at(e)}, err
	case "pb":
		return &transcript.PageBreak{N: e.SelectAttrValue("n", ""), Pos: r.at(e)}, nil
	case "list":
		return r.list(e)
	}
	if r.lenient {
		switch e.Tag {
		case "ab", "l", "lg", "head", "dateline":
			r.pass(e, "read as a paragraph")
			return &transcript.Para{Content: []transcript.Inline{&transcript.Text{Value: strings.Join(strings.Fields(textOf(e)), " "), Pos: r.at(e)}}, Pos: r.at(e)}, nil
		}
		r.pass(e, "inside a turn: not read")
		return nil, nil
	}
	return nil, r.errAt(e, "<%s> here: teikit reads p, stage, pb, list and sp in a transcript", e.Tag)
}

func (r *teiReader) list(e *etree.Element) (transcript.Block, error) {
	if e.SelectAttrValue("type", "") == "participants" {
		pl := &transcript.ParticipantList{Pos: r.at(e)}
		if h := e.SelectElement("head"); h != nil {
			pl.Head = textOf(h)
		}
		for _, it := range children(e, "item") {
			pl.Items = append(pl.Items, &transcript.Text{Value: textOf(it), Pos: r.at(it)})
		}
		return pl, nil
	}
	l := &transcript.List{Pos: r.at(e)}
	for _, it := range children(e, "item") {
		c, err := r.inlines(it)
		if err != nil {
			return nil, err
		}
		l.Items = append(l.Items, &transcript.Item{N: it.SelectAttrValue("n", ""), Content: c, Pos: r.at(it)})
	}
	return l, nil
}

// inlines reads the mixed content of e.
func (r *teiReader) inlines(e *etree.Element) ([]transcript.Inline, error) {
	var b inlineBuilder
	for _, t := range e.Child {
		switch t := t.(type) {
		case *etree.CharData:
			b.text(t.Data, r.at(e))
		case *etree.Element:
			n, err := r.inline(t)
			if err != nil {
				return nil, err
			}
			if n != nil {
				b.node(n)
			}
		}
	}
	return b.content(), nil
}

func (r *teiReader) inline(e *etree.Element) (transcript.Inline, error) {
	switch e.Tag {
	case "lb":
		return &transcript.LineBreak{Pos: r.at(e)}, nil
	case "pb":
		if r.lenient && len(e.Attr) > 0 {
			r.pass(e, "inside text: a page break of the source, not kept")
			return nil, nil
		}
		return &transcript.Join{Pos: r.at(e)}, nil
	case "metamark":
		return &transcript.Query{Pos: r.at(e)}, nil
	case "supplied", "sic", "stage":
		c, err := r.inlines(e)
		if err != nil {
			return nil, err
		}
		switch e.Tag {
		case "supplied":
			return &transcript.Supplied{Content: c, Pos: r.at(e)}, nil
		case "sic":
			return &transcript.Sic{Content: c, Pos: r.at(e)}, nil
		}
		return &transcript.InlineStage{Content: c, Pos: r.at(e)}, nil
	}
	if r.lenient {
		r.pass(e, "inside text: read as its text")
		return &transcript.Text{Value: textOf(e), Pos: r.at(e)}, nil
	}
	return nil, r.errAt(e, "<%s> inside text: teikit cannot represent it (it reads supplied, sic, metamark, stage, lb and pb)", e.Tag)
}
