module github.com/teikit/teikit

go 1.26.8

require (
	github.com/beevik/etree v1.8.1
	github.com/rogpeppe/go-internal v1.16.0
)
