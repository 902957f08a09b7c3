package transcript

// Personography maps the names and labels a corpus uses for its people to
// stable ids, full names and authority ids, so that one person carries one
// id in every document.
type Personography struct {
	Entries []*Entry
	keys    map[string]*Entry // name key of every name and alias
}

// Entry is one person of a personography.
type Entry struct {
	ID      string   // the id every document gives the person
	Name    string   // the full name, for persName
	Aliases []string // other names and labels: "Stalin", "Comrade Stalin"
	Idnos   []Idno
	Pos     Pos // where the entry stands in its file
}

// Add adds an entry; it returns the entry already holding one of its
// names, if any, and does not add it then.
func (p *Personography) Add(e *Entry) *Entry {
	if p.keys == nil {
		p.keys = map[string]*Entry{}
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, n := range names {
		if other, ok := p.keys[NameKey(n)]; ok && other != e {
			return other
		}
	}
	for _, n := range names {
		p.keys[NameKey(n)] = e
	}
	p.Entries = append(p.Entries, e)
	return nil
}

// Match returns the entry a label or name denotes: one whose name or alias
// has the same key, or, failing that, the only entry whose name matches
// it as a surname does (NamesMatch). It returns nil when there is none or
// the surname is ambiguous.
func (p *Personography) Match(label string) *Entry {
	if p == nil {
		return nil
	}
	key := NameKey(label)
	if e, ok := p.keys[key]; ok {
		return e
	}
	var found *Entry
	for k, e := range p.keys {
		if NamesMatch(key, k) {
			if found != nil && found != e {
				return nil
			}
			found = e
		}
	}
	return found
}
