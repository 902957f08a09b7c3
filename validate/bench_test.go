package validate

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkValidateSeed runs every rule, round trips included, over the
// reference transcript; MB/s counts input bytes.
func BenchmarkValidateSeed(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "transcripts", "soong-stalin-1945-07-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Name: "seed.txt", Src: src}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Check(in, Options{})
	}
}
