module github.com/teikit/teikit

go 1.26.8
