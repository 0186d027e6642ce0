package main

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the scripts have besides testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"writebytes": writeBytes,
}

// writeBytes writes FILE with the bytes of the Go string literal escapes
// in TEXT (single-quoted, as testscript quotes), for input a txtar archive
// cannot hold (NUL bytes, CR-only line ends, UTF-16):
//
//	writebytes site/fr/a.md '\xff\xfe-\x00'

func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE TEXT-WITH-GO-ESCAPES")
	}
	b, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b), 0o644))
}
