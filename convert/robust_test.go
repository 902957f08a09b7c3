package convert

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teikit/teikit/internal/golden"
)

// The inputs of these tests are generated here, not committed: SPEC §9's
// bad and large inputs, each refused with one exact line or accepted and
// round-tripped. None is timed; TestPathologicalInputs would simply never
// end if a reader were quadratic.

const (
	teiOpen  = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div>`
	teiClose = `</div></body></text></TEI>`
	// jsonOpen opens a paragraph's content; jsonSupplied a supplied in it.
	jsonOpen     = `{"teikit": "1", "sections": [], "participants": [], "body": [{"type": "paragraph", "content": `
	jsonSupplied = `[{"type": "supplied", "content": `
	// speakers is a title naming the two speakers of generated transcripts.
	speakers = "### **Meeting between Stalin and Soong**\n\n"
	// utterance is one paragraph with editorial markup, 100 bytes long.
	utterance = "No [sic] news of Chiang [Kai-shek] (?) from Port Arthur [Lüshunkou] today (He laughs). Next item."
)

// turns returns a transcript of n turns, Stalin and Soong in turn, each
// saying text.
func turns(n int, text string) string {
	var b strings.Builder
	b.Grow(len(speakers) + n*(len(text)+10))
	b.WriteString(speakers)
	for i := range n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if i%2 == 0 {
			b.WriteString("Stalin: ")
		} else {
			b.WriteString("Soong: ")
		}
		b.WriteString(text)
	}
	b.WriteByte('\n')
	return b.String()
}

// transcriptOfSize returns a transcript of exactly size bytes: turns of
// the utterance, the last one padded.
func transcriptOfSize(size int) string {
	turn := len("Stalin: ") + len(utterance) + 2
	s := turns(size/turn-1, utterance)
	pad := size - len(s) - len("\nSoong: ") - 1
	return s + "\nSoong: " + strings.Repeat("x", pad) + "\n"
}

func readFormat(format, name string, src []byte) error {
	_, err := Readers[format](name, src)
	return err
}

// TestRobustBadInput refuses each bad or oversized input with one exact
// line naming the file, the position when there is one, and the limit.
func TestRobustBadInput(t *testing.T) {
	bad := func(file string) func() []byte {
		return func() []byte { return readFile(t, filepath.Join("..", "testdata", "bad", file)) }
	}
	str := func(s string) func() []byte { return func() []byte { return []byte(s) } }
	// lazy makes a large input only when its case runs.
	lazy := func(f func() string) func() []byte { return func() []byte { return []byte(f()) } }
	tests := []struct {
		name, format string
		src          func() []byte
		want         string
	}{
		{"deep.xml", "tei", lazy(func() string {
			return teiOpen + strings.Repeat("<p>", 100_000) + strings.Repeat("</p>", 100_000) + teiClose
		}),
			// The 257th element: TEI, text, body, div, then the 253rd p.
			fmt.Sprintf("deep.xml:1:%d: XML elements nested more than 256 deep (limit 256; raise it with --max-depth)", len(teiOpen)+252*3+1)},
		{"attribute.xml", "tei", lazy(func() string { return teiOpen + `<pb n="` + strings.Repeat("x", 50<<20) + `"/>` + teiClose }),
			fmt.Sprintf("attribute.xml:1:%d: attribute n of <pb> is 50 MiB, too long (limit 16 MiB; raise it with --max-token-size)", len(teiOpen)+1)},
		{"text.xml", "tei", lazy(func() string {
			return teiOpen + "\n<p>" + strings.Repeat("Stalin &amp; Soong met. ", 1<<20) + "</p>" + teiClose
		}),
			"text.xml:2:1: text in <p> is 20 MiB, too long (limit 16 MiB; raise it with --max-token-size)"},
		{"comment.xml", "tei", lazy(func() string { return teiOpen + "<!--" + strings.Repeat("-x", 9<<20) + "-->" + teiClose }),
			fmt.Sprintf("comment.xml:1:%d: comment in <div> is 18 MiB, too long (limit 16 MiB; raise it with --max-token-size)", len(teiOpen)-len("<div>")+1)},
		{"billion-laughs.xml", "tei", bad("billion-laughs.xml"),
			"billion-laughs.xml:8: not well-formed XML: invalid character entity &lol3; (teikit expands only the five predefined XML entities and character references; declared and external entities are refused)"},
		{"xxe.xml", "tei", bad("xxe.xml"),
			"xxe.xml:6: not well-formed XML: invalid character entity &xxe; (teikit expands only the five predefined XML entities and character references; declared and external entities are refused)"},
		{"big.xml", "tei", lazy(func() string { return teiOpen + strings.Repeat("<p>Stalin and Soong.</p>", 3<<20) + teiClose }),
			"big.xml: input is 72.0 MiB, too large (limit 64 MiB; raise it with --max-input-size)"},
		{"deep.json", "json", lazy(func() string { return strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) }),
			"deep.json:1:513: JSON values nested more than 512 deep (limit 512, twice the XML depth limit; raise it with --max-depth)"},
		// Three levels open before the first supplied, each one two more:
		// the object of the 255th is the 513th level.
		{"deep-inline.json", "json", lazy(func() string {
			return jsonOpen + strings.Repeat(jsonSupplied, 50_000) + "[]" + strings.Repeat("}]", 50_000) + "}]}"
		}),
			fmt.Sprintf("deep-inline.json:1:%d: JSON values nested more than 512 deep (limit 512, twice the XML depth limit; raise it with --max-depth)", len(jsonOpen)+254*len(jsonSupplied)+2)},
		{"control.json", "json", str(`{"teikit": "1", "title": {"text": "bell \u0007"}, "sections": [], "participants": [], "body": []}`),
			"control.json:1:41: character U+0007, which XML and so TEI cannot hold"},
		{"big.txt", "text", lazy(func() string { return transcriptOfSize(100 << 20) }),
			"big.txt: input is 100 MiB, too large (limit 64 MiB; raise it with --max-input-size)"},
		{"long-line.txt", "text", lazy(func() string { return turns(2, "Short.") + "\n" + strings.Repeat("Long. ", 3<<20) + "\n" }),
			"long-line.txt:7:1: line is 18 MiB, too long (limit 16 MiB; raise it with --max-token-size)"},
		{"deep.txt", "text", lazy(func() string { return turns(2, strings.Repeat("[", 100_000)+"x"+strings.Repeat("]", 100_000)) }),
			"deep.txt:3:258: editorial markup nested more than 249 deep, deeper than TEI can hold (limit 256 XML levels; raise it with --max-depth)"},
		// "[[a] [sic]] [sic]" nests supplied and sic in turn, two levels
		// per bracket: too deep at the 125th bracket.
		{"sics.txt", "text", str(turns(2, strings.Repeat("[", 125)+"a"+strings.Repeat("] [sic]", 125))),
			"sics.txt:3:133: editorial markup nested more than 249 deep, deeper than TEI can hold (limit 256 XML levels; raise it with --max-depth)"},
		{"control.txt", "text", str(turns(2, "A bell \a rings.")),
			"control.txt:3:16: character U+0007, which XML and so TEI cannot hold"},
		{"nonchar.txt", "text", str(turns(2, "Not a character: \uffff.")),
			"nonchar.txt:3:26: character U+FFFF, which XML and so TEI cannot hold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := readFormat(tt.format, tt.name, tt.src())
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
	// The schema check that validation runs alone refuses deep JSON the
	// same way, before the validator recurses into it.
	err := CheckJSONSchema("deep.json", []byte(strings.Repeat("{\"a\": ", 100_000)+"1"+strings.Repeat("}", 100_000)))
	if want := "deep.json:1:3073: JSON values nested more than 512 deep (limit 512, twice the XML depth limit; raise it with --max-depth)"; err == nil || err.Error() != want {
		t.Errorf("CheckJSONSchema error:\n got %v\nwant %s", err, want)
	}
}

// roundTrip checks that a transcript reads, and that text → text,
// text → TEI → text and, with viaJSON, text → JSON → text give its normal
// form. teikit's JSON is 25 to 75 times the size of the text, so that of
// a large transcript is beyond the default input size limit.
func roundTrip(t *testing.T, name, src string, s TextSettings, viaJSON bool) {
	t.Helper()
	want, err := Normalize(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadTextWith(name, []byte(src), s)
	if err != nil {
		t.Fatal(err)
	}
	check := func(how string, got []byte, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if string(got) != want {
			t.Fatalf("%s differs from the normal form:\n%s", how, golden.Diff("normal form", []byte(want), how, got))
		}
	}
	direct, err := WriteText(doc)
	check("text → text", direct, err)
	limits := s.Limits
	tei, err := WriteTEI(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ReadTEIWith(name+".tei.xml", tei, TEISettings{Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	viaTEI, err := WriteText(back)
	check("text → TEI → text", viaTEI, err)
	if !viaJSON {
		return
	}
	js, err := WriteJSON(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err = ReadJSONWith(name+".json", js, JSONSettings{Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := WriteText(back)
	check("text → JSON → text", fromJSON, err)
}

// TestLongLine10MB accepts a line of 10 MB and round-trips it.
func TestLongLine10MB(t *testing.T) {
	roundTrip(t, "long-line.txt", turns(3, strings.Repeat("Long, [very] long. ", 10_000_000/19)), TextSettings{}, false)
}

// TestTurns100000 accepts 100,000 turns and round-trips them.
func TestTurns100000(t *testing.T) {
	roundTrip(t, "turns.txt", turns(100_000, utterance), TextSettings{}, false)
}

// TestLargeTranscript100MB reads a transcript of 100 MiB, refused by
// default (TestRobustBadInput), with the size limit raised.
func TestLargeTranscript100MB(t *testing.T) {
	if testing.Short() {
		t.Skip("a 100 MiB transcript")
	}
	src := transcriptOfSize(100 << 20)
	doc, err := ReadTextWith("big.txt", []byte(src), TextSettings{Limits: Limits{MaxInputBytes: 128 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	if n, want := len(doc.Turns()), strings.Count(src, "\n\n"); n != want {
		t.Errorf("%d turns, want %d", n, want)
	}
	out, err := WriteText(doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != src {
		t.Errorf("text → text changes the 100 MiB transcript")
	}
}

// TestDepthLimit accepts editorial markup nested as deep as TEI can hold
// in a list item, the deepest place, and refuses one level more unless
// the limit is raised.
func TestDepthLimit(t *testing.T) {
	nested := func(n int) string {
		return turns(2, "Items:") + "\n1) " + strings.Repeat("[", n) + "x" + strings.Repeat("]", n) + "\n"
	}
	roundTrip(t, "deepest.txt", nested(249), TextSettings{}, true)
	_, err := ReadText("deeper.txt", []byte(nested(250)))
	if want := "deeper.txt:7:253: editorial markup nested more than 249 deep, deeper than TEI can hold (limit 256 XML levels; raise it with --max-depth)"; err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
	roundTrip(t, "raised.txt", nested(300), TextSettings{Limits: Limits{MaxXMLDepth: 307}}, true)
}

// TestNotNFC keeps text that is valid UTF-8 but not in NFC exactly as
// found: "e" and a combining acute accent stay two characters.
func TestNotNFC(t *testing.T) {
	src := turns(4, "Caf\u0065\u0301 [R\u0065\u0301sum\u00e9] \u212b.")
	roundTrip(t, "nfd.txt", src, TextSettings{}, true)
	doc, err := ReadText("nfd.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tei, err := WriteTEI(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(tei), "Cafe\u0301 <supplied>Re\u0301sum\u00e9</supplied> \u212b.") {
		t.Errorf("the TEI does not keep the characters as found")
	}
}

// TestPathologicalInputs reads inputs of 2 MB built to make a naive
// reader quadratic: each would take hours if one were. They are accepted
// or refused; either is fine, as long as it ends.
func TestPathologicalInputs(t *testing.T) {
	const n = 2 << 20
	inputs := map[string]struct{ format, src string }{
		"unclosed-parens":   {"text", turns(2, strings.Repeat("(", n))},
		"unclosed-brackets": {"text", turns(2, strings.Repeat("[x", n/2))},
		"nested-parens":     {"text", turns(2, strings.Repeat("(", n/2)+strings.Repeat(")", n/2))},
		"many-sics":         {"text", turns(2, strings.Repeat("a [sic] ", n/8))},
		"supplied-then-sic": {"text", turns(2, strings.Repeat("[x] ", n/4)+"a [sic]")},
		"stage-run":         {"text", turns(2, "x") + "\n" + strings.Repeat("(He laughs)\n\n", n/13) + "Text.\n\nStalin: y\n"},
		"contents-entries":  {"text", "#### **Contents:**\n\n" + strings.Repeat("A - B\n\n", n/7) + turns(2, "x")},
		"section-paras":     {"text", "#### **Summary:**\n\n" + strings.Repeat("A.\n\n", n/4) + "#### **Credits:**\n\nX.\n\n" + turns(2, "x")},
		"distinct-speakers": {"text", distinctSpeakers(n, false)},
		"one-slug-speakers": {"text", distinctSpeakers(n, true)},
		"tei-comments":      {"tei", teiOpen + "<p>" + strings.Repeat("a<!---->", n/8) + "</p>" + teiClose},
		"json-texts": {"json", `{"teikit": "1", "sections": [], "participants": [], "body": [{"type": "paragraph", "content": [` +
			strings.Repeat(`{"type": "text", "text": "a"}, `, n/32) + `{"type": "query"}]}]}`},
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			err := readFormat(in.format, name, []byte(in.src))
			if err != nil {
				checkRefusal(t, err)
			}
		})
	}
}

// distinctSpeakers returns a transcript of about size bytes in which many
// speakers each speak twice; with oneSlug their labels differ only in
// punctuation, so that their ids all start from the same slug.
func distinctSpeakers(size int, oneSlug bool) string {
	var b strings.Builder
	b.WriteString(speakers)
	for i := 0; b.Len() < size; i++ {
		label := ""
		for k := i; ; k /= 4 {
			if oneSlug {
				label += string("-'. "[k%4])
			} else {
				label += string(rune('a' + k%4))
			}
			if k < 4 {
				break
			}
		}
		label = "A" + label + "b"
		fmt.Fprintf(&b, "%s: x\n\n%s: y\n\n", label, label)
	}
	b.WriteString("Stalin: z\n")
	return b.String()
}
