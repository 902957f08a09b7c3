package convert

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/beevik/etree"
)

const seed = "soong-stalin-1945-07-02"

func seedText(b *testing.B) []byte {
	return readFile(b, filepath.Join("..", "testdata", "transcripts", seed+".txt"))
}

func seedTEI(b *testing.B) []byte {
	return readFile(b, filepath.Join("..", "testdata", "golden", seed+".tei.xml"))
}

// BenchmarkTextToTEI measures the seed through the text reader and the
// TEI writer; MB/s counts input bytes.
func BenchmarkTextToTEI(b *testing.B) {
	src := seedText(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Convert(seed, src, "text", "tei"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTEIToText measures the seed's TEI through the TEI reader and
// the text writer; MB/s counts input bytes.
func BenchmarkTEIToText(b *testing.B) {
	src := seedTEI(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Convert(seed, src, "tei", "text"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEtreeParse is the ceiling for reading TEI: etree's bare parse
// of the seed's golden TEI.
func BenchmarkEtreeParse(b *testing.B) {
	src := seedTEI(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := etree.NewDocument().ReadFromBytes(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEtreeWrite is the ceiling for writing TEI: etree's bare write
// of the seed's golden TEI, already parsed.
func BenchmarkEtreeWrite(b *testing.B) {
	src := seedTEI(b)
	x := etree.NewDocument()
	if err := x.ReadFromBytes(src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := x.WriteTo(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
