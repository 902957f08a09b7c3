package validate

import (
	"strings"

	"github.com/teikit/teikit/transcript"
)

var corpusDuplicateID = &Rule{
	ID:       "corpus/duplicate-id",
	Severity: Error,
	Doc:      "Two documents of one run have the same document id (the last part of the citation URL, else the title): an archive or search index would keep only one of them. Documents with neither are not compared.",
	RunCorpus: func(docs []*Pass) {
		first := map[string]*Pass{}
		for _, p := range docs {
			id, ok := p.Doc.OwnID()
			if !ok {
				continue
			}
			if q, ok := first[id]; ok {
				p.Reportf(transcript.Pos{Line: 1, Col: 1}, "document id %q is also the id of %s", id, q.File)
				continue
			}
			first[id] = p
		}
	},
}

var corpusPersonConflict = &Rule{
	ID:       "corpus/person-conflict",
	Severity: Warning,
	Doc:      "Across the documents of one run, one participant id carries different names, or one speaker label is resolved to different ids: a shared personography would merge different people or split one.",
	RunCorpus: func(docs []*Pass) {
		type seen struct {
			value string
			file  string
		}
		names := map[string]seen{}
		labels := map[string]seen{}
		for _, p := range docs {
			for _, per := range p.Doc.Persons {
				if s, ok := names[per.ID]; ok && s.value != per.Name {
					p.Reportf(per.Pos, "participant %q is %q here but %q in %s", per.ID, per.Name, s.value, s.file)
				} else if !ok {
					names[per.ID] = seen{per.Name, p.File}
				}
			}
			done := map[string]bool{}
			for _, t := range p.Doc.Turns() {
				label := strings.ToLower(labelText(t.Label))
				if label == "" || done[label] {
					continue
				}
				done[label] = true
				if s, ok := labels[label]; ok && s.value != t.Who {
					p.Reportf(t.Pos, "label %q is %s here but %s in %s", labelText(t.Label), t.Who, s.value, s.file)
				} else if !ok {
					labels[label] = seen{t.Who, p.File}
				}
			}
		}
	},
}
