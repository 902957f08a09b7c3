package validate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/beevik/etree"
)

// Formats lists the report formats, by name, for --format.
var Formats = []string{"text", "json", "junit", "github"}

// ReportSettings tell Report what was checked, for the formats that list
// clean files and rules too (JUnit).
type ReportSettings struct {
	Files  []string // every input checked, in order
	Opts   Options  // the run's options: which rules ran
	FailOn Severity // findings at or above it fail a JUnit test case
	Color  bool     // colour the text format's severities
}

// Report writes diagnostics in a format.
func Report(w io.Writer, format string, diags []Diagnostic, s ReportSettings) error {
	switch format {
	case "text":
		return printText(w, diags, s.Color)
	case "json":
		return printJSON(w, diags)
	case "junit":
		return printJUnit(w, diags, s)
	case "github":
		return printGitHub(w, diags)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

var colors = map[Severity]string{Error: "\x1b[1;31m", Warning: "\x1b[1;33m", Info: "\x1b[36m"}

func printText(w io.Writer, diags []Diagnostic, color bool) error {
	for _, d := range diags {
		line := d.String()
		if color {
			sev := d.Severity.String()
			line = strings.Replace(line, " "+sev+" ", " "+colors[d.Severity]+sev+"\x1b[0m ", 1)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// jsonPos is a position in the JSON report.
type jsonPos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// jsonDiagnostic is one finding in the JSON report.
type jsonDiagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	End      *jsonPos `json:"end"`
	Severity string   `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
}

func printJSON(w io.Writer, diags []Diagnostic) error {
	out := make([]jsonDiagnostic, 0, len(diags))
	for _, d := range diags {
		jd := jsonDiagnostic{File: d.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Rule: d.Rule, Message: d.Message}
		if d.End.IsValid() {
			jd.End = &jsonPos{d.End.Line, d.End.Col}
		}
		out = append(out, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// printJUnit writes a testsuite per file and a testcase per rule that
// ran on it; a test case fails when its rule found something at failOn or
// above, and lists lesser findings as output.
func printJUnit(w io.Writer, diags []Diagnostic, s ReportSettings) error {
	files, failOn := append([]string(nil), s.Files...), s.FailOn
	x := etree.NewDocument()
	x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	suites := x.CreateElement("testsuites")
	suites.CreateAttr("name", "teikit validate")
	byFile := map[string][]Diagnostic{}
	for _, d := range diags {
		byFile[d.File] = append(byFile[d.File], d)
		if !contains(files, d.File) {
			files = append(files, d.File)
		}
	}
	for _, f := range files {
		suite := suites.CreateElement("testsuite")
		suite.CreateAttr("name", f)
		cases, failures := 0, 0
		for _, r := range rules {
			if !s.Opts.enabled(r.ID) {
				continue
			}
			var found []Diagnostic
			for _, d := range byFile[f] {
				if d.Rule == r.ID {
					found = append(found, d)
				}
			}
			tc := suite.CreateElement("testcase")
			tc.CreateAttr("classname", f)
			tc.CreateAttr("name", r.ID)
			cases++
			var failing, other []string
			for _, d := range found {
				if d.Severity >= failOn {
					failing = append(failing, d.String())
				} else {
					other = append(other, d.String())
				}
			}
			if len(failing) > 0 {
				failures++
				fe := tc.CreateElement("failure")
				fe.CreateAttr("message", fmt.Sprintf("%d finding(s) of %s", len(failing), r.ID))
				fe.CreateAttr("type", r.Severity.String())
				fe.SetText(strings.Join(failing, "\n"))
			}
			if len(other) > 0 {
				tc.CreateElement("system-out").SetText(strings.Join(other, "\n"))
			}
		}
		suite.CreateAttr("tests", fmt.Sprint(cases))
		suite.CreateAttr("failures", fmt.Sprint(failures))
	}
	x.Indent(2)
	_, err := x.WriteTo(w)
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// printGitHub writes GitHub Actions workflow commands, which the runner
// shows as annotations on the lines they name.
func printGitHub(w io.Writer, diags []Diagnostic) error {
	level := map[Severity]string{Error: "error", Warning: "warning", Info: "notice"}
	for _, d := range diags {
		props := []string{"file=" + ghProp(d.File)}
		if d.Pos.IsValid() {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line), fmt.Sprintf("col=%d", max(d.Pos.Col, 1)))
		}
		if d.End.IsValid() {
			props = append(props, fmt.Sprintf("endLine=%d", d.End.Line), fmt.Sprintf("endColumn=%d", d.End.Col))
		}
		props = append(props, "title="+ghProp(d.Rule))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level[d.Severity], strings.Join(props, ","), ghData(d.Message)); err != nil {
			return err
		}
	}
	return nil
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
