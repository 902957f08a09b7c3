// Command teikit converts archival meeting transcripts to TEI P5 and back,
// and validates them. It only wires flags to the library packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

// version is teikit's version, printed by --version.
var version = "0.1.0"

// Exit codes (SPEC §7).
const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run runs the app and returns its exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(args)
	if err == nil {
		return exitClean
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := ec.Error(); msg != "" {
			fmt.Fprintln(stderr, "teikit: "+msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(stderr, "teikit: "+err.Error())
	return exitUsage
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "teikit",
		Usage:   "archival meeting transcripts to TEI P5 and JSON and back, losslessly; validation for publication",
		Version: version,
		Description: `teikit reads transcripts exported by the Wilson Center Digital Archive
and writes TEI P5 (valid against tei_all) or JSON, reads both back into the
same transcript byte for byte, and validates transcripts, TEI and JSON —
single files or whole directories — before publication.

Examples:
   teikit convert testdata/transcripts/soong-stalin-1945-07-02.txt
   teikit convert --to text -o meeting.txt meeting.tei.xml
   teikit convert --to json -o out/ archive/
   teikit validate --format github archive/
   teikit rules`,
		Reader:               stdin,
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		ExitErrHandler:       func(*cli.Context, error) {},
		Commands: []*cli.Command{
			convertCommand(),
			schemaCommand(),
			validateCommand(),
			rulesCommand(),
		},
	}
}
