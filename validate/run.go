package validate

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/transcript"
)

// Options set what a run checks.
type Options struct {
	// GoldenDir, when set, holds NAME.tei.xml and NAME.json golden files to
	// compare teikit's output for each input NAME with.
	GoldenDir string
	// TEISchema, when set, is a RELAX NG schema (tei_all.rng) that jing
	// checks the TEI against.
	TEISchema string
	// Only, when not empty, runs just these rules.
	Only map[string]bool
	// Disabled rules are not run.
	Disabled map[string]bool
	// Persons, when set, is the corpus's personography: the text reader
	// takes ids and names from it, and speaker/not-in-personography checks
	// every speaker against it.
	Persons *transcript.Personography
	// Limits bound the inputs; the zero value is convert.DefaultLimits.
	Limits convert.Limits
}

func (o *Options) enabled(id string) bool {
	if len(o.Only) > 0 && !o.Only[id] {
		return false
	}
	return !o.Disabled[id]
}

// Input is one document to check.
type Input struct {
	Name string // as diagnostics print it
	Src  []byte
}

// Run checks every input with every enabled rule, then the corpus rules
// across them, and returns the findings sorted by file and position.
func Run(inputs []Input, opts Options) []Diagnostic {
	s := NewSession(opts)
	var diags []Diagnostic
	for i, in := range inputs {
		diags = append(diags, s.Check(i, in)...)
	}
	diags = append(diags, s.Finish()...)
	Sort(diags)
	return diags
}

// Check checks one input alone (no corpus rules).
func Check(in Input, opts Options) []Diagnostic {
	var diags []Diagnostic
	check(in, &opts, &diags)
	Sort(diags)
	return diags
}

// Session checks the documents of one corpus: Check each of them, then
// Finish for the corpus rules. It keeps of each document only what the corpus rules need (its
// id, participants and speaker labels), so memory does not grow with the
// documents' size.
type Session struct {
	opts   Options
	mu     sync.Mutex
	passes []*Pass // slim passes, for the corpus rules
	order  []int   // the index each pass was added with
	turns  atomic.Int64
}

// Turns returns how many turns the documents checked so far hold.
func (s *Session) Turns() int { return int(s.turns.Load()) }

// NewSession starts a session.
func NewSession(opts Options) *Session { return &Session{opts: opts} }

// Check checks one document with the document rules and returns its
// findings, sorted. It may be called from several goroutines at once;
// index is the document's place in the corpus, which orders the corpus
// rules' findings.
func (s *Session) Check(index int, in Input) []Diagnostic {
	var diags []Diagnostic
	p := check(in, &s.opts, &diags)
	Sort(diags)
	if p != nil {
		s.turns.Add(int64(len(p.Doc.Turns())))
		p.Doc = slim(p.Doc)
		p.Src, p.cache = nil, nil
		s.mu.Lock()
		s.passes = append(s.passes, p)
		s.order = append(s.order, index)
		s.mu.Unlock()
	}
	return diags
}

// Finish runs the corpus rules over every document checked so far, in
// index order, and returns their findings, sorted.
func (s *Session) Finish() []Diagnostic {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := make([]int, len(s.passes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.order[idx[a]] < s.order[idx[b]] })
	passes := make([]*Pass, len(idx))
	for i, j := range idx {
		passes[i] = s.passes[j]
	}
	var diags []Diagnostic
	for _, r := range rules {
		if r.RunCorpus == nil || !s.opts.enabled(r.ID) || len(passes) == 0 {
			continue
		}
		for _, p := range passes {
			p.rule, p.diags = r, &diags
		}
		r.RunCorpus(passes)
	}
	Sort(diags)
	return diags
}

// slim keeps of a document what the corpus rules read: title, citation,
// participants, and the first turn of each speaker label, without text. Its strings are copies, so
// that it holds on to none of the source text.
func slim(d *transcript.Document) *transcript.Document {
	out := &transcript.Document{}
	if d.Title != nil {
		out.Title = &transcript.Title{Text: strings.Clone(d.Title.Text), Pos: d.Title.Pos}
	}
	for _, p := range d.Persons {
		out.Persons = append(out.Persons, &transcript.Person{ID: strings.Clone(p.ID), Name: strings.Clone(p.Name), Pos: p.Pos})
	}
	if c := d.Section(transcript.SectionCitation); c != nil && len(c.Paras) > 0 {
		out.Sections = []*transcript.Section{{Heading: strings.Clone(c.Heading), Kind: c.Kind, Pos: c.Pos,
			Paras: []*transcript.Text{{Value: strings.Clone(c.Paras[0].Value), Pos: c.Paras[0].Pos}}}}
	}
	// The corpus rules compare labels: the first turn of each is enough.
	seen := map[string]bool{}
	for _, t := range d.Turns() {
		l := labelText(t.Label)
		if seen[t.Who+"\x00"+l] {
			continue
		}
		seen[t.Who+"\x00"+l] = true
		out.Body = append(out.Body, &transcript.Turn{Who: strings.Clone(t.Who), Label: []transcript.Inline{&transcript.Text{Value: strings.Clone(l)}}, Pos: t.Pos})
	}
	return out
}

// check runs the document rules on one input and returns its pass, or nil
// when the input could not be read.
func check(in Input, opts *Options, diags *[]Diagnostic) *Pass {
	p := &Pass{File: in.Name, Format: convert.Detect(in.Src), Src: in.Src, Opts: opts, diags: diags}
	before := len(*diags)
	for _, r := range rules {
		if r.Raw && opts.enabled(r.ID) {
			p.rule = r
			r.Run(p)
		}
	}
	if w, ok := Worst((*diags)[before:]); ok && w == Error {
		return nil
	}
	doc, err := read(p)
	if err != nil {
		if opts.enabled(inputUnreadable.ID) {
			p.rule = inputUnreadable
			msg, pos := err.Error(), transcript.Pos{}
			if e, ok := err.(*convert.Error); ok {
				msg, pos = e.Msg, e.Pos
			}
			p.Reportf(pos, "%s", msg)
		}
		return nil
	}
	p.Doc = doc
	for _, r := range rules {
		if r.Run != nil && !r.Raw && opts.enabled(r.ID) {
			p.rule = r
			r.Run(p)
		}
	}
	return p
}

// read reads an input into the model. TEI is read with positions and
// leniently, so that TEI written by others can be checked too; teikit's
// own TEI reads the same either way.
func read(p *Pass) (*transcript.Document, error) {
	l := p.Opts.Limits
	switch p.Format {
	case "tei":
		return convert.ReadTEIWith(p.File, p.Src, convert.TEISettings{Positions: true, Lenient: true, Limits: l})
	case "json":
		// schema/json has checked it already, when it runs.
		return convert.ReadJSONWith(p.File, p.Src, convert.JSONSettings{SkipSchema: p.Opts.enabled(schemaJSON.ID), Limits: l})
	case "text":
		return convert.ReadTextWith(p.File, p.Src, convert.TextSettings{Limits: l, Persons: p.Opts.Persons})
	}
	r, ok := convert.Readers[p.Format]
	if !ok {
		return nil, &convert.Error{File: p.File, Msg: "no reader for format " + p.Format}
	}
	return r(p.File, p.Src)
}

var inputUnreadable = &Rule{
	ID:       "input/unreadable",
	Severity: Error,
	Doc:      "The input cannot be read as its format (text export, TEI or teikit JSON): empty, not UTF-8, not well-formed XML, TEI in another namespace, an entity reference, or a transcript without turns. The message says what and where; no other rule can run on it.",
	ByRunner: true,
}
