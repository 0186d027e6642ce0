package plan

import "runtime"

const goarch = runtime.GOARCH
