package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/teikit/teikit/internal/corpusgen"
)

// benchCorpus writes 1,000 seed-sized documents for the corpus benchmarks.
func benchCorpus(b *testing.B) (string, int64) {
	b.Helper()
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "transcripts", "soong-stalin-1945-07-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "corpus")
	_, size, err := corpusgen.Write(dir, 1000, [][]byte{seed})
	if err != nil {
		b.Fatal(err)
	}
	return dir, size
}

// runCLI runs teikit with args, its output discarded, and fails on an
// exit status other than want.
func runCLI(b *testing.B, want int, args ...string) {
	if code := run(append([]string{"teikit"}, args...), nil, io.Discard, io.Discard); code != want {
		b.Fatalf("teikit %v: exit %d, want %d", args, code, want)
	}
}

// BenchmarkCorpusConvert converts 1,000 seed-sized documents to TEI files
// with the default --jobs (all cores).
func BenchmarkCorpusConvert(b *testing.B) {
	dir, size := benchCorpus(b)
	out := filepath.Join(b.TempDir(), "out")
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runCLI(b, exitClean, "convert", "--force", "-o", out, "--jobs", strconv.Itoa(runtime.NumCPU()), dir)
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkCorpusValidate runs every rule, round trips included, over
// 1,000 seed-sized documents with the default --jobs.
func BenchmarkCorpusValidate(b *testing.B) {
	dir, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runCLI(b, exitClean, "validate", "--jobs", strconv.Itoa(runtime.NumCPU()), dir)
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "docs/s")
}
