package convert

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/beevik/etree"
	"github.com/teikit/teikit/transcript"
)

// TEINamespace is the TEI P5 namespace.
const TEINamespace = "http://www.tei-c.org/ns/1.0"

// editorialDecl says how teikit encodes the export's editorial markup.
var editorialDecl = []string{
	"Converted by teikit from the archival text export. Square brackets in the source mark editorial additions and are encoded as supplied, without the brackets.",
	"A phrase followed by [sic] is encoded as sic, enclosing the phrase back to the preceding comma, clause or sentence start; the [sic] marker itself is not kept as text.",
	"The note-taker's query mark (?) is encoded as metamark with function=\"query\", keeping the mark as its content.",
	"Parenthesised stage directions (actions and asides) are encoded as stage, without the parentheses; other parentheses are part of what was said and stay text.",
	"A paragraph split by a blank line at a page break of the typescript is encoded as one p with a pb where the split was. A page marker of the original on a line of its own, (p. N), is a pb with n=\"N\".",
	"Line breaks inside a block are lb; the trailing spaces that mark a hard break in the source are kept as text before it.",
}

// sectionHome says where the TEI writer puts a metadata section: in its
// own place in the header, or as a note in notesStmt.
func sectionHomes(doc *transcript.Document) (homes map[*transcript.Section]transcript.SectionKind, err error) {
	homes = map[*transcript.Section]transcript.SectionKind{}
	var order []*transcript.Section
	var notes []*transcript.Section
	// The TEI reader names these sections by their place; one headed
	// otherwise ("CITATION") keeps its heading in a note.
	heading := map[transcript.SectionKind]string{transcript.SectionCitation: "Citation", transcript.SectionSummary: "Summary", transcript.SectionCredits: "Credits"}
	for _, kind := range []transcript.SectionKind{transcript.SectionCitation, transcript.SectionSummary, transcript.SectionCredits} {
		for _, s := range doc.Sections {
			if s.Kind == kind && len(s.Paras) > 0 && s.Heading == heading[kind] {
				homes[s] = kind
				order = append(order, s)
				break
			}
		}
	}
	for _, s := range doc.Sections {
		if _, ok := homes[s]; !ok {
			homes[s] = transcript.SectionOther
			notes = append(notes, s)
		}
	}
	for i, s := range append(order, notes...) {
		if doc.Sections[i] != s {
			return nil, &Error{Pos: s.Pos, Msg: fmt.Sprintf("metadata section %q is out of the order TEI keeps (Citation, Summary, Credits, then the others): teikit cannot represent this order", s.Heading)}
		}
	}
	return homes, nil
}

// WriteTEI writes a Document as a TEI P5 document: pretty-printed,
// deterministic, UTF-8.
func WriteTEI(doc *transcript.Document) ([]byte, error) {
	return WriteTEIWith(doc, TEIWriteSettings{})
}

// TEIWriteSettings set how the TEI writer works.
type TEIWriteSettings struct {
	// InCorpus writes the document for a teiCorpus: no XML declaration,
	// and no particDesc (the corpus header lists every participant once,
	// as xml:id must be unique in the whole file).
	InCorpus bool
}

// WriteTEIWith writes a Document as TEI with the given settings.
func WriteTEIWith(doc *transcript.Document, s TEIWriteSettings) ([]byte, error) {
	w := &teiWriter{doc: doc, inCorpus: s.InCorpus}
	x, err := w.document()
	if err != nil {
		return nil, err
	}
	x.WriteSettings = etree.WriteSettings{CanonicalText: true, CanonicalAttrVal: true}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

type teiWriter struct {
	doc      *transcript.Document
	inCorpus bool
	homes    map[*transcript.Section]transcript.SectionKind
}

func (w *teiWriter) document() (*etree.Document, error) {
	homes, err := sectionHomes(w.doc)
	if err != nil {
		return nil, err
	}
	w.homes = homes
	x := etree.NewDocument()
	if !w.inCorpus {
		x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
		x.CreateText("\n")
	}
	tei := x.CreateElement("TEI")
	tei.CreateAttr("xmlns", TEINamespace)
	tei.CreateAttr("xml:lang", "en")
	w.header(child(tei, "teiHeader"))
	body := child(child(tei, "text"), "body")
	div := child(body, "div")
	div.CreateAttr("type", "transcript")
	if err := w.body(div); err != nil {
		return nil, err
	}
	closeIndent(tei, 0)
	return x, nil
}

// home returns the section placed at kind, or nil.
func (w *teiWriter) home(kind transcript.SectionKind) *transcript.Section {
	for _, s := range w.doc.Sections {
		if w.homes[s] == kind {
			return s
		}
	}
	return nil
}

func (w *teiWriter) citation() *transcript.Citation {
	if s := w.home(transcript.SectionCitation); s != nil {
		return transcript.ParseCitation(s.Paras[0].Value)
	}
	return nil
}

func (w *teiWriter) header(h *etree.Element) {
	fd := child(h, "fileDesc")
	ts := child(fd, "titleStmt")
	title := child(ts, "title")
	title.CreateAttr("type", "main")
	if w.doc.Title != nil {
		title.SetText(w.doc.Title.Text)
	}
	if s := w.home(transcript.SectionCredits); s != nil {
		for _, p := range s.Paras {
			writeLines(child(ts, "funder"), p.Value)
		}
	}
	w.publicationStmt(child(fd, "publicationStmt"))
	w.notesStmt(fd)
	sd := child(fd, "sourceDesc")
	if s := w.home(transcript.SectionCitation); s != nil {
		for _, p := range s.Paras {
			writeCitation(child(sd, "bibl"), transcript.ParseCitation(p.Value))
		}
	} else {
		child(sd, "p").SetText("An archival transcript export without a citation.")
	}
	ed := child(child(h, "encodingDesc"), "editorialDecl")
	for _, p := range editorialDecl {
		child(ed, "p").SetText(p)
	}
	w.profileDesc(child(h, "profileDesc"))
}

func (w *teiWriter) publicationStmt(ps *etree.Element) {
	c := w.citation()
	if c == nil || c.Publisher == "" && c.URL == "" {
		child(ps, "p").SetText("No publication statement: the source gives no citation with a publisher or URL.")
		return
	}
	if c.Publisher != "" {
		child(ps, "publisher").SetText(c.Publisher)
	}
	if c.URL != "" {
		idno := child(ps, "idno")
		idno.CreateAttr("type", "URI")
		idno.SetText(c.URL)
	}
}

func (w *teiWriter) notesStmt(fd *etree.Element) {
	var ns *etree.Element
	for _, s := range w.doc.Sections {
		if w.homes[s] != transcript.SectionOther {
			continue
		}
		if ns == nil {
			ns = child(fd, "notesStmt")
		}
		note := child(ns, "note")
		note.CreateAttr("type", transcript.Slug(s.Heading))
		child(note, "label").SetText(s.Heading)
		for _, p := range s.Paras {
			writeLines(child(note, "p"), p.Value)
		}
	}
}

func (w *teiWriter) profileDesc(pd *etree.Element) {
	if s := w.home(transcript.SectionSummary); s != nil {
		abs := child(pd, "abstract")
		for _, p := range s.Paras {
			writeLines(child(abs, "p"), p.Value)
		}
	}
	if d := w.doc.Date; d != nil {
		date := child(child(pd, "creation"), "date")
		if d.When != "" {
			date.CreateAttr("when", d.When)
		}
		date.SetText(d.Text)
	}
	lang := child(child(pd, "langUsage"), "language")
	lang.CreateAttr("ident", "en")
	lang.SetText("English")
	if len(w.doc.Persons) > 0 && !w.inCorpus {
		writeListPerson(child(pd, "particDesc"), w.doc.Persons)
	}
}

// writeListPerson writes the participants as a listPerson.
func writeListPerson(parent *etree.Element, persons []*transcript.Person) {
	lp := child(parent, "listPerson")
	for _, p := range persons {
		pe := child(lp, "person")
		pe.CreateAttr("xml:id", p.ID)
		child(pe, "persName").SetText(p.Name)
		for _, id := range p.Idnos {
			idno := child(pe, "idno")
			idno.CreateAttr("type", id.Type)
			idno.SetText(id.Value)
		}
	}
}

// writeLines writes text whose lines are separated by "\n" as text and lb.
func writeLines(e *etree.Element, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			child(e, "lb")
		}
		if line != "" {
			e.CreateText(line)
		}
	}
}

// writeCitation writes the citation as found, its fields marked up in it.
func writeCitation(bibl *etree.Element, c *transcript.Citation) {
	at := 0
	for _, sp := range c.Spans {
		if sp.Start > at {
			bibl.CreateText(c.Raw[at:sp.Start])
		}
		text := sp.Text(c.Raw)
		switch sp.Kind {
		case transcript.SpanTitle:
			t := child(bibl, "title")
			t.CreateAttr("level", "a")
			t.SetText(text)
		case transcript.SpanDate:
			d := child(bibl, "date")
			if c.When != "" {
				d.CreateAttr("when", c.When)
			}
			d.SetText(text)
		case transcript.SpanPublisher:
			child(bibl, "publisher").SetText(text)
		case transcript.SpanCollection:
			n := child(bibl, "name")
			n.CreateAttr("type", "collection")
			n.SetText(text)
		case transcript.SpanScope:
			b := child(bibl, "biblScope")
			b.CreateAttr("unit", sp.Unit)
			b.SetText(text)
		case transcript.SpanRepository:
			o := child(bibl, "orgName")
			o.CreateAttr("role", "repository")
			o.SetText(text)
		case transcript.SpanResp:
			rs := child(bibl, "respStmt")
			child(rs, "resp").SetText(c.Raw[sp.Start:sp.Mid])
			rs.CreateText(c.Raw[sp.Mid : sp.Mid+1])
			child(rs, "persName").SetText(c.Raw[sp.Mid+1 : sp.End])
		case transcript.SpanURL:
			r := child(bibl, "ref")
			r.CreateAttr("target", text)
			r.SetText(text)
		}
		at = sp.End
	}
	if at < len(c.Raw) {
		bibl.CreateText(c.Raw[at:])
	}
}

func (w *teiWriter) body(div *etree.Element) error {
	top := true // still where TEI allows head and dateline
	for _, b := range w.doc.Body {
		switch b := b.(type) {
		case *transcript.Head:
			if !top {
				return &Error{Pos: b.Pos, Msg: "a heading after the transcript has begun: TEI cannot place it"}
			}
			writeInlines(child(div, "head"), b.Content)
		case *transcript.Dateline:
			parent := div
			if !top {
				// TEI allows dateline only at the start of a div.
				parent = child(div, "p")
			} else {
				parent = child(div, "dateline")
			}
			writeDateline(parent, b)
		default:
			top = false
			if err := w.block(div, b); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeDateline(parent *etree.Element, d *transcript.Dateline) {
	date := child(parent, "date")
	switch {
	case d.When != "" && d.From != "" && d.To != "":
		date.CreateAttr("from", d.When+"T"+d.From)
		date.CreateAttr("to", d.When+"T"+d.To)
	case d.When != "" && d.From != "":
		date.CreateAttr("when", d.When+"T"+d.From)
	case d.When != "":
		date.CreateAttr("when", d.When)
	}
	date.SetText(d.Text)
}

func (w *teiWriter) block(parent *etree.Element, b transcript.Block) error {
	switch b := b.(type) {
	case *transcript.Turn:
		sp := child(parent, "sp")
		sp.CreateAttr("who", "#"+b.Who)
		writeInlines(child(sp, "speaker"), b.Label)
		for _, c := range b.Blocks {
			if err := w.block(sp, c); err != nil {
				return err
			}
		}
	case *transcript.Para:
		writeInlines(child(parent, "p"), b.Content)
	case *transcript.Stage:
		writeInlines(child(parent, "stage"), b.Content)
	case *transcript.PageBreak:
		child(parent, "pb").CreateAttr("n", b.N)
	case *transcript.List:
		l := child(parent, "list")
		l.CreateAttr("rend", "numbered")
		for _, it := range b.Items {
			item := child(l, "item")
			item.CreateAttr("n", it.N)
			writeInlines(item, it.Content)
		}
	case *transcript.ParticipantList:
		l := child(parent, "list")
		l.CreateAttr("type", "participants")
		child(l, "head").SetText(b.Head)
		for _, it := range b.Items {
			child(l, "item").SetText(it.Value)
		}
	default:
		return &Error{Pos: b.Position(), Msg: fmt.Sprintf("%T cannot stand here in TEI", b)}
	}
	return nil
}

// writeInlines writes inline content as TEI mixed content.
func writeInlines(e *etree.Element, content []transcript.Inline) {
	for _, n := range content {
		switch n := n.(type) {
		case *transcript.Text:
			e.CreateText(n.Value)
		case *transcript.Supplied:
			writeInlines(child(e, "supplied"), n.Content)
		case *transcript.Sic:
			writeInlines(child(e, "sic"), n.Content)
		case *transcript.Query:
			m := child(e, "metamark")
			m.CreateAttr("function", "query")
			m.SetText("(?)")
		case *transcript.InlineStage:
			writeInlines(child(e, "stage"), n.Content)
		case *transcript.LineBreak:
			child(e, "lb")
		case *transcript.Join:
			child(e, "pb")
		}
	}
}

// elementOnly lists the elements teikit writes with element content only;
// they are indented. Every other element holds mixed content, whose
// whitespace is significant, and is written as it is.
var elementOnly = map[string]bool{
	"TEI": true, "teiCorpus": true, "teiHeader": true, "fileDesc": true, "titleStmt": true,
	"publicationStmt": true, "notesStmt": true, "note": true, "sourceDesc": true,
	"encodingDesc": true, "editorialDecl": true, "profileDesc": true,
	"abstract": true, "creation": true, "langUsage": true, "particDesc": true,
	"listPerson": true, "person": true, "text": true, "body": true, "div": true,
	"sp": true, "list": true,
}

// child appends a new element to parent. Inside an element-only parent it
// first writes a newline and the indentation of the new element's depth.
func child(parent *etree.Element, tag string) *etree.Element {
	if elementOnly[parent.Tag] {
		parent.CreateText(pads[min(depth(parent)+1, len(pads)-1)])
	}
	return parent.CreateElement(tag)
}

// closeIndent writes the newline and indentation before the end tag of
// every element-only element that has children.
func closeIndent(e *etree.Element, d int) {
	if !elementOnly[e.Tag] {
		return
	}
	kids := false
	for _, k := range e.Child {
		if k, ok := k.(*etree.Element); ok {
			kids = true
			closeIndent(k, d+1)
		}
	}
	if kids {
		e.CreateText(pads[min(d, len(pads)-1)])
	}
}

// pads holds a newline and the indentation of each depth.
var pads = func() []string {
	p := make([]string, 16)
	for i := range p {
		p[i] = "\n" + strings.Repeat("  ", i)
	}
	return p
}()

func depth(e *etree.Element) int {
	d := 0
	for p := e.Parent(); p != nil && p.Tag != ""; p = p.Parent() {
		d++
	}
	return d
}
