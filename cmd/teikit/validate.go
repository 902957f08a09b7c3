package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/teikit/teikit/validate"
	"github.com/urfave/cli/v2"
)

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check transcripts, TEI and teikit JSON before publication",
		ArgsUsage: "INPUT... (files, or - for standard input)",
		Description: `Runs every rule (see teikit rules) over each INPUT: a transcript export,
TEI (teikit's, or drama-style sp/speaker and speech-style u who= written by
others) or teikit JSON. Findings print as file:line:col: severity rule-id:
message, sorted by position. Exit status: 0 clean, 1 findings at or above
--fail-on, 2 usage or I/O error.

Examples:
   teikit validate testdata/transcripts/soong-stalin-1945-07-02.txt
   teikit validate --format github --fail-on warning transcripts/*.txt
   teikit validate --golden testdata/golden testdata/transcripts/*.txt
   teikit validate --tei-schema tei_all.rng edition.tei.xml
   teikit validate --disable input/normalized --format junit *.txt > report.xml`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "report format: " + strings.Join(validate.Formats, ", ")},
			&cli.StringFlag{Name: "golden", Usage: "compare teikit's TEI and JSON for each input NAME with `DIR`/NAME.tei.xml and DIR/NAME.json"},
			&cli.StringFlag{Name: "tei-schema", Usage: "also check the TEI with jing against the RELAX NG schema `FILE` (tei_all.rng)"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings of this severity or worse: error, warning, info"},
			&cli.StringSliceFlag{Name: "disable", Usage: "do not run `RULE` (repeatable)"},
			&cli.StringSliceFlag{Name: "enable", Usage: "run only `RULE` (repeatable)"},
		},
		Action: runValidate,
	}
}

func runValidate(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) == 0 {
		return cli.Exit("validate: no input (give files, or - for standard input)", exitUsage)
	}
	failOn, err := validate.ParseSeverity(c.String("fail-on"))
	if err != nil {
		return cli.Exit("validate: --fail-on: "+err.Error(), exitUsage)
	}
	format := c.String("format")
	if !contains(validate.Formats, format) {
		return cli.Exit(fmt.Sprintf("validate: unknown --format %q (want one of %s)", format, strings.Join(validate.Formats, ", ")), exitUsage)
	}
	opts := validate.Options{GoldenDir: c.String("golden"), TEISchema: c.String("tei-schema")}
	if opts.TEISchema != "" {
		if _, err := exec.LookPath("jing"); err != nil {
			return cli.Exit("validate: --tei-schema needs jing, which is not installed (Debian: apt-get install jing)", exitUsage)
		}
		if _, err := os.Stat(opts.TEISchema); err != nil {
			return cli.Exit("validate: --tei-schema: "+err.Error(), exitUsage)
		}
	}
	if opts.Disabled, err = ruleSet(c.StringSlice("disable")); err != nil {
		return err
	}
	if opts.Only, err = ruleSet(c.StringSlice("enable")); err != nil {
		return err
	}
	var inputs []validate.Input
	var names []string
	for _, in := range args {
		name, src, err := readInput(c, in)
		if err != nil {
			return cli.Exit("validate: "+err.Error(), exitUsage)
		}
		inputs = append(inputs, validate.Input{Name: name, Src: src})
		names = append(names, name)
	}
	diags := validate.Run(inputs, opts)
	if err := validate.Report(c.App.Writer, format, diags, validate.ReportSettings{Files: names, Opts: opts, FailOn: failOn, Color: format == "text" && isTerminal(c.App.Writer)}); err != nil {
		return cli.Exit("validate: "+err.Error(), exitUsage)
	}
	if format == "text" {
		fmt.Fprintln(c.App.ErrWriter, summary(len(inputs), diags))
	}
	if worst, any := validate.Worst(diags); any && worst >= failOn {
		return cli.Exit("", exitFindings)
	}
	return nil
}

// readInput reads a named input, or standard input for "-".
func readInput(c *cli.Context, in string) (string, []byte, error) {
	if in == "-" {
		src, err := io.ReadAll(c.App.Reader)
		return "<stdin>", src, err
	}
	src, err := os.ReadFile(in)
	return in, src, err
}

func ruleSet(ids []string) (map[string]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	set := map[string]bool{}
	for _, id := range ids {
		if validate.Lookup(id) == nil {
			return nil, cli.Exit(fmt.Sprintf("validate: unknown rule %q (teikit rules lists them)", id), exitUsage)
		}
		set[id] = true
	}
	return set, nil
}

// summary counts the findings by severity.
func summary(files int, diags []validate.Diagnostic) string {
	n := map[validate.Severity]int{}
	for _, d := range diags {
		n[d.Severity]++
	}
	return fmt.Sprintf("%d %s checked: %d %s, %d %s, %d info", files, plural(files, "file"), n[validate.Error], plural(n[validate.Error], "error"), n[validate.Warning], plural(n[validate.Warning], "warning"), n[validate.Info])
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a terminal (for colour).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
