package transcript

import "testing"

func TestPlainText(t *testing.T) {
	turn := &Turn{Blocks: []Block{
		&Para{Content: []Inline{
			&Text{Value: "  What "}, &Query{}, &Text{Value: " of Chiang "},
			&Supplied{Content: []Inline{&Text{Value: "Kai-shek"}}},
			&Text{Value: "\u00a0transmitted?  "}, &LineBreak{}, &Text{Value: "Next\tline"},
		}},
		&Stage{Content: []Inline{&Text{Value: "He laughs"}}},
		&List{Items: []*Item{{N: "1", Content: []Inline{&Text{Value: "Lüshunkou,"}}}, {N: "2", Content: []Inline{&Text{Value: "vis à vis"}}}}},
		&PageBreak{N: "2"},
		&Para{Content: []Inline{&Text{Value: "End."}}},
	}}
	want := "What of Chiang Kai-shek transmitted? Next line 1) Lüshunkou, 2) vis à vis End."
	if got := turn.PlainText(); got != want {
		t.Errorf("PlainText() =\n %q\nwant\n %q", got, want)
	}
	if got := (&Turn{}).PlainText(); got != "" {
		t.Errorf("PlainText() of an empty turn = %q", got)
	}
}
