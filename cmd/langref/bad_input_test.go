package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the scripts have besides testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"writebytes": writeBytes,
	"repeat":     repeat,
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

// repeat appends to FILE the bytes of TEXT (Go string literal escapes, as
// for writebytes) COUNT times, for pages too large to write inline:
//
//	repeat site/en/big.md 300000 'A line of the page.\n'
func repeat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: repeat FILE COUNT TEXT-WITH-GO-ESCAPES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b, err := strconv.Unquote(`"` + args[2] + `"`)
	ts.Check(err)
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	ts.Check(err)
	_, err = f.Write(bytes.Repeat([]byte(b), n))
	ts.Check(err)
	ts.Check(f.Close())
}
