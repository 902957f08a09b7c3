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

// ReadTEI reads a TEI P5 document written by teikit (or shaped like one)
// into a Document. Entity references other than the five predefined ones
// are refused, never expanded; a DOCTYPE is ignored with a note.
func ReadTEI(name string, src []byte) (*transcript.Document, error) {
	x := etree.NewDocument()
	if err := x.ReadFromBytes(src); err != nil {
		return nil, xmlError(name, src, err)
	}
	r := &teiReader{name: name, src: src, x: x, doc: &transcript.Document{}}
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
	name string
	src  []byte
	x    *etree.Document
	doc  *transcript.Document
	pos  map[*etree.Element]transcript.Pos // filled only when an error needs it
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
		r.doc.Title = &transcript.Title{Text: t.Text()}
	}
	if d := find(pd, "creation", "date"); d != nil {
		when, _ := transcript.ParseDate(d.Text())
		r.doc.Date = &transcript.DocDate{Text: d.Text(), When: when}
	}
	var citation, summary, credits []*transcript.Text
	for _, b := range children(find(fd, "sourceDesc"), "bibl") {
		citation = append(citation, &transcript.Text{Value: linesOf(b)})
	}
	for _, p := range children(find(pd, "abstract"), "p") {
		summary = append(summary, &transcript.Text{Value: linesOf(p)})
	}
	for _, f := range children(find(fd, "titleStmt"), "funder") {
		credits = append(credits, &transcript.Text{Value: linesOf(f)})
	}
	r.section("Citation", citation)
	r.section("Summary", summary)
	r.section("Credits", credits)
	for _, note := range children(find(fd, "notesStmt"), "note") {
		label := note.SelectElement("label")
		if label == nil {
			return r.errAt(note, "notesStmt/note without the label that names its section")
		}
		s := &transcript.Section{Heading: label.Text(), Kind: sectionKind(label.Text())}
		for _, p := range children(note, "p") {
			s.Paras = append(s.Paras, &transcript.Text{Value: linesOf(p)})
		}
		r.doc.Sections = append(r.doc.Sections, s)
	}
	for _, p := range children(find(pd, "particDesc", "listPerson"), "person") {
		name := ""
		if pn := p.SelectElement("persName"); pn != nil {
			name = textOf(pn)
		}
		r.doc.Persons = append(r.doc.Persons, &transcript.Person{ID: p.SelectAttrValue("xml:id", ""), Name: name})
	}
	return nil
}

func (r *teiReader) section(heading string, paras []*transcript.Text) {
	if len(paras) > 0 {
		r.doc.Sections = append(r.doc.Sections, &transcript.Section{Heading: heading, Kind: sectionKind(heading), Paras: paras})
	}
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
func textOf(e *etree.Element) string {
	var b strings.Builder
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for _, t := range e.Child {
			switch t := t.(type) {
			case *etree.CharData:
				b.WriteString(t.Data)
			case *etree.Element:
				walk(t)
			}
		}
	}
	walk(e)
	return b.String()
}

// linesOf returns the text inside e with each lb as "\n".
func linesOf(e *etree.Element) string {
	var b strings.Builder
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for _, t := range e.Child {
			switch t := t.(type) {
			case *etree.CharData:
				b.WriteString(t.Data)
			case *etree.Element:
				if t.Tag == "lb" {
					b.WriteByte('\n')
				} else {
					walk(t)
				}
			}
		}
	}
	walk(e)
	return b.String()
}

func (r *teiReader) body(div *etree.Element) error {
	for _, e := range div.ChildElements() {
		var b transcript.Block
		var err error
		switch e.Tag {
		case "head":
			var c []transcript.Inline
			c, err = r.inlines(e)
			b = &transcript.Head{Content: c}
		case "dateline":
			b = r.dateline(e)
		case "p":
			if d := e.SelectElement("date"); d != nil && len(e.ChildElements()) == 1 && strings.TrimSpace(e.Text()) == "" {
				b = r.dateline(e)
				break
			}
			b, err = r.block(e)
		case "sp":
			b, err = r.turn(e)
		default:
			b, err = r.block(e)
		}
		if err != nil {
			return err
		}
		r.doc.Body = append(r.doc.Body, b)
	}
	return nil
}

func (r *teiReader) dateline(e *etree.Element) *transcript.Dateline {
	text := textOf(e)
	when, from, to, _ := transcript.ParseDateline(text)
	return &transcript.Dateline{Text: text, When: when, From: from, To: to}
}

func (r *teiReader) turn(e *etree.Element) (*transcript.Turn, error) {
	t := &transcript.Turn{Who: strings.TrimPrefix(e.SelectAttrValue("who", ""), "#")}
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
		t.Blocks = append(t.Blocks, b)
	}
	return t, nil
}

// block reads a block-level element inside a div or sp.
func (r *teiReader) block(e *etree.Element) (transcript.Block, error) {
	switch e.Tag {
	case "p":
		c, err := r.inlines(e)
		return &transcript.Para{Content: c}, err
	case "stage":
		c, err := r.inlines(e)
		return &transcript.Stage{Content: c}, err
	case "pb":
		return &transcript.PageBreak{N: e.SelectAttrValue("n", "")}, nil
	case "list":
		if e.SelectAttrValue("type", "") == "participants" {
			pl := &transcript.ParticipantList{}
			if h := e.SelectElement("head"); h != nil {
				pl.Head = textOf(h)
			}
			for _, it := range children(e, "item") {
				pl.Items = append(pl.Items, &transcript.Text{Value: textOf(it)})
			}
			return pl, nil
		}
		l := &transcript.List{}
		for _, it := range children(e, "item") {
			c, err := r.inlines(it)
			if err != nil {
				return nil, err
			}
			l.Items = append(l.Items, &transcript.Item{N: it.SelectAttrValue("n", ""), Content: c})
		}
		return l, nil
	}
	return nil, r.errAt(e, "<%s> here: teikit reads p, stage, pb, list and sp in a transcript", e.Tag)
}

// inlines reads the mixed content of e.
func (r *teiReader) inlines(e *etree.Element) ([]transcript.Inline, error) {
	var out []transcript.Inline
	for _, t := range e.Child {
		switch t := t.(type) {
		case *etree.CharData:
			if t.Data != "" {
				out = appendText(out, t.Data, transcript.Pos{})
			}
		case *etree.Element:
			n, err := r.inline(t)
			if err != nil {
				return nil, err
			}
			out = append(out, n)
		}
	}
	return out, nil
}

func (r *teiReader) inline(e *etree.Element) (transcript.Inline, error) {
	switch e.Tag {
	case "lb":
		return &transcript.LineBreak{}, nil
	case "pb":
		return &transcript.Join{}, nil
	case "metamark":
		return &transcript.Query{}, nil
	}
	c, err := r.inlines(e)
	if err != nil {
		return nil, err
	}
	switch e.Tag {
	case "supplied":
		return &transcript.Supplied{Content: c}, nil
	case "sic":
		return &transcript.Sic{Content: c}, nil
	case "stage":
		return &transcript.InlineStage{Content: c}, nil
	}
	return nil, r.errAt(e, "<%s> inside text: teikit cannot represent it in its model (%s)", e.Tag, fmt.Sprint("supplied, sic, metamark, stage, lb and pb are read"))
}
