package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
