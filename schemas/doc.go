// Package schemas holds the JSON Schemas (draft 2020-12) of teikit's JSON
// and JSON Lines output, embedded in the binary, and compiles them once for
// the readers, the validator and the tests.
package schemas
