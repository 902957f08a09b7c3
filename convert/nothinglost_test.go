package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/teikit/teikit/internal/golden"
	"github.com/teikit/teikit/transcript"
)

// everything is a transcript with every construct of SPEC §1, CRLF line
// endings and leading blank lines for normalisation to remove.
var everything = strings.ReplaceAll("\n\n"+`## **July 2, 1945**

### **Record of a Meeting between T.V. Soong and Stalin**

#### **Citation:**

"Record of a Meeting between T.V. Soong and Stalin", July 2, 1945, History and Public Policy Program Digital Archive, Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. Contributed by David Wolff. <https://digitalarchive.wilsoncenter.org/document/122505>

#### **Summary:**

Soong and Stalin discuss Outer Mongolia & the "Chinese Eastern Railway" <with> 'care'.

#### **Credits:**

This document was made possible with support from Chun & Jane Chiu.

#### **Original Language:**

Russian

#### **Keywords:**

Treaties; Railways  
Ports & harbours

#### **Contents:**

Transcript - English

Notes taken at Sino-Soviet Conferences  
Moscow, 1945

2 July 1945, 8:00 - 10:30 p.m.

PARTICIPANTS:
T.V. Soong, Minister of Foreign Affairs
Molotov, People's Commissar

(p. 1)

[Joseph] Stalin: Chiang [Kai-shek] sent what (?) of Chiang (shows Yalta agreement). We will talk of Port Arthur [Lüshunkou] (Warsaw) & Dairen < 10 > 5 "quoted" 'single'.

(Pavlov reads translation)

Stalin: Two considerations:

1) Port Arthur, Chinese Eastern Railway, Southern Sakhalin [sic], Outer Mongolia.

2) Dairen [Dalian] (He laughs).

[T.V.] Soong: We are not making any protest against the presence of troops on the frontier which was discussed at

the conference. Term  
of years.

Aim: use rail for Port Arthur.

Molotov: Vis à vis e`+"\u0301"+` the (10 - 15 years) question.

(p. 2)

Soong: Agreed.`, "\n", "\r\n")

// TestEverythingRead checks that the text reader finds each construct in
// everything, so that the writers are tested on all of them.
func TestEverythingRead(t *testing.T) {
	doc, err := ReadText("everything.txt", []byte(everything))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, s := range doc.Sections {
		count["section "+string(s.Kind)]++
	}
	for _, b := range doc.Body {
		count[fmt.Sprintf("body %T", b)]++
		if tr, ok := b.(*transcript.Turn); ok {
			for _, c := range tr.Blocks {
				count[fmt.Sprintf("turn %T", c)]++
			}
		}
	}
	transcript.Inspect(doc, func(n transcript.Node) {
		if _, ok := n.(transcript.Inline); ok {
			count[fmt.Sprintf("%T", n)]++
		}
	})
	want := map[string]int{
		"section citation": 1, "section summary": 1, "section credits": 1, "section original-language": 1,
		"section other": 1, "section contents": 1,
		"body *transcript.Head": 1, "body *transcript.Dateline": 1, "body *transcript.ParticipantList": 1,
		"body *transcript.PageBreak": 2, "body *transcript.Turn": 5, "body *transcript.Stage": 1,
		"turn *transcript.Para": 6, "turn *transcript.List": 1,
		"*transcript.Supplied": 5, "*transcript.Sic": 1, "*transcript.Query": 1, "*transcript.InlineStage": 2,
		"*transcript.LineBreak": 2, "*transcript.Join": 1, "*transcript.Text": 35,
	}
	if d := golden.Diff("want", []byte(fmt.Sprint(want)), "got", []byte(fmt.Sprint(count))); d != nil {
		t.Errorf("constructs read:\n%s", d)
	}
	var who []string
	for _, tr := range doc.Turns() {
		who = append(who, tr.Who)
	}
	if got := strings.Join(who, " "); got != "stalin stalin soong molotov soong" {
		t.Errorf("speakers = %s", got)
	}
}

// TestNothingLost converts everything with every writer and accounts for
// every character: TEI and JSON convert back to exactly the normal form
// of the input; text is that normal form; JSON Lines, lossy by design,
// holds each turn's label and reading text, written out here by hand.
func TestNothingLost(t *testing.T) {
	norm, err := Normalize("everything.txt", []byte(everything))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Names(Writers) {
		t.Run(format, func(t *testing.T) {
			out, err := Convert("everything.txt", []byte(everything), "text", format)
			if err != nil {
				t.Fatal(err)
			}
			if err := accountFor(format, norm, out); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestNothingLostNoticesLoss drops one character from each writer's
// output, or changes one, and expects accountFor to notice: the check
// above is worth something only if it fails when a writer loses anything.
func TestNothingLostNoticesLoss(t *testing.T) {
	norm, err := Normalize("everything.txt", []byte(everything))
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string][2]string{
		"tei":   {"Chun &amp; Jane", "Chun  Jane"},
		"json":  {`"Molotov, People's Commissar"`, `"Molotov, Peoples Commissar"`},
		"text":  {"Lüshunkou", "Lushunkou"},
		"jsonl": {`Outer Mongolia.`, `Outer Mongolia`},
	}
	for format, d := range damage {
		out, err := Convert("everything.txt", []byte(everything), "text", format)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(out, []byte(d[0])) {
			t.Fatalf("%s: %q not in the output", format, d[0])
		}
		bad := bytes.Replace(out, []byte(d[0]), []byte(d[1]), 1)
		if accountFor(format, norm, bad) == nil {
			t.Errorf("%s: accountFor does not notice %q turned into %q", format, d[0], d[1])
		}
	}
}

// jsonlTurns are the turns of everything as JSON Lines gives them: the
// label as found and the reading text (brackets, query mark, stage
// directions and page markers left out, white space collapsed).
var jsonlTurns = [][2]string{
	{"[Joseph] Stalin", `Chiang Kai-shek sent what of Chiang . We will talk of Port Arthur Lüshunkou (Warsaw) & Dairen < 10 > 5 "quoted" 'single'.`},
	{"Stalin", "Two considerations: 1) Port Arthur, Chinese Eastern Railway, Southern Sakhalin, Outer Mongolia. 2) Dairen Dalian ."},
	{"[T.V.] Soong", "We are not making any protest against the presence of troops on the frontier which was discussed at the conference. Term of years. Aim: use rail for Port Arthur."},
	{"Molotov", "Vis à vis e\u0301 the (10 - 15 years) question."},
	{"Soong", "Agreed."},
}

// accountFor checks that a writer's output of everything loses nothing.
func accountFor(format, norm string, out []byte) error {
	if format == "jsonl" {
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != len(jsonlTurns) {
			return fmt.Errorf("jsonl: %d lines for %d turns", len(lines), len(jsonlTurns))
		}
		for i, line := range lines {
			var u jsonUtterance
			if err := json.Unmarshal([]byte(line), &u); err != nil {
				return fmt.Errorf("jsonl line %d: %v", i+1, err)
			}
			if u.Label != jsonlTurns[i][0] || u.Text != jsonlTurns[i][1] {
				return fmt.Errorf("jsonl line %d: label %q, text\n %q\nwant label %q, text\n %q", i+1, u.Label, u.Text, jsonlTurns[i][0], jsonlTurns[i][1])
			}
		}
		return nil
	}
	back := out
	if format != "text" {
		var err error
		if back, err = Convert("everything."+format, out, format, "text"); err != nil {
			return fmt.Errorf("%s → text: %v", format, err)
		}
	}
	if d := golden.Diff("normal form", []byte(norm), format+" → text", back); d != nil {
		return fmt.Errorf("text → %s → text loses or changes characters:\n%s", format, d)
	}
	return nil
}
