package ingest

// devCorpus holds the shared development articles (with gold annotations
// beside them); tests that need it say so when it is missing.
const devCorpus = "../../shared/corpus/dev"
