package validate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/teikit/teikit/transcript"
)

var editorialUnbalanced = &Rule{
	ID:       "editorial/unbalanced",
	Severity: Error,
	Doc:      "A square bracket or parenthesis is opened and not closed, or closed and not opened, within a paragraph. Brackets mark editorial additions and parentheses stage directions, so a lost one changes the encoding.",
	Run: func(p *Pass) {
		forEachText(p.Doc, func(content []transcript.Inline) {
			type open struct {
				c   rune
				pos transcript.Pos
			}
			var stack []open
			for _, n := range content {
				t, ok := n.(*transcript.Text)
				if !ok {
					continue
				}
				col := 0
				for _, c := range t.Value {
					pos := t.Pos
					if pos.IsValid() {
						pos.Col += col
					}
					col++
					switch c {
					case '(', '[':
						stack = append(stack, open{c, pos})
					case ')', ']':
						want := '('
						if c == ']' {
							want = '['
						}
						if len(stack) == 0 || stack[len(stack)-1].c != want {
							p.Reportf(pos, "%q closes nothing", string(c))
							continue
						}
						stack = stack[:len(stack)-1]
					}
				}
			}
			for _, o := range stack {
				p.Reportf(o.pos, "%q is never closed", string(o.c))
			}
		})
	},
}

// forEachText calls f with the inline content of every paragraph-like
// node: heads, paragraphs, list items, stage directions, labels.
func forEachText(d *transcript.Document, f func([]transcript.Inline)) {
	transcript.Inspect(d, func(n transcript.Node) {
		switch n := n.(type) {
		case *transcript.Head:
			f(n.Content)
		case *transcript.Para:
			f(n.Content)
		case *transcript.Stage:
			f(n.Content)
		case *transcript.List:
			for _, it := range n.Items {
				f(it.Content)
			}
		case *transcript.Turn:
			f(n.Label)
		}
	})
}

// nameUse is one occurrence of a proper name in the text.
type nameUse struct {
	name string
	pos  transcript.Pos
}

// properNames finds runs of two or more capitalised words in text nodes
// ("Chang Tso-lin", "Port Arthur").
func properNames(d *transcript.Document) []nameUse {
	var out []nameUse
	forEachText(d, func(content []transcript.Inline) {
		for _, n := range content {
			t, ok := n.(*transcript.Text)
			if !ok {
				continue
			}
			words := wordsOf(t.Value)
			for i := 0; i < len(words); {
				j := i
				for j < len(words) && capitalised(words[j].w) && !words[j].endsSentence {
					j++
				}
				if j < len(words) && capitalised(words[j].w) {
					j++ // a sentence-final word may close a name
				}
				if j-i >= 2 {
					var parts []string
					for _, w := range words[i:j] {
						parts = append(parts, w.w)
					}
					pos := t.Pos
					if pos.IsValid() {
						pos.Col += words[i].col
					}
					out = append(out, nameUse{strings.Join(parts, " "), pos})
				}
				i = max(j, i+1)
			}
		}
	})
	return out
}

type word struct {
	w            string
	col          int // rune offset in the text
	endsSentence bool
}

func wordsOf(s string) []word {
	var out []word
	col := 0
	for _, f := range strings.Fields(s) {
		i := strings.Index(s, f)
		col += utf8.RuneCountInString(s[:i])
		s = s[i+len(f):]
		trimmed := strings.TrimRight(f, ".,;:?!)]'\"")
		trimmed = strings.TrimLeft(trimmed, "(['\"")
		ends := trimmed != f && strings.ContainsAny(f[len(strings.TrimRight(f, ".,;:?!)]'\"")):], ".,;:?!")
		out = append(out, word{trimmed, col, ends})
		col += utf8.RuneCountInString(f)
	}
	return out
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 && strings.IndexFunc(w, unicode.IsLower) >= 0
}

var editorialNameVariant = &Rule{
	ID:       "editorial/name-variant",
	Severity: Warning,
	Doc:      "Two proper names of the text are nearly the same (edit distance 2 or less, ten or more letters, same first word): likely a slip of the note-taker (\"Chang Tso-lin\" and \"Chang Tso-lun\"). The converter keeps both as found; the rarer one is reported.",
	Run: func(p *Pass) {
		uses := properNames(p.Doc)
		count := map[string]int{}
		first := map[string]transcript.Pos{}
		for _, u := range uses {
			if count[u.name] == 0 {
				first[u.name] = u.pos
			}
			count[u.name]++
		}
		// Only names with the same first word are compared.
		groups := map[string][]string{}
		for n := range count {
			if utf8.RuneCountInString(n) >= 10 {
				first, _, _ := strings.Cut(n, " ")
				groups[first] = append(groups[first], n)
			}
		}
		for _, names := range groups {
			sort.Strings(names)
			for i, a := range names {
				for _, b := range names[i+1:] {
					if !nearNames(a, b) {
						continue
					}
					rare, common := a, b
					if count[a] > count[b] || count[a] == count[b] && first[a].Line < first[b].Line {
						rare, common = b, a
					}
					end := first[rare]
					end.Col += utf8.RuneCountInString(rare)
					p.ReportSpan(first[rare], end, "%q is nearly %q (%d× from line %d): a variant spelling?", rare, common, count[common], first[common].Line)
				}
			}
		}
	},
}

func nearNames(a, b string) bool {
	if utf8.RuneCountInString(a) < 10 || utf8.RuneCountInString(b) < 10 {
		return false
	}
	fa, _, _ := strings.Cut(a, " ")
	fb, _, _ := strings.Cut(b, " ")
	if fa != fb {
		return false
	}
	d := levenshtein.ComputeDistance(a, b)
	return d > 0 && d <= 2
}
