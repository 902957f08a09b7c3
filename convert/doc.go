// Package convert reads and writes teikit's formats: the archival text
// export, TEI P5 and JSON. Every reader builds a transcript.Document and
// every writer takes one; Readers and Writers are tables keyed by format.
package convert
