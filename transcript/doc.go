// Package transcript is teikit's document model: one tree that every reader
// builds and every writer and validator consumes. It holds no I/O, no XML and
// no JSON; every node records the source position it was read from.
package transcript
