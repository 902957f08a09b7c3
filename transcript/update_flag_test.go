package transcript

// Every test binary of teikit understands -update (go test ./... -update).
import _ "github.com/teikit/teikit/internal/golden"
