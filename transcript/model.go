package transcript

// Pos is a 1-based source position: Line counts lines of the input file as
// given (leading blank lines that normalisation drops still count), Col
// counts characters (runes) within the line. The zero Pos means "unknown",
// as for nodes that came from a format that carries no positions.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// IsValid reports whether p names a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Document is one archival record: its metadata and its transcript.
type Document struct {
	Date     *DocDate   // the "## **July 2, 1945**" line, nil when absent
	Title    *Title     // the "### **…**" line, nil when absent
	Sections []*Section // metadata sections, in source order
	Body     []Block    // the transcript: heads, dateline, turns, free stages …
	Persons  []*Person  // participants, in order of first appearance

	// Changes lists what normalisation changed on reading the input; no
	// writer writes it.
	Changes []Change

	// Notes lists what a lenient reader passed over because the model has
	// no place for it (TEI written by others); no writer writes it.
	Notes []Change
}

// Change is one thing input normalisation changed.
type Change struct {
	Pos     Pos
	Message string
}

// DocDate is the document date as found, with its ISO form when it parses.
type DocDate struct {
	Text string // as found, e.g. "July 2, 1945"
	When string // ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), "" when unparsed
	Pos  Pos
}

// Title is the document title as found.
type Title struct {
	Text string
	Pos  Pos
}

// SectionKind classifies a metadata section by its heading.
type SectionKind string

// The metadata sections teikit understands; any other heading is
// SectionOther and is kept verbatim.
const (
	SectionCitation SectionKind = "citation"
	SectionSummary  SectionKind = "summary"
	SectionCredits  SectionKind = "credits"
	SectionLanguage SectionKind = "original-language"
	SectionContents SectionKind = "contents"
	SectionOther    SectionKind = "other"
)

// Section is one "#### **Heading:**" metadata section.
type Section struct {
	Heading string      // as found, without markup and colon: "Original Language"
	Kind    SectionKind // derived from Heading
	Paras   []*Text     // its paragraphs, verbatim; a hard break is "\n" inside Value
	Pos     Pos
}

// Person is a participant of the meeting.
type Person struct {
	ID    string // an XML NCName, unique in the document: "stalin"
	Name  string // the fullest name known: "T.V. Soong", else the label
	Idnos []Idno // authority ids, from a personography
	Pos   Pos    // where the person was first named
}

// Idno is an authority identifier of a person: Type "wikidata", Value
// "Q855".
type Idno struct {
	Type  string
	Value string
}

// Person returns the participant with the given id, or nil.
func (d *Document) Person(id string) *Person {
	for _, p := range d.Persons {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Section returns the first section of the given kind, or nil.
func (d *Document) Section(kind SectionKind) *Section {
	for _, s := range d.Sections {
		if s.Kind == kind {
			return s
		}
	}
	return nil
}

// Turns returns every turn of the transcript in order.
func (d *Document) Turns() []*Turn {
	var turns []*Turn
	for _, b := range d.Body {
		if t, ok := b.(*Turn); ok {
			turns = append(turns, t)
		}
	}
	return turns
}
