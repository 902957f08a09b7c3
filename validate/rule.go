package validate

import (
	"fmt"

	"github.com/teikit/teikit/transcript"
)

// Rule is one check. Run checks one document; RunCorpus, for corpus
// rules, checks every document of a run together. One of them is set.
type Rule struct {
	ID       string
	Severity Severity // the severity it reports at, unless Doc says otherwise
	Doc      string   // one paragraph: what it checks and why
	Run      func(p *Pass)
	// RunCorpus checks all documents of one run at once.
	RunCorpus func(docs []*Pass)
	// Raw marks a rule that checks the input as read, before and without
	// the document model (p.Doc is nil); an error from it stops the
	// document's other rules.
	Raw bool
	// ByRunner marks a rule the runner itself reports (an unreadable
	// input); it has no Run.
	ByRunner bool
}

// Pass is one rule's view of one document, and where it reports.
type Pass struct {
	File   string // the input's name, as diagnostics print it
	Format string // "text", "tei" or "json"
	Src    []byte // the input as read
	Doc    *transcript.Document
	Opts   *Options

	rule  *Rule
	diags *[]Diagnostic
	cache map[string]*trip // round trips of Doc, by format, made once
}

// Reportf reports a finding of the running rule at pos, at its severity.
func (p *Pass) Reportf(pos transcript.Pos, format string, args ...any) {
	p.ReportAt(p.rule.Severity, pos, format, args...)
}

// ReportSpan reports a finding of the running rule from pos to end.
func (p *Pass) ReportSpan(pos, end transcript.Pos, format string, args ...any) {
	p.Reportf(pos, format, args...)
	if end.IsValid() && pos.IsValid() {
		(*p.diags)[len(*p.diags)-1].End = end
	}
}

// ReportAt reports a finding at a severity other than the rule's.
func (p *Pass) ReportAt(sev Severity, pos transcript.Pos, format string, args ...any) {
	*p.diags = append(*p.diags, Diagnostic{File: p.File, Pos: pos, Severity: sev, Rule: p.rule.ID, Message: fmt.Sprintf(format, args...)})
}

// Rules returns every rule, in the order teikit rules prints them.
func Rules() []*Rule { return rules }

// rules is the one list of rules. Its ids are checked for duplicates when
// the package starts.
var rules = []*Rule{
	speakerUndeclared,
	speakerUnused,
	speakerUnconfirmedLabel,
	speakerLabelVariant,
	speakerTitleMismatch,
	speakerConsecutive,
	speakerNotInPersonography,
	citationMissing,
	citationFieldMissing,
	citationTitleMismatch,
	citationDateMismatch,
	citationURL,
	editorialUnbalanced,
	editorialNameVariant,
	paragraphJoined,
	inputUnreadable,
	inputNormalized,
	inputUnsupported,
	roundtripText,
	roundtripTEI,
	roundtripJSON,
	goldenMismatch,
	schemaJSON,
	schemaTEI,
	corpusDuplicateID,
	corpusPersonConflict,
}

func init() {
	if err := checkRules(rules); err != nil {
		panic(err)
	}
}

// checkRules refuses a rule list with duplicate or empty ids, or a rule
// that runs nothing.
func checkRules(rs []*Rule) error {
	seen := map[string]bool{}
	for _, r := range rs {
		switch {
		case r.ID == "":
			return fmt.Errorf("validate: a rule has no id")
		case seen[r.ID]:
			return fmt.Errorf("validate: duplicate rule id %q", r.ID)
		case !r.ByRunner && (r.Run == nil) == (r.RunCorpus == nil):
			return fmt.Errorf("validate: rule %q must set exactly one of Run and RunCorpus", r.ID)
		case r.Doc == "":
			return fmt.Errorf("validate: rule %q has no doc", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}
