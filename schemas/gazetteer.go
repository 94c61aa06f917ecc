package schemas

// GazetteerFile is the shape of every file under schemas/gazetteer/: generated
// ones (*.gen.yaml, written by `go generate ./schemas`) and hand-written ones
// (*.hand.yaml). Entries with the same id in several files are merged: names,
// demonyms, seats and offices are added up, the first non-empty name and props win.
type GazetteerFile struct {
	Source   string      `yaml:"source"`  // where the data comes from
	License  string      `yaml:"license"` // its licence
	Entities []GazEntity `yaml:"entities"`
}

// GazEntity is one known actor: a country, organisation, group or person.
type GazEntity struct {
	ID    string            `yaml:"id"`    // country:RUS, org:NATO, group:WEST, person:vladimir-putin
	Label string            `yaml:"label"` // Country, Organization, Group, Person
	Name  string            `yaml:"name"`  // canonical English name
	Props map[string]string `yaml:"props,omitempty"`
	// Names are proper names and acronyms per language ("en", "fr"), as written
	// in text, with or without the article ("la Russie" and "Russie" both match
	// "Russie": articles are handled by the matcher).
	Names map[string][]string `yaml:"names,omitempty"`
	// Demonyms are adjective and noun forms, all genders and numbers
	// (russe, russes; Russian, Russians).
	Demonyms map[string][]string `yaml:"demonyms,omitempty"`
	// Seats are capitals and seats of government used as metonyms
	// (Moscou, le Kremlin; Washington, the White House).
	Seats map[string][]string `yaml:"seats,omitempty"`
	// PartOf maps a body to the organisation it belongs to
	// (European Parliament → org:EU).
	PartOf string `yaml:"part_of,omitempty"`
	// Offices are the leading offices a person held (persons only).
	Offices []Office `yaml:"offices,omitempty"`
}

// Office is a leading office held over a period.
type Office struct {
	Of    string `yaml:"of"`    // country:RUS or org:UN
	Role  string `yaml:"role"`  // president, prime_minister, foreign_minister… (ONTOLOGY LEADS roles)
	Start string `yaml:"start"` // ISO date or year; "" when unknown
	End   string `yaml:"end"`   // ISO date or year; "" while in office
}
