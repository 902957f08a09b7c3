package convert

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/teikit/teikit/transcript"
)

func readTranscript(t *testing.T, name string) *transcript.Document {
	t.Helper()
	path := filepath.Join("..", "testdata", "transcripts", name)
	doc, err := ReadText(path, readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSeedConstructs checks that the text reader finds every construct of
// SPEC §1 in the reference transcript, in the numbers the spec gives.
func TestSeedConstructs(t *testing.T) {
	doc := readTranscript(t, "soong-stalin-1945-07-02.txt")
	turns := map[string]int{}
	for _, tr := range doc.Turns() {
		turns[tr.Who]++
	}
	if want := map[string]int{"stalin": 92, "soong": 91, "molotov": 5}; !reflect.DeepEqual(turns, want) || len(doc.Turns()) != 188 {
		t.Errorf("turns = %v (%d), want %v (188)", turns, len(doc.Turns()), want)
	}
	var ids []string
	for _, p := range doc.Persons {
		ids = append(ids, p.ID+"="+p.Name)
	}
	if want := []string{"stalin=Stalin", "soong=T.V. Soong", "molotov=Molotov"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("persons = %v, want %v", ids, want)
	}

	var supplied, inLabels, queries, inlineStages, joins []string
	var sics []string
	stageBlocks := 0
	items := 0
	for _, b := range doc.Body {
		if _, ok := b.(*transcript.Stage); ok {
			stageBlocks++
		}
		if tr, ok := b.(*transcript.Turn); ok {
			for _, n := range tr.Label {
				if s, ok := n.(*transcript.Supplied); ok {
					inLabels = append(inLabels, transcript.Plain(s.Content))
				}
			}
			for _, c := range tr.Blocks {
				if l, ok := c.(*transcript.List); ok {
					items += len(l.Items)
				}
			}
		}
	}
	transcript.Inspect(doc, func(n transcript.Node) {
		at := fmt.Sprint(n.Position().Line)
		switch n := n.(type) {
		case *transcript.Supplied:
			supplied = append(supplied, transcript.Plain(n.Content)+"@"+at)
		case *transcript.Sic:
			sics = append(sics, transcript.Plain(n.Content)+"@"+at)
		case *transcript.Query:
			queries = append(queries, at)
		case *transcript.InlineStage:
			inlineStages = append(inlineStages, transcript.Plain(n.Content)+"@"+at)
		case *transcript.Join:
			joins = append(joins, at)
		}
	})
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("supplied", supplied, []string{"Joseph@32", "T.V.@38", "Kai-shek@42", "Lüshunkou@82", "Dalian@100", "Zhang Zuolin@256", "the@416"})
	check("supplied in labels", inLabels, []string{"Joseph", "T.V."})
	check("sic", sics, []string{"Southern Sakhalin@82"})
	check("query marks", queries, []string{"42"})
	check("inline stages", inlineStages, []string{"shows Yalta agreement@36", "He laughs@166", "He laughs@220", "shows map@352"})
	check("stage blocks between turns", stageBlocks, 1)
	check("list items", items, 2)
	check("joins", joins, []string{"336", "372", "438"})

	// Labels used once and naming no participant stay text of the turn.
	var openers []string
	var parens []string
	for _, tr := range doc.Turns() {
		for _, c := range tr.Blocks {
			p, ok := c.(*transcript.Para)
			if !ok {
				continue
			}
			text := transcript.Plain(p.Content)
			for _, l := range []string{"Two considerations:", "Aim:", "Frankly:"} {
				if strings.HasPrefix(text, l) {
					openers = append(openers, fmt.Sprintf("%s@%d/%s", l, p.Pos.Line, tr.Who))
				}
			}
			for _, paren := range []string{"(10 - 15 years)", "(Warsaw)", "(Pacific Conference)", "(Roosevelt)"} {
				if strings.Contains(text, paren) {
					parens = append(parens, paren)
				}
			}
		}
	}
	check("label-like openers kept as text", openers, []string{"Two considerations:@80/stalin", "Aim:@208/stalin", "Frankly:@380/soong"})
	check("parentheses kept as text", parens, []string{"(10 - 15 years)", "(Warsaw)", "(Pacific Conference)", "(Roosevelt)"})

	// The outline of lines 204–208 is three paragraphs of one turn.
	for _, tr := range doc.Turns() {
		if tr.Pos.Line == 204 {
			var paras []string
			for _, c := range tr.Blocks {
				paras = append(paras, transcript.Plain(c.(*transcript.Para).Content))
			}
			check("outline paragraphs", paras, []string{"Term", "Principles of operations", "Aim: use rail for Port Arthur. Link also between Vladivostock and Siberia."})
		}
	}

	dl, ok := doc.Body[1].(*transcript.Dateline)
	if !ok {
		t.Fatalf("second body block is %T, want the dateline", doc.Body[1])
	}
	check("dateline", []string{dl.When, dl.From, dl.To}, []string{"1945-07-02", "20:00:00", "22:30:00"})
	check("date", doc.Date.When, "1945-07-02")
	var kinds []transcript.SectionKind
	for _, s := range doc.Sections {
		kinds = append(kinds, s.Kind)
	}
	check("sections", kinds, []transcript.SectionKind{"citation", "summary", "credits", "original-language", "contents"})
	var changes []string
	for _, c := range doc.Changes {
		changes = append(changes, fmt.Sprintf("%d: %s", c.Pos.Line, c.Message))
	}
	check("normalisation", changes, []string{"1: removed 2 leading blank lines", "444: added the missing final newline"})
}

// TestTranscriptSpeakers checks who speaks how often in each of teikit's
// own transcripts, and so the speaker rules on the layouts the seed lacks.
func TestTranscriptSpeakers(t *testing.T) {
	tests := map[string]map[string]int{
		"bare-transcript.txt":                  {"vyshinsky": 10, "kirk": 9},
		"crlf-bom-1956-11-02.txt":              {"nagy": 4, "andropov": 4},
		"editorial-marks-1958-08-03.txt":       {"khrushchev": 7, "mao-zedong": 6},
		"extra-sections-1971-07-09.txt":        {"zhou": 9, "kissinger": 8},
		"mao-stalin-translated-1949-12-16.txt": {"stalin": 12, "mao-zedong": 11},
		"memcon-1975-08-14.txt":                {"kissinger": 6, "colby": 4, "scowcroft": 3, "clements": 1},
		"single-remark-1962-10-27.txt":         {"alekseev": 6, "castro": 5, "rodríguez": 1},
		"zhou-enlai-labels-1954-06-20.txt":     {"zhou-enlai": 6, "molotov": 6, "pham-van-dong": 6},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			doc := readTranscript(t, name)
			got := map[string]int{}
			for _, tr := range doc.Turns() {
				got[tr.Who]++
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("turns = %v, want %v", got, want)
			}
		})
	}
}
