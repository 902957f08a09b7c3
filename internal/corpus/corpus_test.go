package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	_ "github.com/teikit/teikit/internal/golden" // every test binary understands -update
)

func TestMapKeepsInputOrder(t *testing.T) {
	var ins []Input
	for i := range 50 {
		ins = append(ins, Input{Path: string(rune('A' + i))})
	}
	var got []string
	Map(context.Background(), ins, 4, func(in Input) string {
		// Later inputs finish first.
		time.Sleep(time.Duration(50-len(in.Path)) * time.Microsecond * time.Duration(in.Path[0]%7))
		return in.Path
	}, func(in Input, r string) { got = append(got, r) })
	var want []string
	for _, in := range ins {
		want = append(want, in.Path)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results out of order:\n got %v\nwant %v", got, want)
	}
}

func TestMapStopsWhenCancelled(t *testing.T) {
	ins := make([]Input, 1000)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	Map(ctx, ins, 2, func(Input) int { return 1 }, func(Input, int) {
		n++
		if n == 10 {
			cancel()
		}
	})
	if n >= 1000 || n < 10 {
		t.Errorf("emitted %d results after cancelling at 10", n)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a/c.txt", "a/d.xml", ".hidden.txt", ".git/e.txt", "f.pdf"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	// A symbolic link loop must not trap the walk.
	os.Symlink(dir, filepath.Join(dir, "a", "loop"))
	ins, err := Expand([]string{dir}, []string{".txt", ".xml"})
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, in := range ins {
		rels = append(rels, in.Rel())
	}
	if want := []string{"a/c.txt", "a/d.xml", "b.txt"}; !reflect.DeepEqual(rels, want) {
		t.Errorf("Expand = %v, want %v", rels, want)
	}
}

func TestShardsPartition(t *testing.T) {
	var ins []Input
	for i := range 300 {
		ins = append(ins, Input{Path: filepath.Join("d", string(rune('a'+i%26)), string(rune('A'+i%50))+".txt"), Root: "d"})
	}
	seen := map[string]int{}
	for k := 1; k <= 3; k++ {
		for _, in := range (Shard{k, 3}).Pick(ins) {
			seen[in.Path]++
		}
	}
	for _, in := range ins {
		if seen[in.Path] != 1 {
			t.Fatalf("%s is in %d shards, want 1", in.Path, seen[in.Path])
		}
	}
	if _, err := ParseShard("4/3"); err == nil {
		t.Error("ParseShard accepts 4/3")
	}
}
