package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/internal/atomicfile"
	"github.com/teikit/teikit/internal/corpus"
	"github.com/teikit/teikit/transcript"
	"github.com/urfave/cli/v2"
)

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert transcripts between the archival text export, TEI and JSON",
		ArgsUsage: "INPUT... (files, directories, or - for standard input)",
		Description: `Reads each INPUT and writes it in the --to format: to standard output,
or to the file -o names, for one input; into the directory -o names for
several inputs or a directory, mirroring the input tree (NAME.tei.xml,
NAME.json, …). Directories are read recursively (.txt, .xml and .json
files) and converted in parallel (--jobs); results and errors are reported
in input order, one failing file does not stop the others, and a summary
closes the run. Output files are written atomically (an interrupted run
leaves no half-written file), never over an input, never outside -o, and
an existing output only with --force. --corpus gathers TEI documents into
one teiCorpus whose header lists every participant once.

Examples:
   teikit convert testdata/transcripts/soong-stalin-1945-07-02.txt > soong.tei.xml
   teikit convert --to text soong.tei.xml
   teikit convert --to json soong.tei.xml > soong.json
   teikit convert --to jsonl -o index/ a.txt b.txt   # one JSON object per turn
   teikit convert --from text --to tei -o out/ a.txt b.txt
   cat meeting.txt | teikit convert -
   teikit convert -o out/ --jobs 8 archive/           # a whole tree, in parallel
   teikit convert --shard 2/4 -o out/ archive/        # the second of four parts
   teikit convert --to tei --corpus corpus.xml archive/`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "from", Value: "auto", Usage: "input format: auto, " + strings.Join(convert.Names(convert.Readers), ", ")},
			&cli.StringFlag{Name: "to", Value: "tei", Usage: "output format: " + strings.Join(convert.Names(convert.Writers), ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH`: a file for one input, a directory for several"},
			&cli.StringFlag{Name: "corpus", Usage: "with --to tei: write one teiCorpus of every input to `FILE`"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "convert `N` files at once"},
			&cli.StringFlag{Name: "shard", Usage: "convert only part `K/N` of the inputs (deterministic; for batch arrays)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite existing output files"},
		}, readFlags()...),
		Action: runConvert,
	}
}

// convertRun is one teikit convert invocation.
type convertRun struct {
	c        *cli.Context
	from, to string
	out      string // -o
	toDir    bool
	force    bool
	inputs   []corpus.Input
	paths    map[string]bool // every input path, cleaned, never to be written
	read     convert.ReadSettings
}

// result is what converting one input gave.
type result struct {
	doc    *transcript.Document // kept only for --corpus
	turns  int
	target string
	err    error
}

func runConvert(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("convert: no input (give files, directories, or - for standard input)", exitUsage)
	}
	r := &convertRun{c: c, from: c.String("from"), to: c.String("to"), out: c.String("output"), force: c.Bool("force")}
	if _, ok := convert.Writers[r.to]; !ok {
		return cli.Exit(fmt.Sprintf("convert: unknown --to %q (want one of %s)", r.to, strings.Join(convert.Names(convert.Writers), ", ")), exitUsage)
	}
	if _, ok := convert.Readers[r.from]; !ok && r.from != "auto" {
		return cli.Exit(fmt.Sprintf("convert: unknown --from %q (want auto or one of %s)", r.from, strings.Join(convert.Names(convert.Readers), ", ")), exitUsage)
	}
	var err error
	if r.read, err = readSettings(c); err != nil {
		return err
	}
	corpusFile := c.String("corpus")
	if corpusFile != "" && r.to != "tei" {
		return cli.Exit("convert: --corpus writes TEI: use it with --to tei", exitUsage)
	}
	inputs, err := corpus.Expand(c.Args().Slice(), inputExts(r.from))
	if err != nil {
		return cli.Exit("convert: "+err.Error(), exitUsage)
	}
	if c.IsSet("shard") {
		sh, err := corpus.ParseShard(c.String("shard"))
		if err != nil {
			return cli.Exit("convert: "+err.Error(), exitUsage)
		}
		inputs = sh.Pick(inputs)
	}
	r.inputs = inputs
	r.paths = map[string]bool{}
	for _, in := range inputs {
		r.paths[cleanAbs(in.Path)] = true
	}
	several := len(inputs) != 1 || inputs[0].Root != ""
	r.toDir = r.out != "" && (several || strings.HasSuffix(r.out, "/") || isDir(r.out))
	if several && r.out == "" && corpusFile == "" {
		return cli.Exit("convert: several inputs or a directory need -o DIR (or --corpus FILE)", exitUsage)
	}
	if corpusFile != "" {
		if r.paths[cleanAbs(corpusFile)] {
			return cli.Exit("convert: "+corpusFile+": refusing to write the corpus over an input", exitUsage)
		}
		return r.corpus(corpusFile)
	}
	return r.convertAll()
}

// inputExts are the file name endings read from directories.
func inputExts(from string) []string {
	switch from {
	case "text":
		return []string{".txt"}
	case "tei":
		return []string{".xml"}
	case "json":
		return []string{".json"}
	}
	return []string{".txt", ".xml", ".json"}
}

// convertAll converts every input to its own output.
func (r *convertRun) convertAll() error {
	stats := newStats(r.c, len(r.inputs))
	ctx, stop := signal.NotifyContext(r.c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	corpus.Map(ctx, r.inputs, r.c.Int("jobs"), func(in corpus.Input) result {
		return r.one(in, false)
	}, func(in corpus.Input, res result) {
		stats.add(res.turns, res.err)
	})
	return stats.finish(ctx, "converted", len(r.inputs) > 1 || r.toDir)
}

// one converts one input; for --corpus (keep) it keeps the document
// instead of writing it.
func (r *convertRun) one(in corpus.Input, keep bool) result {
	name, src, err := readInputFile(r.c, in.Path)
	if err != nil {
		return result{err: err}
	}
	doc, err := convert.ReadWith(name, src, r.from, r.read)
	if err != nil {
		return result{err: err}
	}
	res := result{turns: len(doc.Turns())}
	if keep {
		res.doc = doc
		return res
	}
	data, err := convert.Write(name, doc, r.to)
	if err != nil {
		return result{err: err}
	}
	res.target = r.out
	if r.toDir {
		res.target = filepath.Join(r.out, filepath.Dir(in.Rel()), outputName(in.Path, r.to))
	}
	if res.target == "" {
		_, res.err = r.c.App.Writer.Write(data)
		return res
	}
	res.err = r.write(name, res.target, data)
	return res
}

// write writes one output file atomically, after the checks of SPEC §7.
func (r *convertRun) write(name, target string, data []byte) error {
	if r.paths[cleanAbs(target)] {
		return fmt.Errorf("%s: refusing to write the output over an input (%s)", name, target)
	}
	if !r.force {
		if _, err := os.Lstat(target); err == nil {
			return fmt.Errorf("%s: %s exists (use --force to overwrite it)", name, target)
		}
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(target, data, 0o644)
}

// corpus converts every input into one teiCorpus file.
func (r *convertRun) corpus(file string) error {
	if !r.force {
		if _, err := os.Lstat(file); err == nil {
			return cli.Exit("convert: "+file+" exists (use --force to overwrite it)", exitUsage)
		}
	}
	tc, err := convert.NewTEICorpus()
	if err != nil {
		return cli.Exit("convert: "+err.Error(), exitUsage)
	}
	defer tc.Close()
	stats := newStats(r.c, len(r.inputs))
	ctx, stop := signal.NotifyContext(r.c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	corpus.Map(ctx, r.inputs, r.c.Int("jobs"), func(in corpus.Input) result {
		return r.one(in, true)
	}, func(in corpus.Input, res result) {
		if res.err == nil {
			res.err = tc.Add(res.doc)
		}
		stats.add(res.turns, res.err)
	})
	if ctx.Err() == nil {
		var buf bytes.Buffer
		if _, err := tc.WriteTo(&buf); err != nil {
			return cli.Exit("convert: "+err.Error(), exitUsage)
		}
		if err := atomicfile.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			return cli.Exit("convert: "+err.Error(), exitUsage)
		}
	}
	return stats.finish(ctx, "converted into "+file+":", true)
}

// readInputFile reads a named input, or standard input for "-".
func readInputFile(c *cli.Context, path string) (string, []byte, error) {
	if path == "-" {
		src, err := io.ReadAll(c.App.Reader)
		return "<stdin>", src, err
	}
	src, err := os.ReadFile(path)
	return path, src, err
}

// outputName names the output of input in format to.
func outputName(in, to string) string {
	base := filepath.Base(in)
	if in == "-" {
		base = "stdin"
	}
	for _, ext := range []string{".tei.xml", ".xml", ".json", ".txt"} {
		base = strings.TrimSuffix(base, ext)
	}
	return base + convert.Extensions[to]
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// cleanAbs returns path absolute, with symbolic links resolved where it
// exists, to compare outputs with inputs.
func cleanAbs(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}
