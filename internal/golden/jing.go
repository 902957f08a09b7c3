package golden

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// SchemaPath returns the TEI P5 tei_all RELAX NG schema for jing: the file
// named by TEIKIT_TEI_SCHEMA, else ../shared/tei/tei_all.rng seen from the
// repository root. root is the repository root relative to the test.
func SchemaPath(root string) string {
	if p := os.Getenv("TEIKIT_TEI_SCHEMA"); p != "" {
		return p
	}
	return root + "/../shared/tei/tei_all.rng"
}

// Jing validates files against the TEI schema with jing. Without jing or
// the schema it fails when CI=true and skips otherwise, saying how to get
// them.
func Jing(t *testing.T, root string, files ...string) {
	t.Helper()
	schema := SchemaPath(root)
	missing := ""
	if _, err := exec.LookPath("jing"); err != nil {
		missing = "jing is not installed (apt-get install -y jing)"
	} else if _, err := os.Stat(schema); err != nil {
		missing = "the TEI schema " + schema + " is missing (set TEIKIT_TEI_SCHEMA to a copy of tei_all.rng from the TEI P5 release)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(missing)
		}
		t.Skip(missing)
	}
	out, err := exec.Command("jing", append([]string{schema}, files...)...).CombinedOutput()
	var msgs []string
	for _, line := range strings.Split(string(out), "\n") {
		// The Debian wrapper warns about optional jars it cannot find.
		if line == "" || strings.Contains(line, "Unable to locate") {
			continue
		}
		msgs = append(msgs, line)
	}
	if err != nil || len(msgs) > 0 {
		t.Errorf("jing rejects the TEI (%v):\n%s", err, strings.Join(msgs, "\n"))
	}
}
