package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/transcript"
)

var speakerUndeclared = &Rule{
	ID:       "speaker/undeclared",
	Severity: Error,
	Doc:      "Every turn's speaker must resolve to a declared participant: the who of an sp or u points (with #) at a person, personGrp or cast-list role. A turn without who, an id nobody declares, or an id written without its # (a file name, not a pointer) is an error.",
	Run: func(p *Pass) {
		ids := map[string]bool{}
		for _, per := range p.Doc.Persons {
			ids[per.ID] = true
		}
		for _, t := range p.Doc.Turns() {
			if t.Who == "" {
				p.Reportf(t.Pos, "turn has no who: it names no speaker")
				continue
			}
			for _, id := range strings.Fields(t.Who) {
				if !ids[id] {
					p.Reportf(t.Pos, "who %q resolves to no participant (person, personGrp or castList role)", "#"+id)
				}
			}
			for _, tok := range strings.Fields(t.WhoAsFound) {
				if !strings.HasPrefix(tok, "#") {
					p.Reportf(t.Pos, "who %q is not a pointer: write %q", tok, "#"+tok)
				}
			}
		}
	},
}

// speaks returns the ids of the participants who have a turn.
func speaks(d *transcript.Document) map[string]int {
	n := map[string]int{}
	for _, t := range d.Turns() {
		for _, id := range strings.Fields(t.Who) {
			n[id]++
		}
	}
	return n
}

var speakerUnused = &Rule{
	ID:       "speaker/unused",
	Severity: Warning,
	Doc:      "A declared participant never speaks: no turn's who points at them. Either the list of participants names someone who was only present, or a turn is attributed to the wrong id.",
	Run: func(p *Pass) {
		n := speaks(p.Doc)
		for _, per := range p.Doc.Persons {
			if n[per.ID] == 0 {
				p.Reportf(per.Pos, "participant %q (%s) never speaks", per.ID, per.Name)
			}
		}
	},
}

var speakerUnconfirmedLabel = &Rule{
	ID:       "speaker/unconfirmed-label",
	Severity: Warning,
	Doc:      "A paragraph opens like a speaker label (\"Aim: …\") but the label is used once and names no participant, so it was read as text of the current turn. Check whether it is a speaker the note-taker named only once; if so, name them in the title or the participants.",
	Run: func(p *Pass) {
		for _, b := range p.Doc.Body {
			if t, ok := b.(*transcript.Turn); ok {
				for _, c := range t.Blocks {
					unconfirmed(p, c, "of the turn of "+t.Who)
				}
				continue
			}
			unconfirmed(p, b, "between turns")
		}
	},
}

func unconfirmed(p *Pass, b transcript.Block, where string) {
	para, ok := b.(*transcript.Para)
	if !ok || len(para.Content) == 0 {
		return
	}
	first, ok := para.Content[0].(*transcript.Text)
	if !ok {
		return
	}
	if label, ok := convert.LabelAt(first.Value); ok {
		end := para.Pos
		end.Col += utf8.RuneCountInString(label) + 1
		p.ReportSpan(para.Pos, end, "%q opens a paragraph but is used once and names no participant: read as text %s", label+":", where)
	}
}

// labelText is a label as found without its editorial additions.
func labelText(label []transcript.Inline) string {
	var b strings.Builder
	for _, n := range label {
		if t, ok := n.(*transcript.Text); ok {
			b.WriteString(t.Value)
		}
	}
	// Drama-style TEI ends speakers with a full stop ("ИСЛАЕВ.").
	return strings.TrimRight(strings.Join(strings.Fields(b.String()), " "), ".:")
}

var speakerLabelVariant = &Rule{
	ID:       "speaker/label-variant",
	Severity: Warning,
	Doc:      "One participant appears under labels that differ beyond editorial additions (\"Stalin\" and \"Comrade Stalin\"; \"[Joseph] Stalin\" is the same label), or two participants have near-identical labels (edit distance 2 or less), which is often one person misspelt.",
	Run: func(p *Pass) {
		type form struct {
			who, label string
			pos        transcript.Pos
			n          int
		}
		var forms []*form
		byKey := map[string]*form{}
		for _, t := range p.Doc.Turns() {
			l := labelText(t.Label)
			if l == "" {
				continue
			}
			k := t.Who + "\x00" + l
			if f := byKey[k]; f != nil {
				f.n++
				continue
			}
			f := &form{who: t.Who, label: l, pos: t.Pos, n: 1}
			byKey[k] = f
			forms = append(forms, f)
		}
		for i, a := range forms {
			for _, b := range forms[:i] {
				switch {
				case a.who == b.who:
					p.Reportf(a.pos, "%s is labelled %q here and %q at line %d", a.who, a.label, b.label, b.pos.Line)
				case levenshtein.ComputeDistance(strings.ToLower(a.label), strings.ToLower(b.label)) <= 2:
					p.Reportf(a.pos, "label %q (%s) is nearly %q (%s, line %d): one person misspelt?", a.label, a.who, b.label, b.who, b.pos.Line)
				}
			}
		}
	},
}

var speakerTitleMismatch = &Rule{
	ID:       "speaker/title-mismatch",
	Severity: Warning,
	Doc:      "A person the title names (\"Record of a Meeting between T.V. Soong and Stalin\") never speaks in the transcript: the title, or the attribution of the turns, is wrong.",
	Run: func(p *Pass) {
		if p.Doc.Title == nil {
			return
		}
		n := speaks(p.Doc)
		for _, name := range transcript.TitleNames(p.Doc.Title.Text) {
			key := transcript.NameKey(name)
			spoke := false
			for _, per := range p.Doc.Persons {
				if n[per.ID] > 0 && transcript.NamesMatch(key, transcript.NameKey(per.Name)) {
					spoke = true
				}
			}
			if !spoke {
				p.Reportf(p.Doc.Title.Pos, "%q is named in the title but never speaks", name)
			}
		}
	},
}

var speakerConsecutive = &Rule{
	ID:       "speaker/consecutive",
	Severity: Info,
	Doc:      "Two turns in a row by one speaker, with only a stage direction or page break between them. Often legitimate (the speaker goes on after an action); sometimes a label was lost.",
	Run: func(p *Pass) {
		var prev *transcript.Turn
		for _, b := range p.Doc.Body {
			t, ok := b.(*transcript.Turn)
			if !ok {
				if _, para := b.(*transcript.Para); para {
					prev = nil
				}
				continue
			}
			if prev != nil && prev.Who == t.Who && t.Who != "" {
				p.Reportf(t.Pos, "second turn in a row by %s (the previous one %s)", t.Who, at(prev.Pos))
			}
			prev = t
		}
	},
}

// at describes a position for a message: "at line 46".
func at(pos transcript.Pos) string {
	if !pos.IsValid() {
		return "just before"
	}
	return fmt.Sprintf("at line %d", pos.Line)
}

var speakerNotInPersonography = &Rule{
	ID:       "speaker/not-in-personography",
	Severity: Warning,
	Doc:      "With --persons FILE: a participant who speaks has no entry in the personography (by id), so the corpus gives them an id of this document's own making. Add them, or an alias for the label used here.",
	Run: func(p *Pass) {
		if p.Opts.Persons == nil {
			return
		}
		ids := map[string]bool{}
		for _, e := range p.Opts.Persons.Entries {
			ids[e.ID] = true
		}
		n := speaks(p.Doc)
		for _, per := range p.Doc.Persons {
			if n[per.ID] > 0 && !ids[per.ID] {
				p.Reportf(per.Pos, "participant %q (%s) is not in the personography", per.ID, per.Name)
			}
		}
	},
}
