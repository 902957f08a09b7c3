// Package corpusgen writes corpora of generated transcripts for teikit's
// corpus tests and benchmarks. It is not part of the teikit command.
package corpusgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Write writes n documents under dir (in subdirectories of 100 files),
// each a variant of one of the sources: the citation URL gets a unique
// document number, and the title, its citation and the first turn a
// unique suffix, so every document has an id of its own. It returns the
// paths written and their total size in bytes.
func Write(dir string, n int, sources [][]byte) ([]string, int64, error) {
	var paths []string
	var size int64
	for i := range n {
		src := string(sources[i%len(sources)])
		doc := vary(src, i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return nil, 0, err
		}
		path := filepath.Join(sub, fmt.Sprintf("doc-%05d.txt", i))
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			return nil, 0, err
		}
		paths = append(paths, path)
		size += int64(len(doc))
	}
	return paths, size, nil
}

// vary makes document i of a source: a unique document number in the
// URL, and the copy's number after the title wherever the title stands.
func vary(src string, i int) string {
	if a := strings.Index(src, "/document/"); a >= 0 {
		b := a + len("/document/")
		e := b
		for e < len(src) && src[e] >= '0' && src[e] <= '9' {
			e++
		}
		src = src[:b] + fmt.Sprintf("9%06d", i) + src[e:]
	}
	if a := strings.Index(src, "### **"); a >= 0 {
		e := strings.Index(src[a:], "**\n")
		if e > 0 {
			title := src[a+len("### **") : a+e]
			src = strings.ReplaceAll(src, title, fmt.Sprintf("%s (copy %d)", title, i))
		}
	}
	return src
}
