package transcript

import (
	"net/url"
	"strings"
)

// ID returns an identifier for the document, for indexes and corpora:
// the last path segment of the citation URL when the first paragraph of
// the Citation section gives one ("122505" for
// <https://digitalarchive.umd.edu/document/122505>), else the slug of the
// title, else "document". It is stable: the same document always gets the
// same id, whatever format it was read from.
func (d *Document) ID() string {
	if id, ok := d.OwnID(); ok {
		return id
	}
	return "document"
}

// OwnID returns the document's id from its citation URL or title, and
// false when it has neither.
func (d *Document) OwnID() (string, bool) {
	if s := d.Section(SectionCitation); s != nil && len(s.Paras) > 0 {
		if id := lastSegment(ParseCitation(s.Paras[0].Value).URL); id != "" {
			return id, true
		}
	}
	if d.Title != nil && strings.TrimSpace(d.Title.Text) != "" {
		return Slug(d.Title.Text), true
	}
	return "", false
}

// lastSegment returns the last non-empty segment of a URL's path, or "".
func lastSegment(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	p := strings.TrimRight(u.Path, "/")
	return p[strings.LastIndex(p, "/")+1:]
}
