package transcript

import (
	"fmt"
	"strconv"
	"strings"
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ParseDate reads a date as the archive writes it ("July 2, 1945",
// "2 July 1945", "July 1945", "1945") and returns its ISO 8601 form, or ""
// when s is not a date. Trailing text after the date is allowed and its
// length in bytes is returned as rest.
func ParseDate(s string) (iso string, rest string) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) == 0 {
		return "", s
	}
	day, month, year := 0, 0, 0
	n := 0
	switch {
	case len(f) >= 3 && isDay(f[0]) && months[strings.ToLower(strings.TrimSuffix(f[1], "."))] > 0 && isYear(f[2]):
		day, month, year, n = atoi(f[0]), months[strings.ToLower(strings.TrimSuffix(f[1], "."))], atoi(f[2]), 3
	case len(f) >= 3 && months[strings.ToLower(strings.TrimSuffix(f[0], "."))] > 0 && isDay(f[1]) && isYear(f[2]):
		day, month, year, n = atoi(f[1]), months[strings.ToLower(strings.TrimSuffix(f[0], "."))], atoi(f[2]), 3
	case len(f) >= 2 && months[strings.ToLower(strings.TrimSuffix(f[0], "."))] > 0 && isYear(f[1]):
		month, year, n = months[strings.ToLower(strings.TrimSuffix(f[0], "."))], atoi(f[1]), 2
	case isYear(f[0]):
		year, n = atoi(f[0]), 1
	default:
		return "", s
	}
	// Find where the n-th field ends in s.
	end := 0
	for i := 0; i < n; i++ {
		j := strings.Index(s[end:], f[i])
		end += j + len(f[i])
	}
	switch {
	case day > 0:
		iso = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	case month > 0:
		iso = fmt.Sprintf("%04d-%02d", year, month)
	default:
		iso = fmt.Sprintf("%04d", year)
	}
	return iso, s[end:]
}

func isDay(s string) bool {
	d := atoi(s)
	return len(s) <= 2 && d >= 1 && d <= 31
}

func isYear(s string) bool {
	return len(s) == 4 && atoi(s) >= 1000
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// ParseDateline reads a dateline such as "2 July 1945, 8:00 - 10:30 p.m."
// into an ISO date and, when it gives them, the start and end times
// (hh:mm:ss). ok is false when the line does not open with a full date.
func ParseDateline(s string) (when, from, to string, ok bool) {
	when, rest := ParseDate(s)
	if len(when) != len("1945-07-02") {
		return "", "", "", false
	}
	rest = strings.TrimLeft(rest, " ,")
	a, b, found := strings.Cut(rest, "-")
	if !found {
		a, b, found = strings.Cut(rest, "–")
	}
	t1, m1 := parseClock(a)
	if t1 < 0 {
		return when, "", "", true
	}
	if !found {
		return when, clock(applyMeridiem(t1, m1)), "", true
	}
	t2, m2 := parseClock(b)
	if t2 < 0 {
		return when, clock(applyMeridiem(t1, m1)), "", true
	}
	if m1 == "" {
		m1 = m2
	}
	f, t := applyMeridiem(t1, m1), applyMeridiem(t2, m2)
	if f > t && m1 == "pm" && m2 == "pm" {
		f = applyMeridiem(t1, "am")
	}
	return when, clock(f), clock(t), true
}

// parseClock reads "8:00" or "10:30 p.m." into minutes after midnight
// (on a 12-hour clock when a meridiem follows) and the meridiem.
func parseClock(s string) (int, string) {
	s = strings.TrimSpace(s)
	hm, tail, _ := strings.Cut(s, " ")
	h, m, ok := strings.Cut(hm, ":")
	if !ok {
		h, m, ok = strings.Cut(hm, ".")
	}
	if !ok || atoi(h) < 0 || atoi(h) > 23 || len(m) != 2 || atoi(m) < 0 || atoi(m) > 59 {
		return -1, ""
	}
	mer := strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(tail))
	switch {
	case strings.HasPrefix(mer, "pm"):
		mer = "pm"
	case strings.HasPrefix(mer, "am"):
		mer = "am"
	default:
		mer = ""
	}
	return atoi(h)*60 + atoi(m), mer
}

func applyMeridiem(t int, mer string) int {
	h := t / 60
	switch {
	case mer == "pm" && h < 12:
		t += 12 * 60
	case mer == "am" && h == 12:
		t -= 12 * 60
	}
	return t
}

func clock(t int) string {
	return fmt.Sprintf("%02d:%02d:00", t/60, t%60)
}
