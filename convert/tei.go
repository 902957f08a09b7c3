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
	for _, kind := range []transcript.SectionKind{transcript.SectionCitation, transcript.SectionSummary, transcript.SectionCredits} {
		for _, s := range doc.Sections {
			if s.Kind == kind && len(s.Paras) > 0 {
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
	w := &teiWriter{doc: doc}
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
	doc   *transcript.Document
	homes map[*transcript.Section]transcript.SectionKind
}

func (w *teiWriter) document() (*etree.Document, error) {
	homes, err := sectionHomes(w.doc)
	if err != nil {
		return nil, err
	}
	w.homes = homes
	x := etree.NewDocument()
	x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	x.CreateText("\n")
	tei := x.CreateElement("TEI")
	tei.CreateAttr("xmlns", TEINamespace)
	tei.CreateAttr("xml:lang", "en")
	w.header(tei.CreateElement("teiHeader"))
	body := tei.CreateElement("text").CreateElement("body")
	div := body.CreateElement("div")
	div.CreateAttr("type", "transcript")
	if err := w.body(div); err != nil {
		return nil, err
	}
	indent(tei, 0)
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
	fd := h.CreateElement("fileDesc")
	ts := fd.CreateElement("titleStmt")
	title := ts.CreateElement("title")
	title.CreateAttr("type", "main")
	if w.doc.Title != nil {
		title.SetText(w.doc.Title.Text)
	}
	if s := w.home(transcript.SectionCredits); s != nil {
		for _, p := range s.Paras {
			writeLines(ts.CreateElement("funder"), p.Value)
		}
	}
	w.publicationStmt(fd.CreateElement("publicationStmt"))
	w.notesStmt(fd)
	sd := fd.CreateElement("sourceDesc")
	if s := w.home(transcript.SectionCitation); s != nil {
		for _, p := range s.Paras {
			writeCitation(sd.CreateElement("bibl"), transcript.ParseCitation(p.Value))
		}
	} else {
		sd.CreateElement("p").SetText("An archival transcript export without a citation.")
	}
	ed := h.CreateElement("encodingDesc").CreateElement("editorialDecl")
	for _, p := range editorialDecl {
		ed.CreateElement("p").SetText(p)
	}
	w.profileDesc(h.CreateElement("profileDesc"))
}

func (w *teiWriter) publicationStmt(ps *etree.Element) {
	c := w.citation()
	if c == nil || c.Publisher == "" && c.URL == "" {
		ps.CreateElement("p").SetText("No publication statement: the source gives no citation with a publisher or URL.")
		return
	}
	if c.Publisher != "" {
		ps.CreateElement("publisher").SetText(c.Publisher)
	}
	if c.URL != "" {
		idno := ps.CreateElement("idno")
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
			ns = fd.CreateElement("notesStmt")
		}
		note := ns.CreateElement("note")
		note.CreateAttr("type", transcript.Slug(s.Heading))
		note.CreateElement("label").SetText(s.Heading)
		for _, p := range s.Paras {
			writeLines(note.CreateElement("p"), p.Value)
		}
	}
}

func (w *teiWriter) profileDesc(pd *etree.Element) {
	if s := w.home(transcript.SectionSummary); s != nil {
		abs := pd.CreateElement("abstract")
		for _, p := range s.Paras {
			writeLines(abs.CreateElement("p"), p.Value)
		}
	}
	if d := w.doc.Date; d != nil {
		date := pd.CreateElement("creation").CreateElement("date")
		if d.When != "" {
			date.CreateAttr("when", d.When)
		}
		date.SetText(d.Text)
	}
	lang := pd.CreateElement("langUsage").CreateElement("language")
	lang.CreateAttr("ident", "en")
	lang.SetText("English")
	if len(w.doc.Persons) > 0 {
		lp := pd.CreateElement("particDesc").CreateElement("listPerson")
		for _, p := range w.doc.Persons {
			pe := lp.CreateElement("person")
			pe.CreateAttr("xml:id", p.ID)
			pe.CreateElement("persName").SetText(p.Name)
		}
	}
}

// writeLines writes text whose lines are separated by "\n" as text and lb.
func writeLines(e *etree.Element, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			e.CreateElement("lb")
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
			t := bibl.CreateElement("title")
			t.CreateAttr("level", "a")
			t.SetText(text)
		case transcript.SpanDate:
			d := bibl.CreateElement("date")
			if c.When != "" {
				d.CreateAttr("when", c.When)
			}
			d.SetText(text)
		case transcript.SpanPublisher:
			bibl.CreateElement("publisher").SetText(text)
		case transcript.SpanCollection:
			n := bibl.CreateElement("name")
			n.CreateAttr("type", "collection")
			n.SetText(text)
		case transcript.SpanScope:
			b := bibl.CreateElement("biblScope")
			b.CreateAttr("unit", sp.Unit)
			b.SetText(text)
		case transcript.SpanRepository:
			o := bibl.CreateElement("orgName")
			o.CreateAttr("role", "repository")
			o.SetText(text)
		case transcript.SpanResp:
			rs := bibl.CreateElement("respStmt")
			rs.CreateElement("resp").SetText(c.Raw[sp.Start:sp.Mid])
			rs.CreateText(c.Raw[sp.Mid : sp.Mid+1])
			rs.CreateElement("persName").SetText(c.Raw[sp.Mid+1 : sp.End])
		case transcript.SpanURL:
			r := bibl.CreateElement("ref")
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
			writeInlines(div.CreateElement("head"), b.Content)
		case *transcript.Dateline:
			parent := div
			if !top {
				// TEI allows dateline only at the start of a div.
				parent = div.CreateElement("p")
			} else {
				parent = div.CreateElement("dateline")
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
	date := parent.CreateElement("date")
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
		sp := parent.CreateElement("sp")
		sp.CreateAttr("who", "#"+b.Who)
		writeInlines(sp.CreateElement("speaker"), b.Label)
		for _, c := range b.Blocks {
			if err := w.block(sp, c); err != nil {
				return err
			}
		}
	case *transcript.Para:
		writeInlines(parent.CreateElement("p"), b.Content)
	case *transcript.Stage:
		writeInlines(parent.CreateElement("stage"), b.Content)
	case *transcript.PageBreak:
		parent.CreateElement("pb").CreateAttr("n", b.N)
	case *transcript.List:
		l := parent.CreateElement("list")
		l.CreateAttr("rend", "numbered")
		for _, it := range b.Items {
			item := l.CreateElement("item")
			item.CreateAttr("n", it.N)
			writeInlines(item, it.Content)
		}
	case *transcript.ParticipantList:
		l := parent.CreateElement("list")
		l.CreateAttr("type", "participants")
		l.CreateElement("head").SetText(b.Head)
		for _, it := range b.Items {
			l.CreateElement("item").SetText(it.Value)
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
			writeInlines(e.CreateElement("supplied"), n.Content)
		case *transcript.Sic:
			writeInlines(e.CreateElement("sic"), n.Content)
		case *transcript.Query:
			m := e.CreateElement("metamark")
			m.CreateAttr("function", "query")
			m.SetText("(?)")
		case *transcript.InlineStage:
			writeInlines(e.CreateElement("stage"), n.Content)
		case *transcript.LineBreak:
			e.CreateElement("lb")
		case *transcript.Join:
			e.CreateElement("pb")
		}
	}
}

// elementOnly lists the elements teikit writes with element content only;
// they are indented. Every other element holds mixed content, whose
// whitespace is significant, and is written as it is.
var elementOnly = map[string]bool{
	"TEI": true, "teiHeader": true, "fileDesc": true, "titleStmt": true,
	"publicationStmt": true, "notesStmt": true, "note": true, "sourceDesc": true,
	"encodingDesc": true, "editorialDecl": true, "profileDesc": true,
	"abstract": true, "creation": true, "langUsage": true, "particDesc": true,
	"listPerson": true, "person": true, "text": true, "body": true, "div": true,
	"sp": true, "list": true,
}

// indent inserts newlines and two-space indentation between the children
// of element-only elements.
func indent(e *etree.Element, depth int) {
	if !elementOnly[e.Tag] {
		return
	}
	kids := e.ChildElements()
	if len(kids) == 0 {
		return
	}
	pad := "\n" + strings.Repeat("  ", depth+1)
	for _, k := range kids {
		e.InsertChildAt(k.Index(), etree.NewText(pad))
		indent(k, depth+1)
	}
	e.CreateText("\n" + strings.Repeat("  ", depth))
}
