// Package corpus finds the inputs of a run (files and directories,
// recursively), picks a deterministic shard of them, and processes them in
// parallel while delivering results in input order.
package corpus

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Input is one file to process.
type Input struct {
	Path string // as given, or found under a directory; "-" for standard input
	Root string // the directory argument it was found under, "" for a file argument
}

// Rel returns the input's path relative to its directory argument, or its
// base name for a file argument: where its output goes under -o DIR.
func (in Input) Rel() string {
	if in.Root == "" {
		return filepath.Base(in.Path)
	}
	rel, err := filepath.Rel(in.Root, in.Path)
	if err != nil {
		return filepath.Base(in.Path)
	}
	return rel
}

// Expand turns the arguments of a command into inputs: files as given, and
// under each directory every file whose name ends in one of exts, in
// lexical order. Hidden files and directories are skipped; symbolic links
// to directories are not followed, so a link loop cannot trap the walk.
func Expand(args []string, exts []string) ([]Input, error) {
	var out []Input
	for _, arg := range args {
		if arg == "-" {
			out = append(out, Input{Path: "-"})
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, Input{Path: arg})
			continue
		}
		var found []Input
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && hasExt(d.Name(), exts) {
				found = append(found, Input{Path: path, Root: arg})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		out = append(out, found...)
	}
	return out, nil
}

func hasExt(name string, exts []string) bool {
	for _, e := range exts {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// Shard is one of N deterministic parts of a corpus (K counts from 1).
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("--shard %q: want K/N with 1 ≤ K ≤ N", s)
	}
	return Shard{ki, ni}, nil
}

// Pick returns the inputs that belong to the shard. An input's shard is a
// hash of its relative path, so it does not move when others are added.
func (s Shard) Pick(ins []Input) []Input {
	if s.N <= 1 {
		return ins
	}
	var out []Input
	for _, in := range ins {
		h := fnv.New32a()
		h.Write([]byte(filepath.ToSlash(in.Rel())))
		if int(h.Sum32()%uint32(s.N)) == s.K-1 {
			out = append(out, in)
		}
	}
	return out
}

// Map calls work on every input with at most jobs calls at once and calls
// emit with each result in input order, from the calling goroutine. At
// most about 2×jobs results are held at a time, so memory follows jobs,
// not the number of inputs. When ctx is done no new work starts; Map
// returns after the work in flight has been emitted.
func Map[R any](ctx context.Context, ins []Input, jobs int, work func(Input) R, emit func(Input, R)) {
	if jobs < 1 {
		jobs = 1
	}
	type task struct {
		in  Input
		out chan R
	}
	tasks := make(chan task)
	order := make(chan task, jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				t.out <- work(t.in)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(tasks)
		for _, in := range ins {
			if ctx.Err() != nil {
				return
			}
			t := task{in, make(chan R, 1)}
			select {
			case order <- t:
			case <-ctx.Done():
				return
			}
			tasks <- t
		}
	}()
	for t := range order {
		emit(t.in, <-t.out)
	}
	wg.Wait()
}
