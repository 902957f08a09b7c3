// Package validate checks transcripts, TEI and JSON before publication.
// Rules are values with ids, severities and docs, run over the document
// model; each finding is a Diagnostic that points at the line to fix.
package validate
