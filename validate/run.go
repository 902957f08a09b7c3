package validate

import (
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
	var diags []Diagnostic
	var passes []*Pass
	for _, in := range inputs {
		if p := check(in, &opts, &diags); p != nil {
			passes = append(passes, p)
		}
	}
	for _, r := range rules {
		if r.RunCorpus != nil && opts.enabled(r.ID) && len(passes) > 0 {
			for _, p := range passes {
				p.rule = r
			}
			r.RunCorpus(passes)
		}
	}
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
	switch p.Format {
	case "tei":
		return convert.ReadTEIWith(p.File, p.Src, convert.TEISettings{Positions: true, Lenient: true})
	case "json":
		// schema/json has checked it already, when it runs.
		return convert.ReadJSONWith(p.File, p.Src, convert.JSONSettings{SkipSchema: p.Opts.enabled(schemaJSON.ID)})
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
