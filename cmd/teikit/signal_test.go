package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptLeavesNoPartialFile starts a long conversion, interrupts it
// with SIGINT while it writes, and checks that every output file there is
// complete, that no temporary file is left, and that the exit status says
// the run was interrupted.
func TestInterruptLeavesNoPartialFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds teikit and converts 3,000 files")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "teikit")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "transcripts", "soong-stalin-1945-07-02.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	const n = 3000
	for i := range n {
		sub := filepath.Join(in, strconv.Itoa(i%10))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, "doc"+strconv.Itoa(i)+".txt"), seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "convert", "--jobs", "1", "-o", out, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the first outputs, then interrupt.
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(out, "0", "*.tei.xml")); len(m) >= 5 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("teikit exited with %v, want status %d (interrupted)", err, exitInterrupted)
	}
	written := 0
	err = filepath.Walk(out, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		if !strings.HasSuffix(path, ".tei.xml") || strings.HasPrefix(fi.Name(), ".") {
			t.Errorf("left behind: %s", path)
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(string(b), "</TEI>\n") {
			t.Errorf("%s is incomplete (%d bytes)", path, len(b))
		}
		written++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if written == 0 || written >= n {
		t.Errorf("%d of %d files written: the interrupt did not land mid-run", written, n)
	}
	t.Logf("interrupted after %d of %d files", written, n)
}
