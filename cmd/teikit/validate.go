package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/teikit/teikit/internal/corpus"
	"github.com/teikit/teikit/validate"
	"github.com/urfave/cli/v2"
)

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check transcripts, TEI and teikit JSON before publication",
		ArgsUsage: "INPUT... (files, directories, or - for standard input)",
		Description: `Runs every rule (see teikit rules) over each INPUT: a transcript export,
TEI (teikit's, or drama-style sp/speaker and speech-style u who= written by
others) or teikit JSON. Findings print as file:line:col: severity rule-id:
message, sorted by position. Directories are read recursively and checked
in parallel (--jobs), findings reported in input order, corpus rules (one
id for two documents, one person under two names) at the end, then a
summary. Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage
or I/O error.

Examples:
   teikit validate testdata/transcripts/soong-stalin-1945-07-02.txt
   teikit validate --format github --fail-on warning transcripts/*.txt
   teikit validate --golden testdata/golden testdata/transcripts/*.txt
   teikit validate --tei-schema tei_all.rng edition.tei.xml
   teikit validate --disable input/normalized --format junit *.txt > report.xml
   teikit validate --format json --shard 1/4 archive/ > part1.json`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "report format: " + strings.Join(validate.Formats, ", ")},
			&cli.StringFlag{Name: "golden", Usage: "compare teikit's TEI and JSON for each input NAME with `DIR`/NAME.tei.xml and DIR/NAME.json"},
			&cli.StringFlag{Name: "tei-schema", Usage: "also check the TEI with jing against the RELAX NG schema `FILE` (tei_all.rng)"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings of this severity or worse: error, warning, info"},
			&cli.StringSliceFlag{Name: "disable", Usage: "do not run `RULE` (repeatable)"},
			&cli.StringSliceFlag{Name: "enable", Usage: "run only `RULE` (repeatable)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "check `N` files at once"},
			&cli.StringFlag{Name: "shard", Usage: "check only part `K/N` of the inputs; the JSON reports of all shards concatenate into one"},
		}, readFlags()...),
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
	read, err := readSettings(c)
	if err != nil {
		return err
	}
	opts := validate.Options{GoldenDir: c.String("golden"), TEISchema: c.String("tei-schema"), Persons: read.Persons, Limits: read.Limits}
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
	inputs, err := corpus.Expand(args, inputExts("auto"))
	if err != nil {
		return cli.Exit("validate: "+err.Error(), exitUsage)
	}
	if c.IsSet("shard") {
		sh, err := corpus.ParseShard(c.String("shard"))
		if err != nil {
			return cli.Exit("validate: "+err.Error(), exitUsage)
		}
		inputs = sh.Pick(inputs)
	}
	stream := format == "text" || format == "github"
	session := validate.NewSession(opts)
	stats := newStats(c, len(inputs))
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var all []validate.Diagnostic
	var names []string
	settings := validate.ReportSettings{Opts: opts, FailOn: failOn, Color: format == "text" && isTerminal(c.App.Writer)}
	index := map[string]int{}
	for i, in := range inputs {
		index[in.Path] = i
	}
	corpus.Map(ctx, inputs, c.Int("jobs"), func(in corpus.Input) checked {
		name, src, err := readInputFile(c, in.Path)
		if err != nil {
			return checked{name: in.Path, err: err}
		}
		return checked{name: name, diags: session.Check(index[in.Path], validate.Input{Name: name, Src: src})}
	}, func(in corpus.Input, r checked) {
		stats.add(0, r.err)
		names = append(names, r.name)
		all = append(all, r.diags...)
		if stream && len(r.diags) > 0 {
			stats.clear()
			validate.Report(c.App.Writer, format, r.diags, settings)
		}
	})
	final := session.Finish()
	all = append(all, final...)
	settings.Files = names
	if stream {
		err = validate.Report(c.App.Writer, format, final, settings)
	} else {
		err = validate.Report(c.App.Writer, format, all, settings)
	}
	if err != nil {
		return cli.Exit("validate: "+err.Error(), exitUsage)
	}
	stats.turns = session.Turns()
	if format == "text" {
		fmt.Fprintln(c.App.ErrWriter, summary(stats, all))
	}
	if ctx.Err() != nil {
		return cli.Exit("interrupted", exitInterrupted)
	}
	if stats.failed > 0 {
		return cli.Exit("", exitUsage)
	}
	if worst, any := validate.Worst(all); any && worst >= failOn {
		return cli.Exit("", exitFindings)
	}
	return nil
}

// checked is what checking one input gave.
type checked struct {
	name  string
	diags []validate.Diagnostic
	err   error
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

// summary counts the files, turns and findings by severity.
func summary(s *stats, diags []validate.Diagnostic) string {
	n := map[validate.Severity]int{}
	for _, d := range diags {
		n[d.Severity]++
	}
	return fmt.Sprintf("%d %s checked (%d turns) in %s: %d %s, %d %s, %d info",
		s.files-s.failed, plural(s.files-s.failed, "file"), s.turns, time.Since(s.start).Round(time.Millisecond),
		n[validate.Error], plural(n[validate.Error], "error"), n[validate.Warning], plural(n[validate.Warning], "warning"), n[validate.Info])
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
