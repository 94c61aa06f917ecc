package main

import (
	"sort"
	"strings"
	"unicode"
)

// asciiPairs maps accented Latin letters to their ASCII base: "éé|" is read as
// rune 'é' → "e". Generated once from Unicode NFD decompositions of
// U+00C0–U+024F and U+1E00–U+1EFF, plus the letters that do not decompose
// (ß, æ, œ, ø, đ, ł, þ, ð, ı…).
const asciiPairs = "" +
	"ÀA|ÁA|ÂA|ÃA|ÄA|ÅA|ÆAE|ÇC|ÈE|ÉE|ÊE|ËE|ÌI|ÍI|ÎI|ÏI|ÐD|ÑN|ÒO|" +
	"ÓO|ÔO|ÕO|ÖO|ØO|ÙU|ÚU|ÛU|ÜU|ÝY|ÞTH|ßss|àa|áa|âa|ãa|äa|åa|æae|" +
	"çc|èe|ée|êe|ëe|ìi|íi|îi|ïi|ðd|ñn|òo|óo|ôo|õo|öo|øo|ùu|úu|ûu|" +
	"üu|ýy|þth|ÿy|ĀA|āa|ĂA|ăa|ĄA|ąa|ĆC|ćc|ĈC|ĉc|ĊC|ċc|ČC|čc|ĎD|" +
	"ďd|ĐD|đd|ĒE|ēe|ĔE|ĕe|ĖE|ėe|ĘE|ęe|ĚE|ěe|ĜG|ĝg|ĞG|ğg|ĠG|ġg|ĢG|" +
	"ģg|ĤH|ĥh|ĦH|ħh|ĨI|ĩi|ĪI|īi|ĬI|ĭi|ĮI|įi|İI|ıi|ĲIJ|ĳij|ĴJ|ĵj|" +
	"ĶK|ķk|ĸk|ĹL|ĺl|ĻL|ļl|ĽL|ľl|ĿL|ŀl|ŁL|łl|ŃN|ńn|ŅN|ņn|ŇN|ňn|ŉn|" +
	"ŊN|ŋn|ŌO|ōo|ŎO|ŏo|ŐO|őo|ŒOE|œoe|ŔR|ŕr|ŖR|ŗr|ŘR|řr|ŚS|śs|ŜS|" +
	"ŝs|ŞS|şs|ŠS|šs|ŢT|ţt|ŤT|ťt|ŦT|ŧt|ŨU|ũu|ŪU|ūu|ŬU|ŭu|ŮU|ůu|ŰU|" +
	"űu|ŲU|ųu|ŴW|ŵw|ŶY|ŷy|ŸY|ŹZ|źz|ŻZ|żz|ŽZ|žz|ſs|ƒf|ƠO|ơo|ƯU|ưu|" +
	"ǍA|ǎa|ǏI|ǐi|ǑO|ǒo|ǓU|ǔu|ǕU|ǖu|ǗU|ǘu|ǙU|ǚu|ǛU|ǜu|ǞA|ǟa|ǠA|ǡa|" +
	"ǦG|ǧg|ǨK|ǩk|ǪO|ǫo|ǬO|ǭo|ǰj|ǴG|ǵg|ǸN|ǹn|ǺA|ǻa|ȀA|ȁa|ȂA|ȃa|ȄE|" +
	"ȅe|ȆE|ȇe|ȈI|ȉi|ȊI|ȋi|ȌO|ȍo|ȎO|ȏo|ȐR|ȑr|ȒR|ȓr|ȔU|ȕu|ȖU|ȗu|ȘS|" +
	"șs|ȚT|țt|ȞH|ȟh|ȦA|ȧa|ȨE|ȩe|ȪO|ȫo|ȬO|ȭo|ȮO|ȯo|ȰO|ȱo|ȲY|ȳy|ḀA|" +
	"ḁa|ḂB|ḃb|ḄB|ḅb|ḆB|ḇb|ḈC|ḉc|ḊD|ḋd|ḌD|ḍd|ḎD|ḏd|ḐD|ḑd|ḒD|ḓd|ḔE|" +
	"ḕe|ḖE|ḗe|ḘE|ḙe|ḚE|ḛe|ḜE|ḝe|ḞF|ḟf|ḠG|ḡg|ḢH|ḣh|ḤH|ḥh|ḦH|ḧh|ḨH|" +
	"ḩh|ḪH|ḫh|ḬI|ḭi|ḮI|ḯi|ḰK|ḱk|ḲK|ḳk|ḴK|ḵk|ḶL|ḷl|ḸL|ḹl|ḺL|ḻl|ḼL|" +
	"ḽl|ḾM|ḿm|ṀM|ṁm|ṂM|ṃm|ṄN|ṅn|ṆN|ṇn|ṈN|ṉn|ṊN|ṋn|ṌO|ṍo|ṎO|ṏo|ṐO|" +
	"ṑo|ṒO|ṓo|ṔP|ṕp|ṖP|ṗp|ṘR|ṙr|ṚR|ṛr|ṜR|ṝr|ṞR|ṟr|ṠS|ṡs|ṢS|ṣs|ṤS|" +
	"ṥs|ṦS|ṧs|ṨS|ṩs|ṪT|ṫt|ṬT|ṭt|ṮT|ṯt|ṰT|ṱt|ṲU|ṳu|ṴU|ṵu|ṶU|ṷu|ṸU|" +
	"ṹu|ṺU|ṻu|ṼV|ṽv|ṾV|ṿv|ẀW|ẁw|ẂW|ẃw|ẄW|ẅw|ẆW|ẇw|ẈW|ẉw|ẊX|ẋx|ẌX|" +
	"ẍx|ẎY|ẏy|ẐZ|ẑz|ẒZ|ẓz|ẔZ|ẕz|ẖh|ẗt|ẘw|ẙy|ẠA|ạa|ẢA|ảa|ẤA|ấa|ẦA|" +
	"ầa|ẨA|ẩa|ẪA|ẫa|ẬA|ậa|ẮA|ắa|ẰA|ằa|ẲA|ẳa|ẴA|ẵa|ẶA|ặa|ẸE|ẹe|ẺE|" +
	"ẻe|ẼE|ẽe|ẾE|ếe|ỀE|ềe|ỂE|ểe|ỄE|ễe|ỆE|ệe|ỈI|ỉi|ỊI|ịi|ỌO|ọo|ỎO|" +
	"ỏo|ỐO|ốo|ỒO|ồo|ỔO|ổo|ỖO|ỗo|ỘO|ộo|ỚO|ớo|ỜO|ờo|ỞO|ởo|ỠO|ỡo|ỢO|" +
	"ợo|ỤU|ụu|ỦU|ủu|ỨU|ứu|ỪU|ừu|ỬU|ửu|ỮU|ữu|ỰU|ựu|ỲY|ỳy|ỴY|ỵy|ỶY|" +
	"ỷy|ỸY|ỹy|"

var asciiOf = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range strings.Split(asciiPairs, "|") {
		if p == "" {
			continue
		}
		r := []rune(p)
		m[r[0]] = string(r[1:])
	}
	return m
}()

// toASCII removes diacritics: "Erdoğan" → "Erdogan", "Lương Cường" → "Luong Cuong".
func toASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if a, ok := asciiOf[r]; ok {
			b.WriteString(a)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fold is the matching key of a form: lower case, no diacritics, typographic
// apostrophes and dashes made ASCII, spaces collapsed.
func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ', '´', '`':
			return '\''
		case '‐', '‑', '–', '—':
			return '-'
		}
		return r
	}, s)
	return strings.Join(strings.Fields(strings.ToLower(toASCII(s))), " ")
}

// slug is the id part of a person: lower-case ASCII words joined by "-".
func slug(s string) string {
	s = strings.NewReplacer("'", "", "’", "", "ʻ", "", "ʼ", "", `"`, "", ".", "").Replace(s)
	s = strings.ToLower(toASCII(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// upperID is the ACRONYM or NAME part of an org or group id: upper-case ASCII,
// runs of anything else replaced by one "_".
func upperID(s string) string {
	s = strings.NewReplacer("'", "", "’", "", ".", "").Replace(s)
	s = strings.ToUpper(toASCII(s))
	var b strings.Builder
	under := false
	for _, r := range s {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
			continue
		}
		under = true
	}
	return b.String()
}

// clean trims a form, drops invisible format characters (the data has U+200F
// after some aliases) and collapses spaces.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// latinOnly reports whether every letter of s is in the Latin script and s
// holds nothing but letters, marks, digits, spaces and . ' ’ - & ( ) ,.
func latinOnly(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
		case unicode.Is(unicode.Mn, r), unicode.IsDigit(r), r == ' ':
		case strings.ContainsRune(".'’-&(),", r):
		default:
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// upperFirst capitalises the first letter.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// forms is an ordered set of surface forms: the first spelling of each
// (fold, all-caps) key wins, so "États-Unis" hides a later "Etats-Unis" but
// "US" and "Us" stay apart.
type forms struct {
	list []string
	seen map[string]bool
}

func formKey(s string) string {
	if isAllUpper(s) {
		return "U:" + fold(s)
	}
	return fold(s)
}

func (f *forms) add(ss ...string) {
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	for _, s := range ss {
		s = clean(s)
		if s == "" {
			continue
		}
		k := formKey(s)
		if f.seen[k] {
			continue
		}
		f.seen[k] = true
		f.list = append(f.list, s)
	}
}

func (f *forms) has(s string) bool { return f.seen[formKey(clean(s))] }

// remove drops every form whose key is in drop.
func (f *forms) remove(drop func(string) bool) {
	out := f.list[:0]
	for _, s := range f.list {
		if drop(s) {
			delete(f.seen, formKey(s))
			continue
		}
		out = append(out, s)
	}
	f.list = out
}

// byLang is a language → forms table, the shape of names, demonyms and seats.
type byLang map[string]*forms

func (b byLang) add(lang string, ss ...string) {
	f, ok := b[lang]
	if !ok {
		f = &forms{}
		b[lang] = f
	}
	f.add(ss...)
}

// out is the YAML value: nil when empty, languages with no form left out.
func (b byLang) out() map[string][]string {
	m := map[string][]string{}
	for l, f := range b {
		if len(f.list) > 0 {
			m[l] = append([]string(nil), f.list...)
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
