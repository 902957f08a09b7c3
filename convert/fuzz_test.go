package convert

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teikit/teikit/internal/golden"
)

// The fuzz targets hold the readers to SPEC §9: no panic, no hang, every
// refusal a one-line *Error, and whatever reads, round-trips. Their seeds
// are small, cut from testdata: the fuzzer minimises what it finds, and a
// seed of 150 kB stalls it for minutes. What they find is kept under
// testdata/fuzz/FuzzXxx/, which plain go test replays.

// smallSeed is a transcript with most constructs of SPEC §1 in 600 bytes.
const smallSeed = "## **July 2, 1945**\n\n### **Meeting of Stalin and Soong**\n\n#### **Citation:**\n\n\"Meeting\", July 2, 1945, Wilson Center Digital Archive. <https://example.org/document/1>\n\n#### **Keywords:**\n\nTreaty & \"friends\" <b>\n\nNotes  \nMoscow\n\n2 July 1945, 8:00 - 10:30 p.m.\n\n" +
	"Stalin: No [sic] news, Chiang [Kai-shek] (?) (He laughs).\n\n(Pavlov reads)\n\n(p. 2)\n\n1) One\n\n2) Two\n\n[T.V.] Soong: Good news (Warsaw) in a paragraph long enough to be cut off by the page break of\n\nthe typescript.\n\nAim: text.\n\nSoong: Again.\n"

// memconSeed opens with a participants block, in CRLF with a BOM.
const memconSeed = "\xef\xbb\xbf\r\n### **Memorandum of Conversation**\r\n\r\nPARTICIPANTS:\r\nHenry Kissinger, Secretary of State\r\nMr. Colby\r\n\r\nSecretary Kissinger: Good. \r\n\r\nMr. Colby: Yes.\r\n\r\nKissinger: e\u0301 \u00e9"

// cutBlocks returns the first blocks of a transcript that fit in max
// bytes (at least one), in normal form.
func cutBlocks(t testing.TB, path string, max int) []byte {
	t.Helper()
	norm, err := Normalize(path, readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	size := 0
	for _, b := range strings.Split(strings.TrimSuffix(norm, "\n"), "\n\n") {
		if size+len(b) > max && len(out) > 0 {
			break
		}
		out = append(out, b)
		size += len(b) + 2
	}
	return []byte(strings.Join(out, "\n\n") + "\n")
}

// textSeeds are the hand-made seeds and every transcript of testdata, cut
// to 1.5 kB.
func textSeeds(t testing.TB) [][]byte {
	seeds := [][]byte{[]byte(smallSeed), []byte(memconSeed)}
	for _, f := range transcripts(t) {
		seeds = append(seeds, cutBlocks(t, f, 1500))
	}
	return seeds
}

// checkRefusal fails unless err is a one-line *Error.
func checkRefusal(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("refusal is a %T, not a *convert.Error: %v", err, err)
	}
	if strings.ContainsAny(err.Error(), "\r\n") {
		t.Fatalf("refusal is not one line: %q", err.Error())
	}
}

// FuzzReadText checks that whatever the text reader accepts writes back
// as its normal form (SPEC §5), directly and through TEI and JSON, and
// reads again to the same text.
func FuzzReadText(f *testing.F) {
	for _, s := range textSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := ReadText("fuzz.txt", src)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		norm, err := Normalize("fuzz.txt", src)
		if err != nil {
			t.Fatalf("ReadText accepts what Normalize refuses: %v", err)
		}
		out, err := WriteText(doc)
		if err != nil {
			t.Fatalf("a transcript that reads does not write: %v", err)
		}
		if d := golden.Diff("normal form", []byte(norm), "text → text", out); d != nil {
			t.Fatalf("text → model → text differs from the normal form:\n%s", d)
		}
		again, err := ReadText("again.txt", out)
		if err != nil {
			t.Fatalf("teikit's own text does not read: %v\n%s", err, out)
		}
		out2, err := WriteText(again)
		if err != nil {
			t.Fatal(err)
		}
		if d := golden.Diff("first", out, "second", out2); d != nil {
			t.Fatalf("text → text is not stable:\n%s", d)
		}

		if tei, err := WriteTEI(doc); err != nil {
			checkRefusal(t, err) // what TEI cannot place is refused, not dropped
		} else {
			back, err := ReadTEI("fuzz.tei.xml", tei)
			if err != nil {
				t.Fatalf("teikit's own TEI does not read: %v\n%s", err, tei)
			}
			text, err := WriteText(back)
			if err != nil {
				t.Fatalf("TEI from text does not write as text: %v", err)
			}
			if d := golden.Diff("normal form", []byte(norm), "text → TEI → text", text); d != nil {
				t.Fatalf("text → TEI → text differs from the normal form:\n%s", d)
			}
		}

		js, err := WriteJSON(doc)
		if err != nil {
			t.Fatalf("a transcript that reads does not write as JSON: %v", err)
		}
		back, err := ReadJSON("fuzz.json", js)
		if err != nil {
			t.Fatalf("teikit's own JSON does not read: %v\n%s", err, js)
		}
		text, err := WriteText(back)
		if err != nil {
			t.Fatalf("JSON from text does not write as text: %v", err)
		}
		if d := golden.Diff("normal form", []byte(norm), "text → JSON → text", text); d != nil {
			t.Fatalf("text → JSON → text differs from the normal form:\n%s", d)
		}
	})
}

// teiSeeds are the TEI of the text seeds and the TEI written by others of
// testdata/tei, with a few hand-made documents.
func teiSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, s := range textSeeds(t) {
		doc, err := ReadText("seed.txt", s)
		if err != nil {
			continue
		}
		if tei, err := WriteTEI(doc); err == nil {
			// The editorialDecl, the same in all, is a third of a seed.
			if i, j := bytes.Index(tei, []byte("<encodingDesc>")), bytes.Index(tei, []byte("</encodingDesc>")); i > 0 && j > i {
				tei = append(tei[:i:i], tei[j+len("</encodingDesc>"):]...)
			}
			seeds = append(seeds, tei)
		}
	}
	others, _ := filepath.Glob(filepath.Join("..", "testdata", "tei", "*.tei.xml"))
	for _, f := range others {
		seeds = append(seeds, readFile(t, f))
	}
	return append(seeds,
		[]byte(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div><sp who="#a"><speaker>A</speaker><p>x<lb/>y<pb/>z &amp; &lt;</p></sp></div></body></text></TEI>`),
		[]byte("<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY e \"x\">]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>&e;</p></body></text></TEI>"),
	)
}

// FuzzReadTEI checks that whatever the TEI reader accepts writes as TEI
// that reads back to the same bytes, and that the lenient reader with
// positions, which validation uses, never panics.
func FuzzReadTEI(f *testing.F) {
	for _, s := range teiSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if doc, err := ReadTEIWith("lenient.tei.xml", src, TEISettings{Lenient: true, Positions: true}); err != nil {
			checkRefusal(t, err)
		} else {
			_, _ = WriteTEI(doc)
			_, _ = WriteText(doc)
			_, _ = WriteJSON(doc)
		}

		doc, err := ReadTEI("fuzz.tei.xml", src)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		out, err := WriteTEI(doc)
		if err != nil {
			t.Fatalf("a TEI document that reads does not write: %v", err)
		}
		back, err := ReadTEI("again.tei.xml", out)
		if err != nil {
			t.Fatalf("teikit's own TEI does not read: %v\n%s", err, out)
		}
		again, err := WriteTEI(back)
		if err != nil {
			t.Fatal(err)
		}
		if d := golden.Diff("first", out, "second", again); d != nil {
			t.Fatalf("TEI → TEI is not stable:\n%s", d)
		}
	})
}

// jsonSeeds are more seeds for FuzzReadJSON: the JSON of the memorandum
// seed, and JSON nested too deep. (teikit's JSON is some ten times the
// size of the text; that of the testdata transcripts is too large.)
func jsonSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, s := range []string{memconSeed} {
		doc, err := ReadText("seed.txt", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		js, err := WriteJSON(doc)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, js)
	}
	return append(seeds, []byte(strings.Repeat("[", 600)+strings.Repeat("]", 600)))
}
