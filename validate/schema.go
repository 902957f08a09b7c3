package validate

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/transcript"
)

var schemaTEI = &Rule{
	ID:       "schema/tei",
	Severity: Error,
	Doc:      "The TEI lacks the structure every TEI document needs (teiHeader with fileDesc, titleStmt/title, publicationStmt and sourceDesc; text with body). With --tei-schema FILE, jing also checks the TEI (the input, or the TEI teikit writes for a text or JSON input) against that RELAX NG schema, and each of its messages becomes a diagnostic at its line and column.",
	Run: func(p *Pass) {
		if p.Format == "tei" {
			teiStructure(p)
		}
		if p.Opts.TEISchema != "" {
			jingCheck(p)
		}
	},
}

// teiStructure checks the elements every TEI document must have.
func teiStructure(p *Pass) {
	x := etree.NewDocument()
	if x.ReadFromBytes(p.Src) != nil || x.Root() == nil {
		return
	}
	pos := convert.ElementPositions(x, p.Src)
	root := x.Root()
	need := func(parent *etree.Element, path ...string) *etree.Element {
		e := parent
		for _, tag := range path {
			c := e.SelectElement(tag)
			if c == nil {
				p.Reportf(pos[e], "<%s> has no <%s>", e.Tag, tag)
				return nil
			}
			e = c
		}
		return e
	}
	if fd := need(root, "teiHeader", "fileDesc"); fd != nil {
		need(fd, "titleStmt", "title")
		need(fd, "publicationStmt")
		need(fd, "sourceDesc")
	}
	need(root, "text", "body")
}

// jingLine matches a jing message: "FILE:LINE:COL: error: MESSAGE".
var jingLine = regexp.MustCompile(`^(.*):(\d+):(\d+): (?:fatal|error|warning): (.*)$`)

// jingCheck runs jing over the TEI of the input and reports its messages.
func jingCheck(p *Pass) {
	start := transcript.Pos{Line: 1, Col: 1}
	if _, err := exec.LookPath("jing"); err != nil {
		p.Reportf(start, "--tei-schema needs jing, which is not installed (Debian: apt-get install jing)")
		return
	}
	tei, own := p.Src, true
	if p.Format != "tei" {
		out, err := convert.WriteTEI(p.Doc)
		if err != nil {
			return
		}
		tei, own = out, false
	}
	f, err := os.CreateTemp("", "teikit-*.tei.xml")
	if err != nil {
		p.Reportf(start, "cannot run jing: %v", err)
		return
	}
	defer os.Remove(f.Name())
	_, err = f.Write(tei)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		p.Reportf(start, "cannot run jing: %v", err)
		return
	}
	out, _ := exec.Command("jing", p.Opts.TEISchema, f.Name()).CombinedOutput()
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.Contains(line, "Unable to locate") {
			continue
		}
		m := jingLine.FindStringSubmatch(line)
		if m == nil {
			p.Reportf(start, "jing: %s", line)
			continue
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		if own {
			p.Reportf(transcript.Pos{Line: l, Col: c}, "jing: %s", m[4])
		} else {
			p.Reportf(start, "jing, in the TEI teikit writes for this input, at %d:%d: %s", l, c, m[4])
		}
	}
}
