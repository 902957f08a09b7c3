package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/beevik/etree"
	"github.com/teikit/teikit/transcript"
)

// ReadPersonography reads a personography: a TEI listPerson (alone, or
// anywhere in a TEI document) or JSON of the form
//
//	{"persons": [{"id": "stalin", "name": "Joseph Stalin",
//	              "aliases": ["Stalin"], "idno": [{"type": "wikidata", "value": "Q855"}]}]}
//
// In TEI, each person has an xml:id, a first persName (the full name),
// further persName elements (aliases) and idno elements with a type.
func ReadPersonography(name string, src []byte) (*transcript.Personography, error) {
	if Detect(src) == "json" {
		return readPersonographyJSON(name, src)
	}
	return readPersonographyTEI(name, src)
}

func readPersonographyTEI(name string, src []byte) (*transcript.Personography, error) {
	x := etree.NewDocument()
	if err := x.ReadFromBytes(src); err != nil {
		return nil, xmlError(name, src, err)
	}
	root := x.Root()
	if root == nil || root.NamespaceURI() != TEINamespace {
		return nil, errorf(name, transcript.Pos{Line: 1}, "not a TEI listPerson: want elements in %q", TEINamespace)
	}
	pos := ElementPositions(x, src)
	persons := root.FindElements("//person")
	if root.Tag == "person" {
		persons = append(persons, root)
	}
	p := &transcript.Personography{}
	for _, pe := range persons {
		e := &transcript.Entry{ID: pe.SelectAttrValue("xml:id", ""), Pos: pos[pe]}
		for i, pn := range pe.SelectElements("persName") {
			text := strings.Join(strings.Fields(textOf(pn)), " ")
			if i == 0 {
				e.Name = text
			} else if text != "" {
				e.Aliases = append(e.Aliases, text)
			}
		}
		for _, id := range pe.SelectElements("idno") {
			e.Idnos = append(e.Idnos, transcript.Idno{Type: id.SelectAttrValue("type", ""), Value: strings.TrimSpace(id.Text())})
		}
		if err := addEntry(name, p, e); err != nil {
			return nil, err
		}
	}
	if len(p.Entries) == 0 {
		return nil, errorf(name, transcript.Pos{Line: 1}, "no person in the personography")
	}
	return p, nil
}

// jsonPersonography is the JSON form of a personography.
type jsonPersonography struct {
	Persons []struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Idno    []struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"idno"`
	} `json:"persons"`
}

func readPersonographyJSON(name string, src []byte) (*transcript.Personography, error) {
	var jp jsonPersonography
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jp); err != nil {
		return nil, errorf(name, offsetPos(src, int(dec.InputOffset())), "not a personography: %v", err)
	}
	p := &transcript.Personography{}
	for i, jpe := range jp.Persons {
		e := &transcript.Entry{ID: jpe.ID, Name: jpe.Name, Aliases: jpe.Aliases}
		for _, id := range jpe.Idno {
			e.Idnos = append(e.Idnos, transcript.Idno{Type: id.Type, Value: id.Value})
		}
		if err := addEntry(name, p, e); err != nil {
			return nil, fmt.Errorf("%w (persons[%d])", err, i)
		}
	}
	if len(p.Entries) == 0 {
		return nil, errorf(name, transcript.Pos{Line: 1}, "no person in the personography")
	}
	return p, nil
}

// addEntry checks an entry and adds it.
func addEntry(name string, p *transcript.Personography, e *transcript.Entry) error {
	switch {
	case e.ID == "" || e.ID != transcript.Slug(e.ID) && !isNCName(e.ID):
		return errorf(name, e.Pos, "person %q: the id must be an XML name (letters, digits, -, _, .)", e.ID)
	case e.Name == "":
		return errorf(name, e.Pos, "person %q has no name", e.ID)
	}
	for _, o := range p.Entries {
		if o.ID == e.ID {
			return errorf(name, e.Pos, "person id %q stands twice", e.ID)
		}
	}
	if other := p.Add(e); other != nil {
		return errorf(name, e.Pos, "person %q shares a name with person %q: a label could not tell them apart", e.ID, other.ID)
	}
	return nil
}

// isNCName reports whether s can be an xml:id.
func isNCName(s string) bool {
	for i, r := range s {
		letter := r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f
		if i == 0 && !letter {
			return false
		}
		if !letter && !(r >= '0' && r <= '9') && r != '-' && r != '.' {
			return false
		}
	}
	return s != ""
}
