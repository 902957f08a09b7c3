package convert

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/teikit/teikit/internal/jsonpos"
	"github.com/teikit/teikit/schemas"
	"github.com/teikit/teikit/transcript"
)

// JSONVersion is the version of teikit's JSON form, its "teikit" field;
// schemas/transcript.schema.json describes it.
const JSONVersion = "1"

// The JSON form is built from these structs: their field order is the key
// order of the output, so the bytes are deterministic. Derived fields
// (id, citation, kinds, ISO dates and times, a turn's plain text) are
// written for consumers and ignored on reading, which computes them again
// as the text and TEI readers do. Positions are omitted when unknown.
type (
	jsonDoc struct {
		Teikit       string            `json:"teikit"`
		ID           string            `json:"id,omitempty"`
		Date         *jsonDate         `json:"date,omitempty"`
		Title        *jsonTitle        `json:"title,omitempty"`
		Sections     []jsonSection     `json:"sections"`
		Citation     *jsonCitation     `json:"citation,omitempty"`
		Participants []jsonParticipant `json:"participants"`
		Body         []jsonBlock       `json:"body"`
	}
	jsonDate struct {
		Text string `json:"text"`
		When string `json:"when,omitempty"`
		Line int    `json:"line,omitempty"`
		Col  int    `json:"col,omitempty"`
	}
	jsonTitle struct {
		Text string `json:"text"`
		Line int    `json:"line,omitempty"`
		Col  int    `json:"col,omitempty"`
	}
	jsonSection struct {
		Heading    string     `json:"heading"`
		Kind       string     `json:"kind,omitempty"`
		Paragraphs []jsonText `json:"paragraphs"`
		Line       int        `json:"line,omitempty"`
		Col        int        `json:"col,omitempty"`
	}
	jsonText struct {
		Text string `json:"text"`
		Line int    `json:"line,omitempty"`
		Col  int    `json:"col,omitempty"`
	}
	jsonCitation struct {
		Text       string      `json:"text"`
		Title      string      `json:"title,omitempty"`
		Date       string      `json:"date,omitempty"`
		When       string      `json:"when,omitempty"`
		Publisher  string      `json:"publisher,omitempty"`
		Collection string      `json:"collection,omitempty"`
		Scopes     []jsonScope `json:"scopes,omitempty"`
		Repository string      `json:"repository,omitempty"`
		Resp       []jsonResp  `json:"resp,omitempty"`
		URL        string      `json:"url,omitempty"`
		Spans      []jsonSpan  `json:"spans"`
	}
	jsonScope struct {
		Unit string `json:"unit"`
		Text string `json:"text"`
	}
	jsonResp struct {
		Role string `json:"role"`
		Name string `json:"name"`
	}
	jsonSpan struct {
		Kind  string `json:"kind"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}
	jsonParticipant struct {
		ID    string     `json:"id"`
		Name  string     `json:"name"`
		Idnos []jsonIdno `json:"idno,omitempty"`
		Line  int        `json:"line,omitempty"`
		Col   int        `json:"col,omitempty"`
	}
	// jsonIdno is an authority id of a participant.
	jsonIdno struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	}
	// jsonBlock is every kind of block: Type says which fields it has.
	// Pointer strings and slices tagged omitzero are written, even when
	// empty, exactly for the types that have them, and omitted otherwise.
	jsonBlock struct {
		Type    string       `json:"type"`
		Who     *string      `json:"who,omitempty"`    // turn
		Label   []jsonInline `json:"label,omitzero"`   // turn
		Head    *string      `json:"head,omitempty"`   // participants
		N       *string      `json:"n,omitempty"`      // pageBreak
		Text    *string      `json:"text,omitempty"`   // dateline; turn (derived)
		When    string       `json:"when,omitempty"`   // dateline (derived)
		From    string       `json:"from,omitempty"`   // dateline (derived)
		To      string       `json:"to,omitempty"`     // dateline (derived)
		Content []jsonInline `json:"content,omitzero"` // head, paragraph, stage
		Items   []jsonItem   `json:"items,omitzero"`   // list, participants
		Blocks  []jsonBlock  `json:"blocks,omitzero"`  // turn
		Line    int          `json:"line,omitempty"`
		Col     int          `json:"col,omitempty"`
	}
	// jsonItem is a list item (n, content) or a participants line (text).
	jsonItem struct {
		N       *string      `json:"n,omitempty"`
		Text    *string      `json:"text,omitempty"`
		Content []jsonInline `json:"content,omitzero"`
		Line    int          `json:"line,omitempty"`
		Col     int          `json:"col,omitempty"`
	}
	// jsonInline is every kind of inline node.
	jsonInline struct {
		Type    string       `json:"type"`
		Text    string       `json:"text,omitempty"`   // text
		Content []jsonInline `json:"content,omitzero"` // supplied, sic, stage
		Line    int          `json:"line,omitempty"`
		Col     int          `json:"col,omitempty"`
	}
)

// WriteJSON writes a Document in teikit's JSON form: 2-space indented,
// keys in a fixed order, one final newline. Every output validates against
// schemas/transcript.schema.json.
func WriteJSON(doc *transcript.Document) ([]byte, error) {
	jd, err := toJSON(doc)
	if err != nil {
		return nil, err
	}
	buf := jsonBufs.Get().(*[]byte)
	e := jsonEnc{b: (*buf)[:0]}
	e.doc(jd)
	e.b = append(e.b, '\n')
	out := bytes.Clone(e.b)
	*buf = e.b
	jsonBufs.Put(buf)
	return out, nil
}

// jsonBufs keeps the buffers WriteJSON writes into, so that a large
// document is not written through a chain of growing buffers each time.
var jsonBufs = sync.Pool{New: func() any { return new([]byte) }}

// toJSON builds the JSON structs of a Document.
func toJSON(doc *transcript.Document) (*jsonDoc, error) {
	jd := &jsonDoc{
		Teikit:       JSONVersion,
		ID:           doc.ID(),
		Sections:     make([]jsonSection, 0, len(doc.Sections)),
		Participants: make([]jsonParticipant, 0, len(doc.Persons)),
		Body:         make([]jsonBlock, 0, len(doc.Body)),
	}
	if d := doc.Date; d != nil {
		jd.Date = &jsonDate{Text: d.Text, When: d.When, Line: d.Pos.Line, Col: d.Pos.Col}
	}
	if t := doc.Title; t != nil {
		jd.Title = &jsonTitle{Text: t.Text, Line: t.Pos.Line, Col: t.Pos.Col}
	}
	for _, s := range doc.Sections {
		js := jsonSection{Heading: s.Heading, Kind: string(s.Kind), Paragraphs: make([]jsonText, 0, len(s.Paras)), Line: s.Pos.Line, Col: s.Pos.Col}
		for _, p := range s.Paras {
			js.Paragraphs = append(js.Paragraphs, jsonText{Text: p.Value, Line: p.Pos.Line, Col: p.Pos.Col})
		}
		jd.Sections = append(jd.Sections, js)
	}
	if s := doc.Section(transcript.SectionCitation); s != nil && len(s.Paras) > 0 {
		jd.Citation = citationJSON(transcript.ParseCitation(s.Paras[0].Value))
	}
	for _, p := range doc.Persons {
		jp := jsonParticipant{ID: p.ID, Name: p.Name, Line: p.Pos.Line, Col: p.Pos.Col}
		for _, id := range p.Idnos {
			jp.Idnos = append(jp.Idnos, jsonIdno{Type: id.Type, Value: id.Value})
		}
		jd.Participants = append(jd.Participants, jp)
	}
	for _, b := range doc.Body {
		jb, err := blockJSON(b, false)
		if err != nil {
			return nil, err
		}
		jd.Body = append(jd.Body, jb)
	}
	return jd, nil
}

// citationJSON gives a parsed citation, its span offsets counted in code
// points, as JSON consumers (JavaScript among them) count characters.
func citationJSON(c *transcript.Citation) *jsonCitation {
	jc := &jsonCitation{
		Text: c.Raw, Title: c.Title, Date: c.Date, When: c.When, Publisher: c.Publisher,
		Collection: c.Collection, Repository: c.Repository, URL: c.URL,
		Spans: make([]jsonSpan, 0, len(c.Spans)),
	}
	for _, sp := range c.Spans {
		if sp.Kind == transcript.SpanScope {
			jc.Scopes = append(jc.Scopes, jsonScope{Unit: sp.Unit, Text: sp.Text(c.Raw)})
		}
		start := utf8.RuneCountInString(c.Raw[:sp.Start])
		jc.Spans = append(jc.Spans, jsonSpan{Kind: string(sp.Kind), Start: start, End: start + utf8.RuneCountInString(sp.Text(c.Raw))})
	}
	for _, r := range c.Resp {
		jc.Resp = append(jc.Resp, jsonResp{Role: r.Role, Name: r.Name})
	}
	return jc
}

// blockJSON builds the JSON of a block; inTurn refuses the blocks that
// cannot stand inside a turn.
func blockJSON(b transcript.Block, inTurn bool) (jsonBlock, error) {
	pos := b.Position()
	jb := jsonBlock{Line: pos.Line, Col: pos.Col}
	switch b := b.(type) {
	case *transcript.Head:
		jb.Type, jb.Content = "head", inlinesJSON(b.Content)
	case *transcript.Dateline:
		jb.Type, jb.Text, jb.When, jb.From, jb.To = "dateline", &b.Text, b.When, b.From, b.To
	case *transcript.Turn:
		jb.Type, jb.Who, jb.Label = "turn", &b.Who, inlinesJSON(b.Label)
		text := b.PlainText()
		jb.Text = &text
		jb.Blocks = make([]jsonBlock, 0, len(b.Blocks))
		for _, c := range b.Blocks {
			jc, err := blockJSON(c, true)
			if err != nil {
				return jb, err
			}
			jb.Blocks = append(jb.Blocks, jc)
		}
	case *transcript.Para:
		jb.Type, jb.Content = "paragraph", inlinesJSON(b.Content)
	case *transcript.Stage:
		jb.Type, jb.Content = "stage", inlinesJSON(b.Content)
	case *transcript.PageBreak:
		jb.Type, jb.N = "pageBreak", &b.N
	case *transcript.List:
		jb.Type, jb.Items = "list", make([]jsonItem, 0, len(b.Items))
		for _, it := range b.Items {
			jb.Items = append(jb.Items, jsonItem{N: &it.N, Content: inlinesJSON(it.Content), Line: it.Pos.Line, Col: it.Pos.Col})
		}
	case *transcript.ParticipantList:
		jb.Type, jb.Head, jb.Items = "participants", &b.Head, make([]jsonItem, 0, len(b.Items))
		for _, it := range b.Items {
			jb.Items = append(jb.Items, jsonItem{Text: &it.Value, Line: it.Pos.Line, Col: it.Pos.Col})
		}
	default:
		return jb, &Error{Pos: pos, Msg: fmt.Sprintf("JSON writer: unknown block %T", b)}
	}
	if inTurn && (jb.Type == "head" || jb.Type == "dateline" || jb.Type == "turn") {
		return jb, &Error{Pos: pos, Msg: fmt.Sprintf("a %s inside a turn: the JSON form cannot represent it", jb.Type)}
	}
	return jb, nil
}

// inlinesJSON builds the JSON of inline content; the slice is never nil,
// so that an empty content is written as [].
func inlinesJSON(content []transcript.Inline) []jsonInline {
	out := make([]jsonInline, 0, len(content))
	for _, n := range content {
		pos := n.Position()
		ji := jsonInline{Line: pos.Line, Col: pos.Col}
		switch n := n.(type) {
		case *transcript.Text:
			if n.Value == "" {
				continue // as in TEI, an empty text is no text
			}
			ji.Type, ji.Text = "text", n.Value
		case *transcript.Supplied:
			ji.Type, ji.Content = "supplied", inlinesJSON(n.Content)
		case *transcript.Sic:
			ji.Type, ji.Content = "sic", inlinesJSON(n.Content)
		case *transcript.Query:
			ji.Type = "query"
		case *transcript.InlineStage:
			ji.Type, ji.Content = "stage", inlinesJSON(n.Content)
		case *transcript.LineBreak:
			ji.Type = "lineBreak"
		case *transcript.Join:
			ji.Type = "join"
		}
		out = append(out, ji)
	}
	return out
}

// ReadJSON reads teikit's JSON form. The input is first validated against
// schemas/transcript.schema.json: a document that is not JSON, or does
// not match the schema, gets an Error at the line and column of the
// offending value, naming its JSON pointer. Derived fields are ignored
// and computed again.
func ReadJSON(name string, src []byte) (*transcript.Document, error) {
	return readJSON(name, src, true)
}

// JSONSettings set how the JSON reader works.
type JSONSettings struct {
	// SkipSchema reads without validating against the schema first: for
	// JSON teikit has just written, or already checked (CheckJSONSchema).
	// Shape errors still fail, but without a JSON pointer.
	SkipSchema bool
	// Limits bound the input; the zero value is DefaultLimits.
	Limits Limits
}

// ReadJSONWith reads teikit's JSON form with the given settings.
func ReadJSONWith(name string, src []byte, s JSONSettings) (*transcript.Document, error) {
	return readJSONLimited(name, src, !s.SkipSchema, s.Limits)
}

// CheckJSONSchema validates src against the teikit JSON schema, and
// returns an Error at the offending value when it is not JSON or does not
// match.
func CheckJSONSchema(name string, src []byte) error {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if err := DefaultLimits.checkJSONDepth(name, src); err != nil {
		return err
	}
	v, err := decodeJSON(name, src)
	if err != nil {
		return err
	}
	if err := schemas.Transcript().Validate(v); err != nil {
		return schemaError(name, src, err)
	}
	return nil
}

// readJSON reads JSON, validating it against the schema when validate is
// set (only benchmarks measure it without).
func readJSON(name string, src []byte, validate bool) (*transcript.Document, error) {
	return readJSONLimited(name, src, validate, Limits{})
}

// readJSONLimited reads JSON within limits.
func readJSONLimited(name string, src []byte, validate bool, limits Limits) (*transcript.Document, error) {
	limits = limits.orDefault()
	if err := limits.Check(name, src); err != nil {
		return nil, err
	}
	if len(src) == 0 {
		return nil, errorf(name, transcript.Pos{}, "empty file")
	}
	var changes []transcript.Change
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src = src[3:]
		changes = append(changes, transcript.Change{Pos: transcript.Pos{Line: 1, Col: 1}, Message: "removed the byte order mark"})
	}
	if err := checkText(name, src); err != nil {
		return nil, err
	}
	if err := limits.checkJSONDepth(name, src); err != nil {
		return nil, err
	}
	if validate {
		v, err := decodeJSON(name, src)
		if err != nil {
			return nil, err
		}
		if err := schemas.Transcript().Validate(v); err != nil {
			return nil, schemaError(name, src, err)
		}
	}
	var jd jsonDoc
	if err := json.Unmarshal(src, &jd); err != nil {
		return nil, jsonError(name, src, err)
	}
	r := &jsonReader{name: name}
	doc := r.document(&jd)
	if r.err != nil {
		return nil, r.err
	}
	doc.Changes = changes
	return doc, nil
}

// decodeJSON decodes src as one JSON value, numbers kept exact, as the
// schema validator wants it.
func decodeJSON(name string, src []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(name, src, err)
	}
	off := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		for off < len(src) && strings.IndexByte(" \t\r\n", src[off]) >= 0 {
			off++
		}
		return nil, errorf(name, offsetPos(src, off), "not JSON: more data after the JSON document")
	}
	return v, nil
}

// jsonError positions an encoding/json error.
func jsonError(name string, src []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return errorf(name, offsetPos(src, max(int(se.Offset)-1, 0)), "not JSON: %s", se.Error())
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(name, offsetPos(src, len(bytes.TrimRight(src, " \t\r\n"))), "not JSON: unexpected end of JSON input")
	case errors.As(err, &te):
		return errorf(name, offsetPos(src, max(int(te.Offset)-1, 0)), "not teikit JSON: %s", te.Error())
	}
	return errorf(name, transcript.Pos{}, "not JSON: %v", err)
}

// schemaError reports the most specific failure of a schema validation —
// the one deepest in the document — at its place in src.
func schemaError(name string, src []byte, err error) error {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return errorf(name, transcript.Pos{}, "cannot validate against the teikit JSON schema: %v", err)
	}
	leaf := deepest(ve)
	ptr := leaf.InstanceLocation
	pos := transcript.Pos{}
	if off, ok := jsonpos.Offset(src, ptr); ok {
		pos = offsetPos(src, off)
	}
	if ptr == "" {
		ptr = "/"
	}
	return errorf(name, pos, "does not match the teikit JSON schema at %s: %s", ptr, leaf.Message)
}

// deepest returns the first of the leaf errors whose instance location is
// deepest.
func deepest(ve *jsonschema.ValidationError) *jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return ve
	}
	var best *jsonschema.ValidationError
	for _, c := range ve.Causes {
		d := deepest(c)
		if best == nil || strings.Count(d.InstanceLocation, "/") > strings.Count(best.InstanceLocation, "/") {
			best = d
		}
	}
	return best
}

// offsetPos returns the position of byte offset off in src.
func offsetPos(src []byte, off int) transcript.Pos {
	return transcript.NewLineIndex(string(src), 1).Pos(off)
}

// jsonReader builds a Document from the JSON structs; the schema has
// checked their shape, so err is set only on what it cannot check.
type jsonReader struct {
	name string
	err  error
}

func (r *jsonReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = errorf(r.name, transcript.Pos{}, format, args...)
	}
}

func jpos(line, col int) transcript.Pos { return transcript.Pos{Line: line, Col: col} }

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (r *jsonReader) document(jd *jsonDoc) *transcript.Document {
	doc := &transcript.Document{}
	if d := jd.Date; d != nil {
		when, _ := transcript.ParseDate(d.Text)
		doc.Date = &transcript.DocDate{Text: d.Text, When: when, Pos: jpos(d.Line, d.Col)}
	}
	if t := jd.Title; t != nil {
		doc.Title = &transcript.Title{Text: t.Text, Pos: jpos(t.Line, t.Col)}
	}
	for _, s := range jd.Sections {
		sec := &transcript.Section{Heading: s.Heading, Kind: sectionKind(s.Heading), Pos: jpos(s.Line, s.Col)}
		for _, p := range s.Paragraphs {
			sec.Paras = append(sec.Paras, &transcript.Text{Value: p.Text, Pos: jpos(p.Line, p.Col)})
		}
		doc.Sections = append(doc.Sections, sec)
	}
	for _, p := range jd.Participants {
		per := &transcript.Person{ID: p.ID, Name: p.Name, Pos: jpos(p.Line, p.Col)}
		for _, id := range p.Idnos {
			per.Idnos = append(per.Idnos, transcript.Idno{Type: id.Type, Value: id.Value})
		}
		doc.Persons = append(doc.Persons, per)
	}
	for i := range jd.Body {
		doc.Body = append(doc.Body, r.block(&jd.Body[i], false))
	}
	return doc
}

func (r *jsonReader) block(b *jsonBlock, inTurn bool) transcript.Block {
	pos := jpos(b.Line, b.Col)
	switch b.Type {
	case "head", "dateline", "turn":
		if inTurn {
			r.fail("a %s inside a turn", b.Type)
		}
	}
	switch b.Type {
	case "head":
		return &transcript.Head{Content: r.inlines(b.Content), Pos: pos}
	case "dateline":
		text := str(b.Text)
		when, from, to, _ := transcript.ParseDateline(text)
		return &transcript.Dateline{Text: text, When: when, From: from, To: to, Pos: pos}
	case "turn":
		t := &transcript.Turn{Who: str(b.Who), Label: r.inlines(b.Label), Pos: pos}
		for i := range b.Blocks {
			t.Blocks = append(t.Blocks, r.block(&b.Blocks[i], true))
		}
		return t
	case "paragraph":
		return &transcript.Para{Content: r.inlines(b.Content), Pos: pos}
	case "stage":
		return &transcript.Stage{Content: r.inlines(b.Content), Pos: pos}
	case "pageBreak":
		return &transcript.PageBreak{N: str(b.N), Pos: pos}
	case "list":
		l := &transcript.List{Pos: pos}
		for _, it := range b.Items {
			l.Items = append(l.Items, &transcript.Item{N: str(it.N), Content: r.inlines(it.Content), Pos: jpos(it.Line, it.Col)})
		}
		return l
	case "participants":
		pl := &transcript.ParticipantList{Head: str(b.Head), Pos: pos}
		for _, it := range b.Items {
			pl.Items = append(pl.Items, &transcript.Text{Value: str(it.Text), Pos: jpos(it.Line, it.Col)})
		}
		return pl
	}
	r.fail("unknown block type %q", b.Type)
	return &transcript.Para{Pos: pos}
}

// inlines builds inline content, merging adjacent text as the other
// readers do.
func (r *jsonReader) inlines(in []jsonInline) []transcript.Inline {
	var b inlineBuilder
	for i := range in {
		n := &in[i]
		pos := jpos(n.Line, n.Col)
		switch n.Type {
		case "text":
			b.text(n.Text, pos)
		case "supplied":
			b.node(&transcript.Supplied{Content: r.inlines(n.Content), Pos: pos})
		case "sic":
			b.node(&transcript.Sic{Content: r.inlines(n.Content), Pos: pos})
		case "query":
			b.node(&transcript.Query{Pos: pos})
		case "stage":
			b.node(&transcript.InlineStage{Content: r.inlines(n.Content), Pos: pos})
		case "lineBreak":
			b.node(&transcript.LineBreak{Pos: pos})
		case "join":
			b.node(&transcript.Join{Pos: pos})
		default:
			r.fail("unknown inline type %q", n.Type)
		}
	}
	return b.content()
}
