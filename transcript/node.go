package transcript

// Block is a block-level node of the transcript: a closed sum of *Head,
// *Dateline, *Turn, *Para, *List, *Stage, *PageBreak and *ParticipantList.
type Block interface {
	Position() Pos
	blockNode()
}

// Inline is an inline node: a closed sum of *Text, *Supplied, *Sic,
// *Query, *InlineStage, *LineBreak and *Join.
type Inline interface {
	Position() Pos
	inlineNode()
}

// Head is a heading of the transcript ("Notes taken at … Moscow, 1945").
type Head struct {
	Content []Inline
	Pos     Pos
}

// Dateline gives the date and time of the meeting, as found, with the
// values parsed from it.
type Dateline struct {
	Text string // as found
	When string // ISO date, "" when unparsed
	From string // ISO time (hh:mm:ss), "" when none
	To   string // ISO time, "" when none
	Pos  Pos
}

// Turn is one speaker's turn: the label as found and what was said.
type Turn struct {
	Who    string   // participant id; ids separated by spaces when several speak
	Label  []Inline // the label as found, without the colon: "[Joseph] Stalin"
	Blocks []Block  // *Para, *List, *Stage, *PageBreak
	Pos    Pos

	// WhoAsFound is the who attribute as a TEI source gave it, when that
	// differs from "#" + Who (TEI written by others); "" otherwise.
	WhoAsFound string
}

// Para is a paragraph; inside a turn, the first one follows the label.
type Para struct {
	Content []Inline
	Pos     Pos
}

// List is a numbered list: consecutive blocks opening "1) ", "2) ".
type List struct {
	Items []*Item
	Pos   Pos
}

// Item is one list item; N is its number as found.
type Item struct {
	N       string
	Content []Inline
	Pos     Pos
}

// Stage is a stage direction standing as a block of its own; its content
// excludes the enclosing parentheses.
type Stage struct {
	Content []Inline
	Pos     Pos
}

// PageBreak is a page marker of the original on a line of its own: "(p. 2)".
type PageBreak struct {
	N   string
	Pos Pos
}

// ParticipantList is a memorandum-of-conversation "PARTICIPANTS:" block:
// a heading line and one line per participant, each kept verbatim.
type ParticipantList struct {
	Head  string
	Items []*Text
	Pos   Pos
}

// Text is a run of characters, verbatim.
type Text struct {
	Value string
	Pos   Pos
}

// Supplied is an editorial addition, "[Kai-shek]"; Content excludes the
// brackets.
type Supplied struct {
	Content []Inline
	Pos     Pos
}

// Sic marks a phrase reproduced as found: "Southern Sakhalin [sic]".
// Content is the phrase; the " [sic]" marker is implied.
type Sic struct {
	Content []Inline
	Pos     Pos
}

// Query is the note-taker's query mark "(?)".
type Query struct {
	Pos Pos
}

// InlineStage is a stage direction inside a paragraph, "(He laughs)";
// Content excludes the parentheses.
type InlineStage struct {
	Content []Inline
	Pos     Pos
}

// LineBreak is a line break inside a block; the spaces of a Markdown hard
// break stay in the preceding Text.
type LineBreak struct {
	Pos Pos
}

// Join marks where a paragraph split by a blank line (a page break of the
// typescript) was joined; Pos is the start of the continuation.
type Join struct {
	Pos Pos
}

func (n *Head) Position() Pos            { return n.Pos }
func (n *Dateline) Position() Pos        { return n.Pos }
func (n *Turn) Position() Pos            { return n.Pos }
func (n *Para) Position() Pos            { return n.Pos }
func (n *List) Position() Pos            { return n.Pos }
func (n *Stage) Position() Pos           { return n.Pos }
func (n *PageBreak) Position() Pos       { return n.Pos }
func (n *ParticipantList) Position() Pos { return n.Pos }
func (n *Text) Position() Pos            { return n.Pos }
func (n *Supplied) Position() Pos        { return n.Pos }
func (n *Sic) Position() Pos             { return n.Pos }
func (n *Query) Position() Pos           { return n.Pos }
func (n *InlineStage) Position() Pos     { return n.Pos }
func (n *LineBreak) Position() Pos       { return n.Pos }
func (n *Join) Position() Pos            { return n.Pos }

func (*Head) blockNode()            {}
func (*Dateline) blockNode()        {}
func (*Turn) blockNode()            {}
func (*Para) blockNode()            {}
func (*List) blockNode()            {}
func (*Stage) blockNode()           {}
func (*PageBreak) blockNode()       {}
func (*ParticipantList) blockNode() {}

func (*Text) inlineNode()        {}
func (*Supplied) inlineNode()    {}
func (*Sic) inlineNode()         {}
func (*Query) inlineNode()       {}
func (*InlineStage) inlineNode() {}
func (*LineBreak) inlineNode()   {}
func (*Join) inlineNode()        {}
