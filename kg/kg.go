// Package kg holds the contract types of irkg (ONTOLOGY.md): articles going
// in, and documents, entities and facts coming out. It imports nothing of ours;
// every other package speaks these types.
package kg

// Labels of entity nodes (ONTOLOGY §1).
const (
	LabelCountry      = "Country"
	LabelOrganization = "Organization"
	LabelGroup        = "Group"
	LabelPerson       = "Person"
	LabelAgreement    = "Agreement"
	LabelClause       = "Clause"
	LabelDocument     = "Document"
)

// Modalities (ONTOLOGY §4).
const (
	ModAsserted     = "asserted"
	ModFuture       = "future"
	ModHypothetical = "hypothetical"
	ModAlleged      = "alleged"
)

// Article is one input article as read by ingest. Text is the whole document
// text, the title being its first line; evidence offsets are byte offsets into
// Text after extract has normalised it.
type Article struct {
	Title     string // the title line (may be empty: then the first line of Text)
	Text      string // title line, blank line, then body paragraphs
	Lang      string // "fr", "en", or "" when unknown (detected later)
	Published string // ISO date or partial date, "" when unknown
	Source    string // file path, URL or dump id the article came from
	URL       string // canonical URL when known
	Origin    string // where in the input: "file.jsonl:12", "feed.rss#3"; for messages
}

// Document is the record of an article in the output.
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

// Entity is a node: a country, organisation, group, person, agreement or clause.
type Entity struct {
	ID    string         `json:"id"`
	Label string         `json:"label"`
	Name  string         `json:"name"`
	Props map[string]any `json:"props"`
}

// Evidence points at the sentence that supports a fact.
type Evidence struct {
	Doc      string `json:"doc"`
	Sentence int    `json:"sentence"` // 0 is the title
	Start    int    `json:"start"`    // byte offset into the document text
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Fact is one typed relationship with its modality and provenance.
type Fact struct {
	Subject      string         `json:"subject"`
	Predicate    string         `json:"predicate"`
	Object       string         `json:"object"`
	Negated      bool           `json:"negated"`
	Modality     string         `json:"modality"`
	AttributedTo *string        `json:"attributed_to"`
	Props        map[string]any `json:"props"`
	Evidence     Evidence       `json:"evidence"`
	Confidence   float64        `json:"confidence"`
}

// Key is the identity of a fact within a document: two facts with the same key
// are the same claim (the first evidence is kept).
func (f Fact) Key() string {
	neg := "+"
	if f.Negated {
		neg = "-"
	}
	return f.Subject + "|" + f.Predicate + "|" + f.Object + "|" + neg
}

// Result is what extraction produces for one article.
type Result struct {
	Document Document
	Text     string // the normalised document text the offsets refer to
	Entities []Entity
	Facts    []Fact
}

// Attr returns a pointer to id, or nil for "": the form attributed_to takes.
func Attr(id string) *string {
	if id == "" {
		return nil
	}
	return &id
}
