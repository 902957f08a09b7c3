package convert

import (
	"sort"
	"strconv"
	"strings"

	"github.com/teikit/teikit/transcript"
)

// person is a participant while the text is read: known from the title or
// a participants list, or from a label that opens blocks more than once.
type person struct {
	name   string
	key    string
	pos    transcript.Pos
	labels map[string]int    // label keys this person was addressed by
	first  int               // order of the first turn, -1 if none
	entry  *transcript.Entry // the personography's entry, when it has one
	p      *transcript.Person
}

// people resolves speaker labels to participants (SPEC §1, "Who is a
// speaker").
type people struct {
	known   []*person
	counts  map[string]int     // how many blocks each label key opens
	keys    map[string]string  // NameKey of each label seen, cached
	matched map[string]*person // participant of each label key matched so far
	turns   int
	book    *transcript.Personography // given with --persons, or nil

	// The known participants by key, and those of a key of several words
	// by its first and by its last word, as indexes into known: what
	// NamesMatch compares, found without trying every participant.
	byKey, byFirst, byLast map[string][]int
}

// key returns the name key of a label.
func (ps *people) key(label string) string {
	k, ok := ps.keys[label]
	if !ok {
		k = transcript.NameKey(label)
		ps.keys[label] = k
	}
	return k
}

func newPeople(r *textReader) *people {
	ps := &people{counts: map[string]int{}, keys: map[string]string{}, matched: map[string]*person{},
		byKey: map[string][]int{}, byFirst: map[string][]int{}, byLast: map[string][]int{}, book: r.persons}
	if t := r.doc.Title; t != nil {
		for _, name := range transcript.TitleNames(t.Text) {
			pos := t.Pos
			pos.Col += len([]rune(t.Text[:strings.Index(t.Text, name)]))
			ps.add(name, transcript.NameKey(name), pos)
		}
	}
	for _, b := range r.blocks {
		if isParticipantList(b) {
			off := b.start + len(b.lines[0]) + 1
			for _, line := range b.lines[1:] {
				name, _, _ := strings.Cut(strings.TrimSpace(line), ",")
				ps.add(name, transcript.NameKey(name), r.pos(off))
				off += len(line) + 1
			}
		}
		if label, _, ok := labelAt(b.lines[0]); ok {
			ps.counts[ps.key(label)]++
		}
	}
	return ps
}

func (ps *people) add(name, key string, pos transcript.Pos) *person {
	if i, ok := ps.byKey[key]; ok {
		return ps.known[i[0]]
	}
	p := &person{name: name, key: key, pos: pos, labels: map[string]int{}, first: -1}
	i := len(ps.known)
	ps.known = append(ps.known, p)
	ps.byKey[key] = []int{i}
	if w := strings.Fields(key); len(w) > 1 {
		ps.byFirst[w[0]] = append(ps.byFirst[w[0]], i)
		ps.byLast[w[len(w)-1]] = append(ps.byLast[w[len(w)-1]], i)
	}
	return p
}

// resolve returns the participant a label names, or nil when the label is
// not a speaker's.
func (ps *people) resolve(label string, pos transcript.Pos) *person {
	key := ps.key(label)
	found := ps.match(key)
	if found == nil {
		if e := ps.book.Match(label); e != nil {
			// A person of the personography is a known participant.
			found = ps.add(e.Name, transcript.NameKey(e.Name), pos)
			found.entry = e
		} else if ps.counts[key] < 2 {
			return nil
		} else {
			name := strings.TrimSpace(strings.NewReplacer("[", "", "]", "").Replace(label))
			found = ps.add(name, key, pos)
		}
	}
	found.labels[key]++
	if found.first < 0 {
		found.first = ps.turns
	}
	ps.turns++
	return found
}

// persons assigns ids and returns the participants: speakers in order of
// their first turn, then those who never speak, in order named.
func (ps *people) persons() []*transcript.Person {
	var speakers, silent []*person
	for _, p := range ps.known {
		if p.first >= 0 {
			speakers = append(speakers, p)
		} else {
			silent = append(silent, p)
		}
	}
	sort.SliceStable(speakers, func(i, j int) bool { return speakers[i].first < speakers[j].first })
	used := map[string]bool{}
	next := map[string]int{}
	// The personography's ids come first: no derived id may take one.
	for _, p := range ps.known {
		if p.entry == nil {
			p.entry = ps.book.Match(p.name)
		}
		if p.entry != nil && !used[p.entry.ID] {
			used[p.entry.ID] = true
			p.p = &transcript.Person{ID: p.entry.ID, Name: p.entry.Name, Idnos: p.entry.Idnos, Pos: p.pos}
		}
	}
	var out []*transcript.Person
	for _, p := range append(speakers, silent...) {
		if p.p != nil {
			out = append(out, p.p)
			continue
		}
		key := p.key
		best := 0
		for k, n := range p.labels {
			if n > best || (n == best && k < key) {
				key, best = k, n
			}
		}
		base := transcript.Slug(key)
		id := base
		for n := max(next[base], 2); used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
			next[base] = n + 1 // where the next person of this base starts counting
		}
		used[id] = true
		p.p = &transcript.Person{ID: id, Name: p.name, Pos: p.pos}
		out = append(out, p.p)
	}
	return out
}

func isParticipantList(b block) bool {
	head := strings.TrimRight(strings.TrimSpace(b.lines[0]), ":")
	return len(b.lines) > 1 && strings.EqualFold(head, "participants")
}

// wouldResolve reports whether resolve would take label as a speaker's,
// without counting a turn.
func (ps *people) wouldResolve(label string) bool {
	key := ps.key(label)
	return ps.match(key) != nil || ps.counts[key] >= 2 || ps.book.Match(label) != nil
}

// match returns the known participant a label key names, or nil.
func (ps *people) match(key string) *person {
	if p, ok := ps.matched[key]; ok {
		return p
	}
	// The first participant NamesMatch pairs with key: of the same key;
	// or, for a key of one word, of a longer key that opens or ends with
	// it; or, for a longer key, of the one-word key it opens or ends
	// with. Trying every participant is quadratic when there are many.
	var cands [][]int
	if w := strings.Fields(key); len(w) == 1 {
		cands = [][]int{ps.byKey[key], ps.byFirst[key], ps.byLast[key]}
	} else if len(w) > 1 {
		cands = [][]int{ps.byKey[key], ps.byKey[w[0]], ps.byKey[w[len(w)-1]]}
	}
	best := -1
	for _, c := range cands {
		if len(c) > 0 && (best < 0 || c[0] < best) {
			best = c[0]
		}
	}
	if best < 0 {
		return nil
	}
	p := ps.known[best]
	ps.matched[key] = p
	return p
}
