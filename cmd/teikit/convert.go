package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/teikit/teikit/convert"
	"github.com/teikit/teikit/internal/atomicfile"
	"github.com/urfave/cli/v2"
)

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert transcripts between the archival text export, TEI and JSON",
		ArgsUsage: "INPUT... (a file, or - for standard input)",
		Description: `Reads each INPUT and writes it in the --to format: to standard output,
to the file -o names (one input), or into the directory -o names (several
inputs; each output is named after its input). Output files are written
atomically, and an input is never overwritten.

Examples:
   teikit convert testdata/transcripts/soong-stalin-1945-07-02.txt > soong.tei.xml
   teikit convert --to text soong.tei.xml
   teikit convert --to json soong.tei.xml > soong.json
   teikit convert --to jsonl -o index/ a.txt b.txt   # one JSON object per turn
   teikit convert --from text --to tei -o out/ a.txt b.txt
   cat meeting.txt | teikit convert -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "from", Value: "auto", Usage: "input format: auto, " + strings.Join(convert.Names(convert.Readers), ", ")},
			&cli.StringFlag{Name: "to", Value: "tei", Usage: "output format: " + strings.Join(convert.Names(convert.Writers), ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH`: a file for one input, a directory for several"},
		},
		Action: runConvert,
	}
}

func runConvert(c *cli.Context) error {
	inputs := c.Args().Slice()
	if len(inputs) == 0 {
		return cli.Exit("convert: no input (give a file, or - for standard input)", exitUsage)
	}
	from, to, out := c.String("from"), c.String("to"), c.String("output")
	if _, ok := convert.Writers[to]; !ok {
		return cli.Exit(fmt.Sprintf("convert: unknown --to %q (want one of %s)", to, strings.Join(convert.Names(convert.Writers), ", ")), exitUsage)
	}
	if _, ok := convert.Readers[from]; !ok && from != "auto" {
		return cli.Exit(fmt.Sprintf("convert: unknown --from %q (want auto or one of %s)", from, strings.Join(convert.Names(convert.Readers), ", ")), exitUsage)
	}
	toDir := out != "" && (len(inputs) > 1 || strings.HasSuffix(out, "/") || isDir(out))
	if len(inputs) > 1 && out == "" {
		return cli.Exit("convert: several inputs need -o DIR", exitUsage)
	}
	failed := false
	for _, in := range inputs {
		target := out
		if toDir {
			target = filepath.Join(out, outputName(in, to))
		}
		if err := convertOne(c, in, from, to, target); err != nil {
			fmt.Fprintln(c.App.ErrWriter, "teikit: "+err.Error())
			failed = true
		}
	}
	if failed {
		return cli.Exit("", exitUsage)
	}
	return nil
}

// convertOne converts one input to target ("" for standard output).
func convertOne(c *cli.Context, in, from, to, target string) error {
	name := in
	var src []byte
	var err error
	if in == "-" {
		name = "<stdin>"
		src, err = io.ReadAll(c.App.Reader)
	} else {
		src, err = os.ReadFile(in)
	}
	if err != nil {
		return err
	}
	if target != "" && in != "-" && samePath(in, target) {
		return fmt.Errorf("%s: refusing to write the output over the input", in)
	}
	data, err := convert.Convert(name, src, from, to)
	if err != nil {
		return err
	}
	if target == "" {
		_, err = c.App.Writer.Write(data)
		return err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(target, data, 0o644)
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

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}
