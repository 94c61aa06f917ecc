// Package graph loads irkg's documents, entities and facts (package kg) into
// Neo4j and runs the named queries people ask of the graph.
//
// The model (ONTOLOGY.md): one node per entity, labelled Country,
// Organization, Group, Person, Agreement or Clause and keyed by a unique id;
// one Document node per article with MENTIONS relationships to the entities
// its facts use; one relationship per (subject, predicate, object, negated),
// whose properties gather what every source said about it (sources, evidence,
// the highest confidence, modality, attribution, PLOVER and CAMEO codes).
//
// Labels and relationship types are never taken from input text: they must be
// in an [Allow] list (the ontology's, plus predicates the user declares), and
// every Cypher statement is a constant or is built from allow-listed
// identifiers only; values always travel as parameters.
//
// Writes use MERGE on stable ids and deduplicate lists in Cypher, so loading
// the same input twice leaves the graph unchanged, and a load interrupted
// midway can simply be run again.
package graph
