package validate

import (
	"fmt"
	"sort"

	"github.com/teikit/teikit/transcript"
)

// Severity ranks a finding.
type Severity int

// The severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	for _, sev := range []Severity{Info, Warning, Error} {
		if sev.String() == s {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Diagnostic is one finding of one rule.
type Diagnostic struct {
	File     string
	Pos      transcript.Pos
	End      transcript.Pos // where the finding ends, when known
	Severity Severity
	Rule     string
	Message  string
}

// String formats d as "file:line:col: severity rule-id: message"; the
// position is left out when unknown.
func (d Diagnostic) String() string {
	where := d.File
	if d.Pos.IsValid() {
		where = fmt.Sprintf("%s:%d:%d", d.File, d.Pos.Line, max(d.Pos.Col, 1))
	}
	return fmt.Sprintf("%s: %s %s: %s", where, d.Severity, d.Rule, d.Message)
}

// Sort orders diagnostics by file, position, rule and message.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Worst returns the highest severity among ds, and false when ds is empty.
func Worst(ds []Diagnostic) (Severity, bool) {
	worst, any := Info, false
	for _, d := range ds {
		if !any || d.Severity > worst {
			worst, any = d.Severity, true
		}
	}
	return worst, any
}
