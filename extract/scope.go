package extract

import (
	"strings"

	"github.com/irkg/irkg/kg"
)

// scope is what the words around a trigger say of its fact (ONTOLOGY §4).
type scope struct {
	negated    bool
	modality   string
	attributed string
}

// scopeOf computes negation, modality and attribution for the trigger at
// tokens [ts, te) of s. Cues count within the trigger's segment.
func (d *doc) scopeOf(s *sent, ts, te int) scope {
	a, b := s.segment(ts)
	var sc scope
	from := max(a, ts-5)
	suppressed := func(k int) bool {
		for _, c := range s.cues["hypothetical"] {
			if k >= c.start && k < c.end && c.end-c.start > 1 {
				return true // "did not rule out": no negation
			}
		}
		for _, cls := range []string{"alleged", "absence"} {
			for _, c := range s.cues[cls] {
				if k >= c.start && k < c.end {
					return true
				}
			}
		}
		for _, c := range s.clauses {
			if k >= c.start && k < c.end {
				return true
			}
		}
		return false
	}
	for _, c := range s.cues["negation"] {
		if c.start >= from && c.start < te && !suppressed(c.start) {
			// a clause boundary between the cue and the trigger ends its scope
			cut := false
			for k := c.end; k < ts; k++ {
				if s.toks[k].Text == "," || s.toks[k].Fold == "que" || s.toks[k].Fold == "that" || s.toks[k].Fold == "qui" || s.toks[k].Fold == "which" {
					cut = true
				}
			}
			if !cut {
				sc.negated = true
			}
		}
	}
	// modality
	switch {
	case s.hasCue("alleged", max(a, ts-6), te+1) || s.hasLongCue("alleged", te, min(b, te+15), 3):
		sc.modality = kg.ModAlleged
	case s.hasCue("hypothetical", s.clauseStart(ts, a, 10), te) || conditionalVerb(d.lang, s, ts, te) || s.hasCueWord("hypothetical", a, ts, "if", "si"):
		sc.modality = kg.ModHypothetical
	case s.hasCue("future", s.clauseStart(ts, a, 10), te+1) || futureVerb(d.lang, s, ts, te):
		sc.modality = kg.ModFuture
	}
	// attribution: selon X / according to X
	for _, c := range s.cues["according"] {
		j := s.skipFillers(c.end, 2)
		src := ""
		srcEnd := j
		if m := s.mentionAt(j); m != nil && m.kind != mkGroup {
			src = m.id
			if m.kind == mkWe {
				src = d.speaker
			}
			srcEnd = m.end
		} else if j < len(s.toks) && (s.toks[j].Fold == "lui" || s.toks[j].Fold == "him" || s.toks[j].Fold == "elle") {
			src = d.lastSpeaker
			srcEnd = j + 1
		} else {
			// "selon le texte", "selon les médias": a source without an id
			continue
		}
		ca, cb := s.segment(c.start)
		// "selon le ministère ukrainien de la Défense, …": the source's own complement
		for k := srcEnd; k < cb && k < srcEnd+6 && s.toks[k].Text != ","; k++ {
			if !s.toks[k].Word && s.toks[k].Text != "'" {
				break
			}
			if k+1 < cb && s.toks[k+1].Text == "," {
				srcEnd = k + 1
			}
		}
		var in bool
		if srcEnd < cb && s.toks[srcEnd].Text == "," && srcEnd+1 < cb && !endsClause(s, srcEnd+1) {
			in = ts >= c.start && ts < cb
		} else {
			in = ts >= ca && ts < c.start
		}
		if in {
			sc.attributed = src
			sc.modality = kg.ModAlleged
		}
	}
	if sc.attributed == "" {
		sc.attributed = d.speechSource(s, ts)
	}
	return sc
}

// clauseStart is where a modal before token ts may stand: at most max tokens
// back, not past a comma, "that/que" or "but/mais" ("the United States would
// withdraw … and reimpose sanctions": "would" reaches "sanctions").
func (s *sent) clauseStart(ts, a, max int) int {
	k := ts
	for k > a && k > ts-max {
		f := s.toks[k-1].Fold
		if f == "," || f == "that" || f == "que" || f == "qu" || f == "but" || f == "mais" || f == "while" || f == "tandis" {
			break
		}
		k--
	}
	return k
}

// hasLongCue reports a cue of at least n tokens starting in [from, to):
// "ce que Moscou n'a ni confirmé ni démenti" qualifies what came before it.
func (s *sent) hasLongCue(class string, from, to, n int) bool {
	for _, c := range s.cues[class] {
		if c.start >= from && c.start < to && c.end-c.start >= n {
			return true
		}
	}
	return false
}

func endsClause(s *sent, k int) bool {
	return k >= len(s.toks) || s.toks[k].Text == "."
}

// hasCueWord reports whether a cue of class whose text is one of words starts in [from, to).
func (s *sent) hasCueWord(class string, from, to int, words ...string) bool {
	for _, c := range s.cues[class] {
		if c.start >= from && c.start < to {
			for _, w := range words {
				if s.toks[c.start].Fold == w {
					return true
				}
			}
		}
	}
	return false
}

// speechSource returns who the sentence credits with the words holding token
// ts: "X a déclaré que …", "« … », a déclaré X", "X said …".
func (d *doc) speechSource(s *sent, ts int) string {
	for _, c := range s.cues["speech"] {
		speaker := ""
		inverted := false
		if m := s.mentionEndingAt(c.start); m != nil {
			if m.kind != mkGroup && !(m.start > 0 && s.glue[m.start-1] && len(s.leftGroup(m.end, 0)) > 1) {
				speaker = m.id // one speaker, not "The United States and Japan reaffirmed"
			}
		} else if c.start >= 2 {
			if m := s.mentionEndingAt(c.start - 1); m != nil && m.kind == mkPerson {
				speaker = m.id
			}
		}
		if speaker == "" {
			j := s.skipFillers(c.end, 3)
			if m := s.mentionAt(j); m != nil && (m.kind == mkPerson || m.kind == mkName) {
				speaker = m.id
				inverted = true
			}
		}
		if speaker == "" && c.start > 0 && (s.toks[c.start-1].Fold == "il" || s.toks[c.start-1].Fold == "he" || s.toks[c.start-1].Fold == "elle" || s.toks[c.start-1].Fold == "she") {
			speaker = d.lastSpeaker
		}
		if strings.Contains(foldedText(s, c), "-t-il") || strings.Contains(foldedText(s, c), "-t-elle") {
			speaker = d.lastSpeaker
		}
		if speaker == "" {
			continue
		}
		if strings.HasPrefix(speaker, "person:") {
			d.lastSpeaker = speaker
		}
		if strings.HasPrefix(foldedText(s, c), "a-t-") {
			inverted = true
		}
		if (ts >= c.end && !inverted) || (ts < c.start && s.quoted[ts]) {
			if m := s.mentionAt(ts); m != nil && m.id == speaker {
				continue
			}
			return speaker
		}
	}
	return ""
}

// foldedText is the folded text of a cue, its tokens joined ("a-t-il").
func foldedText(s *sent, c span) string {
	var b strings.Builder
	for k := c.start; k < c.end && k < len(s.toks); k++ {
		b.WriteString(s.toks[k].Fold)
	}
	return b.String()
}

// conditionalVerb: French conditional (-rait, -raient) on the trigger.
func conditionalVerb(lang string, s *sent, ts, te int) bool {
	if lang != "fr" {
		return false
	}
	for k := ts; k < te && k < len(s.toks); k++ {
		f := s.toks[k].Fold
		if len(f) > 6 && (strings.HasSuffix(f, "rait") || strings.HasSuffix(f, "raient")) {
			return true
		}
	}
	return false
}

// futureVerb: French simple future (-ra, -ront) on the trigger or its auxiliary.
func futureVerb(lang string, s *sent, ts, te int) bool {
	if lang != "fr" {
		return false
	}
	for k := max(0, ts-2); k < te && k < len(s.toks); k++ {
		f := s.toks[k].Fold
		if len(f) > 5 && (strings.HasSuffix(f, "ront") || strings.HasSuffix(f, "rons") || strings.HasSuffix(f, "era") || strings.HasSuffix(f, "ira") || strings.HasSuffix(f, "dra")) {
			return true
		}
	}
	return false
}
