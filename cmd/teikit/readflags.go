package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/teikit/teikit/convert"
	"github.com/urfave/cli/v2"
)

// readFlags are the flags of every command that reads inputs: the
// personography and the resource limits.
func readFlags() []cli.Flag {
	d := convert.DefaultLimits
	return []cli.Flag{
		&cli.StringFlag{Name: "persons", Usage: "personography `FILE` (a TEI listPerson, or JSON {\"persons\": [{\"id\", \"name\", \"aliases\", \"idno\"}]}): ids, full names and authority ids for the speakers"},
		&cli.StringFlag{Name: convert.FlagMaxInputSize, Value: sizeString(d.MaxInputBytes), Usage: "refuse inputs larger than `SIZE` (bytes, or with KiB, MiB, GiB)"},
		&cli.IntFlag{Name: convert.FlagMaxDepth, Value: d.MaxXMLDepth, Usage: "refuse XML nested deeper than `N` elements (bounds text markup and JSON nesting too)"},
		&cli.StringFlag{Name: convert.FlagMaxTokenSize, Value: sizeString(int64(d.MaxTokenBytes)), Usage: "refuse an XML text node or attribute, or a text line, larger than `SIZE`"},
	}
}

// readSettings reads the flags of readFlags.
func readSettings(c *cli.Context) (convert.ReadSettings, error) {
	var s convert.ReadSettings
	input, err := parseSize(c.String(convert.FlagMaxInputSize))
	if err != nil {
		return s, cli.Exit(fmt.Sprintf("--%s: %v", convert.FlagMaxInputSize, err), exitUsage)
	}
	token, err := parseSize(c.String(convert.FlagMaxTokenSize))
	if err != nil {
		return s, cli.Exit(fmt.Sprintf("--%s: %v", convert.FlagMaxTokenSize, err), exitUsage)
	}
	if c.Int(convert.FlagMaxDepth) < 16 {
		return s, cli.Exit(fmt.Sprintf("--%s: at least 16", convert.FlagMaxDepth), exitUsage)
	}
	s.Limits = convert.Limits{MaxInputBytes: input, MaxXMLDepth: c.Int(convert.FlagMaxDepth), MaxTokenBytes: int(token)}
	if path := c.String("persons"); path != "" {
		src, err := os.ReadFile(path)
		if err != nil {
			return s, cli.Exit("--persons: "+err.Error(), exitUsage)
		}
		if s.Persons, err = convert.ReadPersonography(path, src); err != nil {
			return s, cli.Exit("--persons: "+err.Error(), exitUsage)
		}
	}
	return s, nil
}

var sizeUnits = []struct {
	suffix string
	n      int64
}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}

// parseSize reads "64MiB", "512KiB" or a number of bytes.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 || n > (1<<62)/mult {
		return 0, fmt.Errorf("want a size such as 64MiB, 512KiB or 1000000")
	}
	return n * mult, nil
}

// sizeString writes a size as parseSize reads it.
func sizeString(n int64) string {
	for _, u := range sizeUnits {
		if n%u.n == 0 && n >= u.n {
			return strconv.FormatInt(n/u.n, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}
