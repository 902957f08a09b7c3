package main

import (
	"fmt"

	"github.com/teikit/teikit/validate"
	"github.com/urfave/cli/v2"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every validation rule with its severity and doc",
		Description: `Prints each rule teikit validate runs: its id, its severity and what it
checks. Ids are what --disable and --enable take.

Example:
   teikit rules`,
		Action: func(c *cli.Context) error {
			for _, r := range validate.Rules() {
				fmt.Fprintf(c.App.Writer, "%s (%s)\n    %s\n\n", r.ID, r.Severity, r.Doc)
			}
			return nil
		},
	}
}
