package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
)

// exitInterrupted is the exit status after SIGINT or SIGTERM.
const exitInterrupted = 130

// stats counts a run's files as they are reported, shows a progress bar
// on a terminal, and closes the run with a summary.
type stats struct {
	w      io.Writer
	bar    *progressbar.ProgressBar
	start  time.Time
	total  int
	files  int
	turns  int
	failed int
}

func newStats(c *cli.Context, total int) *stats {
	s := &stats{w: c.App.ErrWriter, start: time.Now(), total: total}
	if total > 1 && isTerminal(c.App.ErrWriter) {
		s.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(c.App.ErrWriter),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetDescription("teikit"))
	}
	return s
}

// add counts one file; a failure is reported at once, in input order.
func (s *stats) add(turns int, err error) {
	s.files++
	s.turns += turns
	if err != nil {
		s.failed++
		s.clear()
		fmt.Fprintln(s.w, "teikit: "+err.Error())
	}
	if s.bar != nil {
		s.bar.Add(1)
	}
}

func (s *stats) clear() {
	if s.bar != nil {
		s.bar.Clear()
	}
}

// finish prints the summary (when summary is set) and returns the exit
// error: interrupted, some failed, or nil.
func (s *stats) finish(ctx context.Context, verb string, summary bool) error {
	if s.bar != nil {
		s.bar.Finish()
	}
	if summary || ctx.Err() != nil {
		fmt.Fprintf(s.w, "teikit: %s %d of %d %s (%d turns) in %s; %d failed\n",
			verb, s.files-s.failed, s.total, plural(s.total, "file"), s.turns, time.Since(s.start).Round(time.Millisecond), s.failed)
	}
	switch {
	case ctx.Err() != nil:
		return cli.Exit("interrupted: no output file is half-written", exitInterrupted)
	case s.failed > 0:
		return cli.Exit("", exitUsage)
	}
	return nil
}
