package jsonpos

import "testing"

func TestOffset(t *testing.T) {
	src := []byte(`{
  "a": [1, {"b~/c": "x"}, [true]],
  "d" : {"e": null}
}`)
	tests := []struct {
		ptr  string
		want string // the text at the offset
		ok   bool
	}{
		{"", "{", true},
		{"/a", "[1,", true},
		{"/a/0", "1,", true},
		{"/a/1", `{"b~`, true},
		{"/a/1/b~0~1c", `"x"`, true},
		{"/a/2/0", "true", true},
		{"/d/e", "null", true},
		{"/d", `{"e"`, true},
		{"/a/3", "", false},
		{"/z", "", false},
		{"a", "", false},
	}
	for _, tt := range tests {
		off, ok := Offset(src, tt.ptr)
		if ok != tt.ok {
			t.Errorf("Offset(%q) ok = %v, want %v", tt.ptr, ok, tt.ok)
			continue
		}
		if ok && string(src[off:off+len(tt.want)]) != tt.want {
			t.Errorf("Offset(%q) = %d (%q…), want %q…", tt.ptr, off, src[off:min(off+8, len(src))], tt.want)
		}
	}
}
