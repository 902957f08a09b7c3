package transcript

import (
	"strings"
	"unicode"
)

// honorifics are titles that may precede a surname in a speaker label
// ("Secretary Kissinger", "Mr. Colby", "Comrade Stalin").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "professor": true,
	"comrade": true, "senator": true, "general": true, "secretary": true,
	"ambassador": true, "minister": true, "president": true, "premier": true,
	"chairman": true, "prime": true, "marshal": true, "admiral": true,
	"colonel": true, "captain": true, "sir": true, "lord": true, "foreign": true,
	"deputy": true, "vice": true, "acting": true, "lieutenant": true,
	"governor": true, "representative": true, "congressman": true, "mister": true,
	"comrades": true, "generalissimo": true, "chancellor": true, "state": true,
}

// NameKey returns the comparison key of a name or label: editorial
// additions in brackets dropped (unless nothing else is left), leading
// titles and honorifics dropped, lower case, single spaces.
// "[Joseph] Stalin" and "Comrade Stalin" both give "stalin".
func NameKey(s string) string {
	core := dropBracketed(s)
	if strings.TrimSpace(core) == "" {
		core = strings.NewReplacer("[", "", "]", "").Replace(s)
	}
	words := strings.Fields(strings.ToLower(core))
	for len(words) > 1 && honorifics[strings.TrimSuffix(words[0], ".")] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

func dropBracketed(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// NamesMatch reports whether a label key and a participant's name key
// denote the same person: equal, or the one-word key is the other's
// surname (its last word, or its first, as Chinese names put it).
func NamesMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) > 1 && len(bw) > 1 {
		return false
	}
	short, long := aw, bw
	if len(aw) > len(bw) {
		short, long = bw, aw
	}
	return short[0] == long[len(long)-1] || short[0] == long[0]
}

// Slug turns a name key into an XML NCName usable as an id:
// "mao zedong" gives "mao-zedong".
func Slug(key string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(key) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if s == "" || !unicode.IsLetter([]rune(s)[0]) {
		s = "p-" + s
	}
	return strings.TrimSuffix(s, "-")
}

// TitleNames returns the participants a title names:
// "Record of a Meeting between T.V. Soong and Stalin" gives
// ["T.V. Soong", "Stalin"].
func TitleNames(title string) []string {
	rest := ""
	for _, marker := range []string{" between ", " with ", "Meeting of ", "Conversation of "} {
		if _, after, ok := strings.Cut(title, marker); ok {
			rest = after
			break
		}
	}
	if rest == "" {
		return nil
	}
	for _, stop := range []string{" on ", " in ", " at ", " about ", " regarding ", " concerning ", " during ", " (", ": "} {
		rest, _, _ = strings.Cut(rest, stop)
	}
	var names []string
	for _, part := range strings.Split(rest, ",") {
		for _, n := range strings.Split(part, " and ") {
			n = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(n), "and "))
			n = strings.TrimRight(n, ".")
			if n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}
