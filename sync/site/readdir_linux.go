package site

import (
	"encoding/binary"
	"io/fs"
	"os"
	"unsafe"

	"github.com/langref/langref/internal/fsread"
	"github.com/langref/langref/internal/statcache"
	"golang.org/x/sys/unix"
)

// dirEntry is one entry of a folder: its name and type (fs.ModeDir,
// fs.ModeSymlink, 0 for a regular file, fs.ModeIrregular for the rest).
type dirEntry struct {
	name string
	typ  fs.FileMode
}

// folderReader reads folders with getdents64 into one buffer of its own,
// reused from folder to folder: no os.File (and its fcntl) per folder,
// no allocation per entry (the names of one read are parts of one
// string).
type folderReader struct {
	buf     []byte
	entries []dirEntry
	fd      int
}

func newFolderReader() *folderReader { return &folderReader{buf: make([]byte, 64<<10), fd: -1} }

// open lists the folder at path; its entries are valid until the next
// open. close closes it.
func (r *folderReader) open(path string) ([]dirEntry, error) {
	fd, err := openDirRaw(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	r.fd = fd
	r.entries = r.entries[:0]
	for {
		n, err := getdents(fd, r.buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			return r.entries, nil
		}
		if err := r.parse(path, r.buf[:n], string(r.buf[:n])); err != nil {
			return nil, err
		}
	}
}

// parse adds the entries of raw, linux_dirent64 records, to r.entries;
// s is raw as a string, which the names are parts of.
func (r *folderReader) parse(path string, raw []byte, s string) error {
	for off := 0; off < len(raw); {
		if len(raw)-off < 19 {
			return &os.PathError{Op: "readdirent", Path: path, Err: unix.EIO}
		}
		reclen := int(binary.NativeEndian.Uint16(raw[off+16:]))
		if reclen < 19 || reclen > len(raw)-off {
			return &os.PathError{Op: "readdirent", Path: path, Err: unix.EIO}
		}
		typ, name := raw[off+18], s[off+19:off+reclen]
		off += reclen
		for i := 0; i < len(name); i++ {
			if name[i] == 0 {
				name = name[:i]
				break
			}
		}
		if name == "." || name == ".." || name == "" {
			continue
		}
		var mode fs.FileMode
		switch typ {
		case unix.DT_REG:
		case unix.DT_DIR:
			mode = fs.ModeDir
		case unix.DT_LNK:
			mode = fs.ModeSymlink
		case unix.DT_UNKNOWN:
			st, err := statcache.LstatFd(r.fd, name, path+"/"+name)
			if err != nil {
				continue // gone since listed, as os.ReadDir skips it
			}
			mode = typeOf(st.Mode)
		default:
			mode = fs.ModeIrregular
		}
		r.entries = append(r.entries, dirEntry{name: name, typ: mode})
	}
	return nil
}

// typeOf is the dirEntry type of the stat mode m.
func typeOf(m uint32) fs.FileMode {
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
		return 0
	case unix.S_IFDIR:
		return fs.ModeDir
	case unix.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// lstat returns the stat data of the entry name of the open folder,
// whose path is full.
func (r *folderReader) lstat(name, full string) (statcache.Stat, error) {
	return statcache.LstatFd(r.fd, name, full)
}

func (r *folderReader) close() {
	if r.fd >= 0 {
		unix.RawSyscall(unix.SYS_CLOSE, uintptr(r.fd), 0, 0)
		r.fd = -1
	}
}

// openDirRaw opens the folder at path for getdents, and getdents reads its
// entries into buf, with raw system calls, as internal/fsread reads files
// and internal/statcache takes their stat data: a local folder's entries
// come from the kernel's caches or the disk, without waiting on any
// goroutine, and a call the kernel preempts on a busy machine is then not
// taken for a blocking one, its processor handed to another thread and
// back. A site of 158,000 files has 11,000 folders.
func openDirRaw(path string) (int, error) {
	return fsread.OpenRaw(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC)
}

func getdents(fd int, buf []byte) (int, error) {
	n, _, errno := unix.RawSyscall(unix.SYS_GETDENTS64, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	if errno != 0 {
		return -1, errno
	}
	return int(n), nil
}
