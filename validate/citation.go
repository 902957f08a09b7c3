package validate

import (
	"net/url"

	"github.com/teikit/teikit/transcript"
)

// citation returns the document's parsed citation and where it stands, or
// nil when there is none.
func citation(d *transcript.Document) (*transcript.Citation, transcript.Pos) {
	s := d.Section(transcript.SectionCitation)
	if s == nil || len(s.Paras) == 0 {
		return nil, transcript.Pos{}
	}
	return transcript.ParseCitation(s.Paras[0].Value), s.Paras[0].Pos
}

var citationMissing = &Rule{
	ID:       "citation/missing",
	Severity: Error,
	Doc:      "The document has no citation (a \"Citation:\" section, or sourceDesc/bibl in TEI). Without it a published record cannot be traced to its archive.",
	Run: func(p *Pass) {
		if c, _ := citation(p.Doc); c == nil {
			p.Reportf(transcript.Pos{Line: 1, Col: 1}, "no citation: the document has no Citation section")
		}
	},
}

var citationFieldMissing = &Rule{
	ID:       "citation/field-missing",
	Severity: Error,
	Doc:      "The citation lacks a part teikit looks for: its title (in quotes), date, publisher or URL are errors; the archival source (collection, box, folder, repository) and a contributor or translator (\"Contributed by …\") are warnings. A TEI citation that is not in the archive's form at all gets one info instead.",
	Run: func(p *Pass) {
		c, pos := citation(p.Doc)
		if c == nil {
			return
		}
		if p.Format == "tei" && c.Title == "" && c.URL == "" {
			// TEI written by others cites in its own way.
			p.ReportAt(Info, pos, "citation is not in the archive's form (\"TITLE\", DATE, PUBLISHER, …, <URL>): its fields were not checked")
			return
		}
		for _, f := range []struct {
			missing bool
			sev     Severity
			what    string
		}{
			{c.Title == "", Error, "title (in quotes, first)"},
			{c.Date == "", Error, "date (after the title)"},
			{c.Publisher == "", Error, "publisher"},
			{c.URL == "", Error, "URL (last, in angle brackets)"},
			{c.Repository == "" && c.Collection == "" && len(c.Scopes) == 0, Warning, "archival source (collection, box, folder, repository)"},
			{len(c.Resp) == 0, Warning, "contributor or translator (\"Contributed by …\")"},
		} {
			if f.missing {
				p.ReportAt(f.sev, pos, "citation has no %s", f.what)
			}
		}
	},
}

var citationTitleMismatch = &Rule{
	ID:       "citation/title-mismatch",
	Severity: Error,
	Doc:      "The title in the citation differs from the document's title: one of them was edited without the other.",
	Run: func(p *Pass) {
		c, pos := citation(p.Doc)
		if c == nil || c.Title == "" || p.Doc.Title == nil || c.Title == p.Doc.Title.Text {
			return
		}
		p.Reportf(pos, "citation title %q differs from the document title %q", c.Title, p.Doc.Title.Text)
	},
}

var citationDateMismatch = &Rule{
	ID:       "citation/date-mismatch",
	Severity: Error,
	Doc:      "The date in the citation differs from the document date or from the date in the transcript's dateline (compared as dates, not as strings).",
	Run: func(p *Pass) {
		c, pos := citation(p.Doc)
		if c == nil || c.When == "" {
			return
		}
		if d := p.Doc.Date; d != nil && d.When != "" && d.When != c.When {
			p.Reportf(pos, "citation date %s (%q) differs from the document date %s (%q)", c.When, c.Date, d.When, d.Text)
		}
		for _, b := range p.Doc.Body {
			if dl, ok := b.(*transcript.Dateline); ok && dl.When != "" && len(c.When) == len(dl.When) && dl.When != c.When {
				p.Reportf(pos, "citation date %s (%q) differs from the dateline's %s (%q, %s)", c.When, c.Date, dl.When, dl.Text, at(dl.Pos))
			}
		}
	},
}

var citationURL = &Rule{
	ID:       "citation/url",
	Severity: Error,
	Doc:      "The citation's URL is not an absolute http or https URL, so it cannot be followed or used as the document's identifier.",
	Run: func(p *Pass) {
		c, pos := citation(p.Doc)
		if c == nil || c.URL == "" {
			return
		}
		u, err := url.Parse(c.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p.Reportf(pos, "citation URL %q is not an absolute http(s) URL", c.URL)
		}
	},
}
