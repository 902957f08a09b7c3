package convert

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/teikit/teikit/transcript"
)

// TEICorpus collects documents into one teiCorpus: a corpus header whose
// listPerson holds every participant once, then the documents. Documents
// are spooled to a temporary file as they are added, so memory does not
// grow with the corpus.
type TEICorpus struct {
	spool   *os.File
	persons []*transcript.Person
	names   map[string]string // person id → name, as first seen
	docs    int
}

// NewTEICorpus starts a corpus; Close removes its spool file.
func NewTEICorpus() (*TEICorpus, error) {
	f, err := os.CreateTemp("", "teikit-corpus-*.xml")
	if err != nil {
		return nil, err
	}
	return &TEICorpus{spool: f, names: map[string]string{}}, nil
}

// Add appends a document. A participant id that an earlier document gave
// to someone of another name is renamed in this one (id-2, id-3, …), so
// that every id in the corpus names one person.
func (c *TEICorpus) Add(doc *transcript.Document) error {
	for _, p := range doc.Persons {
		name, seen := c.names[p.ID]
		if seen && name == p.Name {
			continue
		}
		if seen {
			id := p.ID
			for n := 2; ; n++ {
				cand := id + "-" + strconv.Itoa(n)
				if other, ok := c.names[cand]; !ok || other == p.Name {
					renamePerson(doc, id, cand)
					break
				}
			}
			if _, ok := c.names[p.ID]; ok {
				continue
			}
		}
		c.names[p.ID] = p.Name
		c.persons = append(c.persons, &transcript.Person{ID: p.ID, Name: p.Name, Idnos: p.Idnos})
	}
	out, err := WriteTEIWith(doc, TEIWriteSettings{InCorpus: true})
	if err != nil {
		return err
	}
	c.docs++
	_, err = c.spool.Write(indentLines(out, "  "))
	return err
}

// renamePerson gives participant old the id new, in the list and in every
// turn.
func renamePerson(doc *transcript.Document, old, new string) {
	for _, p := range doc.Persons {
		if p.ID == old {
			p.ID = new
		}
	}
	for _, t := range doc.Turns() {
		ids := strings.Fields(t.Who)
		for i, id := range ids {
			if id == old {
				ids[i] = new
			}
		}
		t.Who = strings.Join(ids, " ")
	}
}

// indentLines indents every line of teikit's TEI. Its text never holds a
// newline (line breaks are lb), so every newline is indentation.
func indentLines(b []byte, pad string) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(b, []byte("\n")) {
		if len(line) > 0 {
			out.WriteString(pad)
			out.Write(line)
		}
	}
	return out.Bytes()
}

// WriteTo writes the teiCorpus: the header, then every document added.
func (c *TEICorpus) WriteTo(w io.Writer) (int64, error) {
	x := etree.NewDocument()
	x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	x.CreateText("\n")
	corpus := x.CreateElement("teiCorpus")
	corpus.CreateAttr("xmlns", TEINamespace)
	corpus.CreateAttr("xml:lang", "en")
	h := child(corpus, "teiHeader")
	fd := child(h, "fileDesc")
	child(child(fd, "titleStmt"), "title").SetText(fmt.Sprintf("teikit corpus of %d %s", c.docs, plural(c.docs, "document")))
	child(child(fd, "publicationStmt"), "p").SetText("Converted by teikit from archival transcript exports; each document's source is described in its own header.")
	child(child(fd, "sourceDesc"), "p").SetText("Archival meeting transcripts.")
	if len(c.persons) > 0 {
		writeListPerson(child(child(h, "profileDesc"), "particDesc"), c.persons)
	}
	closeIndent(corpus, 0)
	x.WriteSettings = etree.WriteSettings{CanonicalText: true, CanonicalAttrVal: true}
	var head bytes.Buffer
	if _, err := x.WriteTo(&head); err != nil {
		return 0, err
	}
	// Put the documents before </teiCorpus>.
	end := []byte("</teiCorpus>")
	i := bytes.LastIndex(head.Bytes(), end)
	n, err := w.Write(head.Bytes()[:i])
	total := int64(n)
	if err != nil {
		return total, err
	}
	if _, err := c.spool.Seek(0, io.SeekStart); err != nil {
		return total, err
	}
	m, err := io.Copy(w, c.spool)
	total += m
	if err != nil {
		return total, err
	}
	n, err = w.Write(append(end, '\n'))
	return total + int64(n), err
}

// Close removes the spool file.
func (c *TEICorpus) Close() error {
	c.spool.Close()
	return os.Remove(c.spool.Name())
}
