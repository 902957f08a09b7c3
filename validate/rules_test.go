package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/internal/golden"
)

// TestRules runs every case in testdata/rules. A case is a txtar archive:
// files under in/ are the inputs, checked together; files under golden/
// form the --golden directory; persons.xml or persons.json is the
// personography; an "options" file may say "only RULE" to run just that
// rule; "want" holds the exact report. -update rewrites it.
func TestRules(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no rule cases in testdata/rules")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			runCase(t, f)
		})
	}
}

func runCase(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var inputs []Input
	opts := Options{}
	var want []byte
	wantIdx := -1
	for i, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "in/"):
			inputs = append(inputs, Input{Name: strings.TrimPrefix(f.Name, "in/"), Src: f.Data})
		case strings.HasPrefix(f.Name, "golden/"):
			opts.GoldenDir = filepath.Join(dir, "golden")
			p := filepath.Join(dir, f.Name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		case f.Name == "persons.xml" || f.Name == "persons.json":
			persons, err := convert.ReadPersonography(f.Name, f.Data)
			if err != nil {
				t.Fatal(err)
			}
			opts.Persons = persons
		case f.Name == "options":
			for _, line := range strings.Split(string(f.Data), "\n") {
				if id, ok := strings.CutPrefix(line, "only "); ok {
					if opts.Only == nil {
						opts.Only = map[string]bool{}
					}
					opts.Only[id] = true
				}
			}
		case f.Name == "want":
			want, wantIdx = f.Data, i
		}
	}
	var buf bytes.Buffer
	if err := Report(&buf, "text", Run(inputs, opts), ReportSettings{}); err != nil {
		t.Fatal(err)
	}
	got := bytes.ReplaceAll(buf.Bytes(), []byte(dir+string(filepath.Separator)), nil)
	if *golden.Update {
		if wantIdx < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: "want"})
			wantIdx = len(ar.Files) - 1
		}
		ar.Files[wantIdx].Data = got
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if d := golden.Diff("want", want, "got", got); d != nil {
		t.Errorf("report differs (go test ./validate -update rewrites it):\n%s", d)
	}
}

// TestEveryRuleFiresAndStaysSilent checks that every rule has a case
// RULE-fires.txtar whose report names it and a case RULE-silent.txtar
// whose report does not (the rule id with "/" as "-").
func TestEveryRuleFiresAndStaysSilent(t *testing.T) {
	for _, r := range Rules() {
		base := filepath.Join("testdata", "rules", strings.ReplaceAll(r.ID, "/", "-"))
		for suffix, wantIt := range map[string]bool{"-fires": true, "-silent": false} {
			ar, err := txtar.ParseFile(base + suffix + ".txtar")
			if err != nil {
				t.Errorf("rule %s: %v", r.ID, err)
				continue
			}
			has := false
			for _, f := range ar.Files {
				if f.Name == "want" {
					has = bytes.Contains(f.Data, []byte(" "+r.ID+": "))
				}
			}
			if has != wantIt {
				t.Errorf("rule %s: case %s%s: report names the rule = %v, want %v", r.ID, base, suffix, has, wantIt)
			}
		}
	}
}

// TestRuleList checks the rule list is accepted, and that a duplicate id
// is refused.
func TestRuleList(t *testing.T) {
	if err := checkRules(Rules()); err != nil {
		t.Fatal(err)
	}
	dup := append(append([]*Rule{}, Rules()...), Rules()[0])
	if checkRules(dup) == nil {
		t.Error("checkRules accepts a duplicate id")
	}
}
