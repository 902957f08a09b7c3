package convert

import (
	"fmt"

	"github.com/teikit/teikit/transcript"
)

// Error is a fatal problem with an input, at a position when there is one.
type Error struct {
	File string
	Pos  transcript.Pos
	Msg  string
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	if e.Pos.IsValid() && e.Pos.Col == 0 {
		return fmt.Sprintf("%s:%d: %s", file, e.Pos.Line, e.Msg)
	}
	if e.Pos.IsValid() {
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", file, e.Msg)
}

func errorf(file string, pos transcript.Pos, format string, args ...any) *Error {
	return &Error{File: file, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}
