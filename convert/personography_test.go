package convert

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/teikit/teikit/transcript"
)

func readPersons(t *testing.T, name string) *transcript.Personography {
	t.Helper()
	path := filepath.Join("..", "testdata", "persons", name)
	p, err := ReadPersonography(path, readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPersonographyForms reads the TEI and the JSON personography, which
// say the same.
func TestPersonographyForms(t *testing.T) {
	tei, js := readPersons(t, "persons.xml"), readPersons(t, "persons.json")
	for _, p := range append(tei.Entries, js.Entries...) {
		p.Pos = transcript.Pos{}
	}
	if !reflect.DeepEqual(tei.Entries, js.Entries) {
		t.Errorf("persons.xml and persons.json differ:\n%+v\n%+v", tei.Entries, js.Entries)
	}
	if e := tei.Match("Comrade Stalin"); e == nil || e.ID != "stalin" {
		t.Errorf("Match(Comrade Stalin) = %+v, want stalin", e)
	}
}

// TestPersonographyIDs converts with a personography: the speakers take
// its ids, full names and authority ids, across documents, and the round
// trips stay exact.
func TestPersonographyIDs(t *testing.T) {
	book := readPersons(t, "persons.xml")
	want := map[string][]string{
		"soong-stalin-1945-07-02.txt":          {"stalin=Joseph Stalin", "soong=T.V. Soong", "molotov=Vyacheslav Molotov"},
		"zhou-enlai-labels-1954-06-20.txt":     {"molotov=Vyacheslav Molotov", "zhou-enlai=Zhou Enlai", "pham-van-dong=Pham Van Dong"},
		"memcon-1975-08-14.txt":                {"kissinger=Henry Kissinger", "colby=William E. Colby", "scowcroft=Brent Scowcroft", "clements=William P. Clements"},
		"mao-stalin-translated-1949-12-16.txt": {"stalin=Joseph Stalin", "mao-zedong=Mao Zedong"},
	}
	for name, ids := range want {
		path := filepath.Join("..", "testdata", "transcripts", name)
		src := readFile(t, path)
		doc, err := ReadTextWith(path, src, TextSettings{Persons: book})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range doc.Persons {
			got = append(got, p.ID+"="+p.Name)
		}
		if !reflect.DeepEqual(got, ids) {
			t.Errorf("%s: persons = %v, want %v", name, got, ids)
		}
		tei, err := WriteTEI(doc)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(name, "stalin") && !strings.Contains(string(tei), `<idno type="wikidata">Q855</idno>`) {
			t.Errorf("%s: the TEI lacks Stalin's Wikidata id", name)
		}
		back, err := ReadTEI(path, tei)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := WriteTEI(back)
		text, _ := WriteText(back)
		norm, _ := Normalize(path, src)
		if string(again) != string(tei) || string(text) != norm {
			t.Errorf("%s: round trips with a personography are not exact", name)
		}
		js, err := WriteJSON(doc)
		if err != nil {
			t.Fatal(err)
		}
		fromJSON, err := ReadJSON(path, js)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromJSON.Persons, doc.Persons) {
			t.Errorf("%s: persons differ after JSON: %+v", name, fromJSON.Persons)
		}
	}
}

// TestPersonographyErrors refuses personographies that cannot serve.
func TestPersonographyErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`{"persons": [{"id": "a", "name": "Stalin"}, {"id": "a", "name": "Molotov"}]}`, `p.json: person id "a" stands twice (persons[1])`},
		{`{"persons": [{"id": "a", "name": "Stalin"}, {"id": "b", "name": "J. Stalin", "aliases": ["Stalin"]}]}`, `p.json: person "b" shares a name with person "a": a label could not tell them apart (persons[1])`},
		{`{"persons": [{"id": "1x", "name": "Stalin"}]}`, `p.json: person "1x": the id must be an XML name (letters, digits, -, _, .) (persons[0])`},
		{`{"people": []}`, `p.json:1:15: not a personography: json: unknown field "people"`},
		{`<listPerson xmlns="http://www.tei-c.org/ns/1.0"/>`, `p.json:1: no person in the personography`},
	} {
		_, err := ReadPersonography("p.json", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ReadPersonography(%s) = %v, want %s", tt.src, err, tt.want)
		}
	}
}
