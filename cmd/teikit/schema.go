package main

import (
	"github.com/teikit/teikit/schemas"
	"github.com/urfave/cli/v2"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema of teikit's JSON (or, with --jsonl, of a JSON Lines record)",
		Description: `Prints the JSON Schema (draft 2020-12) that every JSON document teikit
writes validates against, as embedded in this binary. Any 2020-12
validator can check teikit's JSON with it; teikit itself checks JSON input
against it before reading.

Examples:
   teikit schema > transcript.schema.json
   teikit schema --jsonl > utterance.schema.json
   teikit convert --to json meeting.txt > meeting.json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "jsonl", Usage: "print the schema of one line of --to jsonl output instead"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return cli.Exit("schema: takes no arguments", exitUsage)
			}
			out := schemas.TranscriptJSON
			if c.Bool("jsonl") {
				out = schemas.UtteranceJSON
			}
			_, err := c.App.Writer.Write(out)
			return err
		},
	}
}
