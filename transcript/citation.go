package transcript

import (
	"strings"
)

// Citation is the "Citation:" section parsed into fields. Raw is the
// citation as found; every field is a substring of it, located by a Span.
type Citation struct {
	Raw        string
	Title      string
	Date       string // as found
	When       string // ISO form of Date
	Publisher  string
	Collection string
	Repository string
	Scopes     []string // "box 6", "folder 9", …
	Resp       []Resp   // "Contributed by David Wolff"
	URL        string
	Spans      []Span // the fields' places in Raw, in order, not overlapping
}

// Resp is a statement of responsibility in a citation.
type Resp struct {
	Role string // "Contributed by", "Translated by"
	Name string
}

// SpanKind names the field a Span marks.
type SpanKind string

// The fields of a citation.
const (
	SpanTitle      SpanKind = "title"
	SpanDate       SpanKind = "date"
	SpanPublisher  SpanKind = "publisher"
	SpanCollection SpanKind = "collection"
	SpanScope      SpanKind = "scope"
	SpanRepository SpanKind = "repository"
	SpanResp       SpanKind = "resp"
	SpanURL        SpanKind = "url"
)

// Span marks Raw[Start:End] as a field. For SpanResp, Raw[Start:Mid] is the
// role and Raw[Mid+1:End] the name; for SpanScope, Unit names the unit.
type Span struct {
	Kind       SpanKind
	Start, End int
	Mid        int
	Unit       string
}

// Text returns the spanned text of raw.
func (s Span) Text(raw string) string { return raw[s.Start:s.End] }

// scopeUnits are the archival units a citation segment may open with.
var scopeUnits = map[string]string{
	"box": "box", "folder": "folder", "file": "file", "reel": "reel",
	"fond": "fond", "f.": "fond", "opis": "opis", "op.": "opis",
	"delo": "delo", "d.": "delo", "list": "list", "listy": "list",
	"l.": "list", "ll.": "list", "page": "page", "pages": "page", "p.": "page",
	"pp.": "page", "sheet": "sheet", "item": "item", "document": "document",
}

// ParseCitation parses a Wilson Center style citation:
//
//	"TITLE", DATE, PUBLISHER, COLLECTION, box N, folder N, REPOSITORY. Contributed by NAME. <URL>
//
// Parts it cannot find are left empty; it never fails.
func ParseCitation(raw string) *Citation {
	c := &Citation{Raw: raw}
	p := &citeParser{c: c, s: raw}
	p.parse()
	return c
}

type citeParser struct {
	c   *Citation
	s   string
	pos int
}

func (p *citeParser) add(sp Span) {
	p.c.Spans = append(p.c.Spans, sp)
	text := sp.Text(p.s)
	switch sp.Kind {
	case SpanTitle:
		p.c.Title = text
	case SpanDate:
		p.c.Date = text
		p.c.When, _ = ParseDate(text)
	case SpanPublisher:
		p.c.Publisher = text
	case SpanCollection:
		p.c.Collection = text
	case SpanRepository:
		p.c.Repository = text
	case SpanScope:
		p.c.Scopes = append(p.c.Scopes, text)
	case SpanResp:
		p.c.Resp = append(p.c.Resp, Resp{Role: p.s[sp.Start:sp.Mid], Name: p.s[sp.Mid+1 : sp.End]})
	case SpanURL:
		p.c.URL = text
	}
}

func (p *citeParser) parse() {
	s := p.s
	end := len(s)
	// The URL closes the citation, in angle brackets or bare.
	if i := strings.LastIndex(s, "<http"); i >= 0 && strings.HasSuffix(strings.TrimSpace(s), ">") {
		j := strings.LastIndex(s, ">")
		defer p.add(Span{Kind: SpanURL, Start: i + 1, End: j})
		end = i
	} else if i := strings.LastIndex(s, "http"); i >= 0 && !strings.ContainsAny(s[i:], " \t") {
		defer p.add(Span{Kind: SpanURL, Start: i, End: len(s)})
		end = i
	}
	body := s[:end]
	// The title, in straight or curly quotes.
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		if strings.HasPrefix(body, q[0]) {
			if j := strings.Index(body[len(q[0]):], q[1]); j > 0 {
				p.add(Span{Kind: SpanTitle, Start: len(q[0]), End: len(q[0]) + j})
				p.pos = len(q[0]) + j + len(q[1])
			}
			break
		}
	}
	p.skip(body, ", ")
	if iso, rest := ParseDate(body[p.pos:]); iso != "" {
		dend := len(body) - len(rest)
		p.add(Span{Kind: SpanDate, Start: p.pos, End: dend})
		p.pos = dend
	}
	p.skip(body, ", ")
	// The archival sentence runs to the first ". " after the date.
	sentEnd := strings.Index(body[p.pos:], ". ")
	if sentEnd < 0 {
		sentEnd = len(strings.TrimRight(body, ". ")) - p.pos
	}
	p.archival(p.pos, p.pos+sentEnd)
	p.pos += sentEnd
	p.resps(body)
}

func (p *citeParser) skip(s, sep string) {
	if strings.HasPrefix(s[p.pos:], sep) {
		p.pos += len(sep)
	}
}

// archival marks up "PUBLISHER, COLLECTION, box 6, folder 9, REPOSITORY".
func (p *citeParser) archival(start, end int) {
	type seg struct{ a, b int }
	var segs []seg
	for a := start; a < end; {
		b := strings.Index(p.s[a:end], ", ")
		if b < 0 {
			b = end - a
		}
		segs = append(segs, seg{a, a + b})
		a += b + 2
	}
	if len(segs) == 0 {
		return
	}
	first := 0
	if strings.Contains(p.s[segs[0].a:segs[0].b], "Archive") || strings.Contains(p.s[segs[0].a:segs[0].b], "Wilson Center") {
		p.add(Span{Kind: SpanPublisher, Start: segs[0].a, End: segs[0].b})
		first = 1
	}
	rest := segs[first:]
	if len(rest) == 0 {
		return
	}
	repo := -1
	if len(rest) > 1 || scopeUnit(p.s[rest[0].a:rest[0].b]) == "" {
		repo = len(rest) - 1
	}
	for i, sg := range rest {
		text := p.s[sg.a:sg.b]
		switch {
		case scopeUnit(text) != "":
			p.add(Span{Kind: SpanScope, Start: sg.a, End: sg.b, Unit: scopeUnit(text)})
		case i == repo:
			p.add(Span{Kind: SpanRepository, Start: sg.a, End: sg.b})
		case p.c.Collection == "":
			p.add(Span{Kind: SpanCollection, Start: sg.a, End: sg.b})
		}
	}
}

func scopeUnit(seg string) string {
	w, _, ok := strings.Cut(seg, " ")
	if !ok {
		return ""
	}
	return scopeUnits[strings.ToLower(w)]
}

// resps marks up the sentences "Contributed by X." and "Translated by Y.".
func (p *citeParser) resps(body string) {
	for p.pos < len(body) {
		p.pos += len(body[p.pos:]) - len(strings.TrimLeft(body[p.pos:], ". "))
		if p.pos >= len(body) {
			return
		}
		end := strings.Index(body[p.pos:], ". ")
		if end < 0 {
			end = len(strings.TrimRight(body[p.pos:], ". "))
		}
		sent := body[p.pos : p.pos+end]
		if i := strings.Index(sent, " by "); i > 0 && i+4 < len(sent) {
			p.add(Span{Kind: SpanResp, Start: p.pos, Mid: p.pos + i + 3, End: p.pos + end})
		}
		p.pos += end
	}
}
