package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/teikit/teikit/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"teikit": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI scripts in testdata/script. Each script gets the
// repository's testdata/ as $TESTDATA.
func TestScript(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	schema, err := filepath.Abs(golden.SchemaPath(filepath.Join("..", "..")))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", root)
			env.Setenv("TEI_SCHEMA", schema)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"gen": genCmd,
		},
		// [teischema]: jing and the official TEI schema are at hand.
		Condition: func(cond string) (bool, error) {
			if cond != "teischema" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			_, errJing := exec.LookPath("jing")
			_, errSchema := os.Stat(schema)
			return errJing == nil && errSchema == nil, nil
		},
	})
}

// genCmd writes a hostile input too big for a txtar file:
//
//	gen xml-deep FILE N     TEI nested N elements deep
//	gen json-deep FILE N    JSON nested N arrays deep
//	gen big-attr FILE N     TEI with an attribute of N bytes
//	gen big-line FILE N     a transcript with one line of N bytes
func genCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: gen KIND FILE N")
	}
	n, err := strconv.Atoi(args[2])
	if err != nil {
		ts.Fatalf("gen: %v", err)
	}
	var b strings.Builder
	switch args[0] {
	case "xml-deep":
		b.WriteString(`<TEI xmlns="http://www.tei-c.org/ns/1.0">`)
		b.WriteString(strings.Repeat("<div>", n))
		b.WriteString(strings.Repeat("</div>", n))
		b.WriteString("</TEI>\n")
	case "json-deep":
		b.WriteString(`{"teikit": "1", "body": `)
		b.WriteString(strings.Repeat("[", n))
		b.WriteString(strings.Repeat("]", n))
		b.WriteString("}\n")
	case "big-attr":
		b.WriteString(`<TEI xmlns="http://www.tei-c.org/ns/1.0" n="`)
		b.WriteString(strings.Repeat("x", n))
		b.WriteString(`"><teiHeader/></TEI>` + "\n")
	case "big-line":
		b.WriteString("Stalin: " + strings.Repeat("word ", n/5) + "end.\n\nSoong: Yes.\n\nStalin: No.\n\nSoong: Yes.\n")
	default:
		ts.Fatalf("gen: unknown kind %q", args[0])
	}
	if err := os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644); err != nil {
		ts.Fatalf("gen: %v", err)
	}
}
