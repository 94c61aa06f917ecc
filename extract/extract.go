// Package extract turns one article into ontology facts: sentences and tokens
// (extract/text), one automaton over every gazetteer and lexicon form
// (extract/match), then per-sentence rules for offices, agreements, clauses and
// relations, each fact scoped for negation, modality and attribution.
//
// Contract: Extract is deterministic (the same article gives the same result,
// byte for byte once written), never panics on any input, and every evidence
// span lies within the normalised text on UTF-8 boundaries. An Extractor is
// safe for concurrent use.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/irkg/irkg/extract/match"
	"github.com/irkg/irkg/extract/text"
	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/schemas"
)

// Extractor holds the compiled models; build it once with New.
type Extractor struct {
	s      *schemas.Schema
	models map[string]*langModel
}

// New compiles the schema's gazetteers and lexicons.
func New(s *schemas.Schema) *Extractor {
	x := &Extractor{s: s, models: map[string]*langModel{}}
	for lang := range s.Lexicons {
		x.models[lang] = buildModel(s, lang)
	}
	return x
}

// Languages lists the languages the extractor has a lexicon for.
func (x *Extractor) Languages() []string {
	var out []string
	for l := range x.models {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// DocID is the document id of a normalised text: doc: + 16 hex of its SHA-256.
func DocID(normalised string) string {
	h := sha256.Sum256([]byte(normalised))
	return "doc:" + hex.EncodeToString(h[:])[:16]
}

// Extract reads one article. Its Lang must be one the extractor knows.
func (x *Extractor) Extract(a kg.Article) (kg.Result, error) {
	lm, ok := x.models[a.Lang]
	if !ok {
		return kg.Result{}, fmt.Errorf("unsupported language %q (supported: %s)", a.Lang, strings.Join(x.Languages(), ", "))
	}
	t := text.Normalize(a.Text)
	d := newDoc(x, lm, a.Lang, t, a.Published)
	title := a.Title
	spans := text.Sentences(t)
	if title == "" && len(spans) > 0 {
		title = t[spans[0].Start:spans[0].End]
	}
	d.run(spans)
	res := kg.Result{
		Document: kg.Document{ID: d.id, Title: title, Lang: a.Lang, Published: a.Published, Source: a.Source},
		Text:     t,
	}
	res.Facts = d.finalFacts()
	res.Entities = d.finalEntities(res.Facts)
	return res, nil
}

// newDoc starts reading the normalised text t of one article.
func newDoc(x *Extractor, lm *langModel, lang, t, date string) *doc {
	return &doc{
		x: x, lm: lm, lang: lang, text: t, date: date, id: DocID(t),
		factIdx: map[string]int{}, orgCount: map[string]int{}, personState: map[string]string{},
		dynNames: map[string]string{}, personName: map[string]string{},
	}
}

// doc is the state of one article while it is read.
type doc struct {
	x    *Extractor
	lm   *langModel
	lang string
	text string
	date string
	id   string

	sents         []*sent // kept only for debugging (keep)
	keep          bool
	prevAgreement bool // the previous sentence mentioned an agreement

	facts   []kg.Fact
	factIdx map[string]int

	personState  map[string]string // person → the state or organisation they act for
	personName   map[string]string // person id → display name (people not in the gazetteer)
	dynNames     map[string]string // folded name or surname → person id
	agreements   []*agreement
	focus        []string // the states in focus: the last coordinated pair or the parties
	lastOrg      string
	orgCount     map[string]int // mentions of each organisation so far
	speaker      string         // the document's speaking state (a byline's country)
	lastSpeaker  string
	lastPerson   string // the last person named: what il, elle, he, she refer to
	lastDeployer string // the state whose forces were last deployed
}

type mkind int

const (
	mkName mkind = iota
	mkDemonym
	mkSeat
	mkPerson
	mkGroup // les deux pays, they: several ids
	mkWe    // we, nous: the speaker
)

// mention is an actor found in a sentence, over tokens [start, end).
type mention struct {
	start, end int
	id         string
	ids        []string // for mkGroup
	kind       mkind
	consumed   bool     // part of an office phrase: not an actor of its own
	noFocus    bool     // never sets the pair in focus
	alts       []string // people sharing this one-word name, until one is chosen
}

type span struct{ start, end int }

type trig struct {
	start, end int
	p          *payload
}

type sent struct {
	idx     int
	span    text.Span
	toks    []text.Token
	ments   []*mention
	cues    map[string][]span
	rels    []trig
	agrs    []trig
	clauses []trig
	roles   []trig
	quoted  []bool
	segEnds []int // token indices that end segments (; :)
	glue    []bool
	agMents []agMention
}

// blockSize bounds the sentences held in memory at once: a document is read
// in blocks of sentences, offices first (they name the people), then
// everything else; a block is dropped once read.
const blockSize = 400

func (d *doc) run(spans []text.Span) {
	for b := 0; b < len(spans); b += blockSize {
		e := min(len(spans), b+blockSize)
		block := make([]*sent, 0, e-b)
		for i := b; i < e; i++ {
			block = append(block, d.prepare(i, spans[i]))
		}
		for _, s := range block {
			d.offices(s)
		}
		if b == 0 {
			d.bylineSpeaker(block)
		}
		for _, s := range block {
			d.addDynamicPersons(s)
			d.groupMentions(s)
			d.agreementsIn(s)
			d.clausesIn(s)
			d.relationsIn(s)
			d.hostsIn(s)
			d.updateFocus(s)
			d.prevAgreement = len(s.agMents) > 0
		}
		if d.keep {
			d.sents = append(d.sents, block...)
		}
	}
}

// prepare tokenises a sentence and sorts its matches into mentions, triggers and cues.
func (d *doc) prepare(i int, sp text.Span) *sent {
	s := &sent{idx: i, span: sp, toks: text.Tokens(d.text, sp), cues: map[string][]span{}}
	ms := d.lm.m.Find(s.toks)
	var ents []match.Match
	for _, m := range ms {
		p := &d.lm.payloads[m.Payload]
		switch p.kind {
		case pName, pDemonym, pSeat:
			ents = append(ents, m)
		case pRelation:
			s.rels = append(s.rels, trig{m.Start, m.End, p})
		case pAgreement:
			s.agrs = append(s.agrs, trig{m.Start, m.End, p})
		case pClause:
			s.clauses = append(s.clauses, trig{m.Start, m.End, p})
		case pRole:
			s.roles = append(s.roles, trig{m.Start, m.End, p})
		case pCue:
			s.cues[p.cue] = append(s.cues[p.cue], span{m.Start, m.End})
		}
	}
	// entity mentions: leftmost-longest, not inside a longer blocker
	covered := make([]bool, len(s.toks))
	for _, b := range s.cues["blocker"] {
		for k := b.start; k < b.end; k++ {
			covered[k] = true
		}
	}
	// longest first, then leftmost: "The United Nations Security Council" is the
	// Council, not "The United Nations" followed by a stray "Security Council"
	sort.SliceStable(ents, func(i, j int) bool {
		li, lj := ents[i].End-ents[i].Start, ents[j].End-ents[j].Start
		if li != lj {
			return li > lj
		}
		return ents[i].Start < ents[j].Start
	})
	used := make([]bool, len(s.toks))
	for _, m := range ents {
		free := true
		blocked := false
		for k := m.Start; k < m.End; k++ {
			if used[k] {
				free = false
			}
			if covered[k] {
				blocked = true
			}
		}
		if blocked {
			for _, b := range s.cues["blocker"] {
				if b.start <= m.Start && b.end >= m.End && b.end-b.start > m.End-m.Start {
					free = false
				}
			}
		}
		if !free {
			continue
		}
		p := &d.lm.payloads[m.Payload]
		kind := mkName
		switch p.kind {
		case pDemonym:
			kind = mkDemonym
		case pSeat:
			kind = mkSeat
		}
		if strings.HasPrefix(p.id, "person:") {
			kind = mkPerson
		}
		id := p.id
		// French elided article glued to a demonym-like token is not an issue;
		// a lower-case demonym that is really a noun phrase head is kept.
		s.ments = append(s.ments, &mention{start: m.Start, end: m.End, id: d.resolveBody(id), kind: kind, alts: p.alts})
		for k := m.Start; k < m.End; k++ {
			used[k] = true
		}
	}
	sort.SliceStable(s.ments, func(i, j int) bool { return s.ments[i].start < s.ments[j].start })
	s.quoted = quotedTokens(s.toks)
	for k, t := range s.toks {
		if t.Text == ";" || t.Text == ":" {
			s.segEnds = append(s.segEnds, k)
		}
	}
	return s
}

// resolveBody maps a body of an organisation to the organisation
// (European Parliament → org:EU).
func (d *doc) resolveBody(id string) string {
	for i := 0; i < 3; i++ {
		e, ok := d.x.s.Entity(id)
		if !ok || e.PartOf == "" {
			return id
		}
		id = e.PartOf
	}
	return id
}

func quotedTokens(toks []text.Token) []bool {
	q := make([]bool, len(toks))
	depth := 0
	straight := false
	for i, t := range toks {
		switch t.Text {
		case "«", "“":
			depth++
		case "»", "”":
			if depth > 0 {
				depth--
			}
		case "\"":
			straight = !straight
		}
		q[i] = depth > 0 || straight
	}
	return q
}

// segment returns the token range of the segment (between ; and :) holding k.
func (s *sent) segment(k int) (int, int) {
	a, b := 0, len(s.toks)
	for _, e := range s.segEnds {
		if e < k {
			a = e + 1
		} else {
			b = e
			break
		}
	}
	return a, b
}

func (s *sent) hasCue(class string, from, to int) bool {
	for _, c := range s.cues[class] {
		if c.start >= from && c.start < to {
			return true
		}
	}
	return false
}

func (s *sent) cueAt(class string, k int) (span, bool) {
	for _, c := range s.cues[class] {
		if c.start == k {
			return c, true
		}
	}
	return span{}, false
}

// addFact records a fact once per (subject, predicate, object, negated); the
// first evidence wins.
func (d *doc) addFact(s *sent, subj, pred, obj string, sc scope, props map[string]any, conf float64) {
	if subj == "" || obj == "" || subj == obj {
		return
	}
	if p, ok := d.x.s.Predicate(pred); ok && p.Symmetric && obj < subj {
		subj, obj = obj, subj
	}
	if props == nil {
		props = map[string]any{}
	}
	f := kg.Fact{
		Subject: subj, Predicate: pred, Object: obj,
		Negated: sc.negated, Modality: sc.modality, AttributedTo: kg.Attr(sc.attributed),
		Props: props, Confidence: conf,
		Evidence: kg.Evidence{Doc: d.id, Sentence: s.idx, Start: s.span.Start, End: s.span.End, Text: d.text[s.span.Start:s.span.End]},
	}
	if f.Modality == "" {
		f.Modality = kg.ModAsserted
	}
	if f.AttributedTo != nil && *f.AttributedTo == subj {
		f.AttributedTo = nil // "NATO announced that NATO…": no other source
	}
	if pred == "DEPLOYS_FORCES_TO" && !f.Negated && strings.HasPrefix(subj, "country:") {
		d.lastDeployer = subj
	}
	k := f.Key()
	if _, ok := d.factIdx[k]; ok {
		return
	}
	d.factIdx[k] = len(d.facts)
	d.facts = append(d.facts, f)
}

// finalFacts resolves agreement placeholders to their ids, drops agreements
// that never got a party, and orders the facts by evidence then key.
func (d *doc) finalFacts() []kg.Fact {
	ids := map[string]string{}
	for _, a := range d.agreements {
		if id := a.finalID(); id != "" {
			ids[a.ref] = id
		}
	}
	// a partnership, pact or trade agreement says its parties cooperate
	for _, a := range d.agreements {
		if !a.impliesCooperation() || len(a.parties) < 2 || a.partySent == nil {
			continue
		}
		domain := map[string]any{}
		switch a.kind {
		case "defense_pact", "security_pact":
			domain["domain"] = "military"
		case "free_trade_agreement", "trade_agreement":
			domain["domain"] = "economic"
		}
		for i := range a.parties {
			for j := i + 1; j < len(a.parties); j++ {
				d.addFact(a.partySent, a.parties[i], "COOPERATES_WITH", a.parties[j], scope{}, domain, 0.7)
			}
		}
	}
	// a one-word person is the same as the fuller name ending with it (Hayashi, Yoshimasa Hayashi)
	fuller := map[string]string{}
	people := map[string]bool{}
	for _, f := range d.facts {
		for _, id := range []string{f.Subject, f.Object} {
			if strings.HasPrefix(id, "person:") {
				people[id] = true
			}
		}
	}
	for id := range people {
		if _, known := d.x.s.Entity(id); known {
			continue // a gazetteer person keeps its id
		}
		for other := range people {
			if !strings.Contains(strings.TrimPrefix(id, "person:"), "-") && strings.HasSuffix(other, "-"+strings.TrimPrefix(id, "person:")) {
				if prev, ok := fuller[id]; !ok || other < prev {
					fuller[id] = other
				}
			}
		}
	}
	rename := func(id string) string {
		if f, ok := fuller[id]; ok {
			return f
		}
		return id
	}
	var out []kg.Fact
	seen := map[string]bool{}
	for _, f := range d.facts {
		f.Subject, f.Object = rename(f.Subject), rename(f.Object)
		if f.AttributedTo != nil {
			f.AttributedTo = kg.Attr(rename(*f.AttributedTo))
		}
		if strings.HasPrefix(f.Subject, "agreement#") {
			id, ok := ids[f.Subject]
			if !ok {
				continue
			}
			f.Subject = id
		}
		if strings.HasPrefix(f.Object, "agreement#") {
			id, ok := ids[f.Object]
			if !ok {
				continue
			}
			f.Object = id
		}
		if seen[f.Key()] {
			continue
		}
		seen[f.Key()] = true
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Evidence.Sentence != out[j].Evidence.Sentence {
			return out[i].Evidence.Sentence < out[j].Evidence.Sentence
		}
		return out[i].Key() < out[j].Key()
	})
	return out
}

// finalEntities returns one record per id used in the facts, sorted by id.
func (d *doc) finalEntities(facts []kg.Fact) []kg.Entity {
	ids := map[string]bool{}
	for _, f := range facts {
		ids[f.Subject] = true
		ids[f.Object] = true
		if f.AttributedTo != nil {
			ids[*f.AttributedTo] = true
		}
	}
	agByID := map[string]*agreement{}
	for _, a := range d.agreements {
		if id := a.finalID(); id != "" {
			if prev, ok := agByID[id]; !ok || len(prev.name) == 0 {
				agByID[id] = a
			}
		}
	}
	var out []kg.Entity
	for id := range ids {
		out = append(out, d.entity(id, agByID))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (d *doc) entity(id string, ags map[string]*agreement) kg.Entity {
	switch {
	case strings.HasPrefix(id, "agreement:"):
		return ags[id].entity(id)
	case strings.HasPrefix(id, "clause:"):
		t := strings.TrimPrefix(id, "clause:")
		return kg.Entity{ID: id, Label: kg.LabelClause, Name: strings.ReplaceAll(t, "_", " "), Props: map[string]any{"type": t}}
	}
	if e, ok := d.x.s.Entity(id); ok {
		props := map[string]any{}
		for k, v := range e.Props {
			props[k] = v
		}
		return kg.Entity{ID: id, Label: e.Label, Name: e.Name, Props: props}
	}
	name := d.personName[id]
	if name == "" {
		name = id[strings.IndexByte(id, ':')+1:]
	}
	label := kg.LabelPerson
	switch {
	case strings.HasPrefix(id, "country:"):
		label = kg.LabelCountry
	case strings.HasPrefix(id, "org:"):
		label = kg.LabelOrganization
	case strings.HasPrefix(id, "group:"):
		label = kg.LabelGroup
	}
	return kg.Entity{ID: id, Label: label, Name: name, Props: map[string]any{}}
}
