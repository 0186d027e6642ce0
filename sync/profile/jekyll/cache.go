package jekyll

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"path/filepath"
	"slices"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/sync/profile"
)

// configCacheFormat names the format of the configuration cache: change
// it with the encoding. The build stamp covers changes to how the
// configuration is read.
const configCacheFormat = "langref-jekyll-config-v1"

// ReadCached is Read, keeping what it made of _config.yml in the cache
// folder dir (config-v1-*.bin, one per site root): a run whose
// _config.yml has the same bytes as the last one's reads it from there
// rather than parse it again (a navigation of 200,000 entries takes most
// of a second of YAML parsing). A missing, foreign or damaged cache is
// read as no cache; a failed write is ignored.
func (p Profile) ReadCached(root, dir string) (*profile.Rules, error) {
	r, nav, err := p.ReadCachedDeferNav(root, dir)
	if err == nil && nav != nil {
		r.Nav = nav()
	}
	return r, err
}

// ReadCachedDeferNav is ReadCached, leaving the navigation of a cache it
// reads to be decoded when nav is called (see profile.NavDeferrer).
func (p Profile) ReadCachedDeferNav(root, dir string) (*profile.Rules, func() map[string]*profile.Nav, error) {
	stamp := cachefile.BuildStamp()
	if dir == "" || stamp == "" {
		r, err := p.Read(root)
		return r, nil, err
	}
	b, err := readConfig(root)
	if err != nil || b == nil {
		r, err := p.Read(root)
		return r, nil, err
	}
	path := configCachePath(dir, root)
	key := configCacheKey(stamp, root, b)
	r := newRules()
	if cached, err := cachefile.Read(path, 0); err == nil {
		if navAt, err := decodeConfig(r, cached, key); err == nil {
			r.Nav = nil
			return finish(r, b), func() map[string]*profile.Nav { return decodeNavs(cached, navAt, b) }, nil
		}
	}
	r = newRules()
	if err := fromConfig(r, b); err != nil {
		return nil, nil, err
	}
	_ = cachefile.Write(path, encodeConfig(r, key)) // a cache is never required
	return finish(r, b), nil, nil
}

// configCachePath is the configuration cache for the site root in dir.
func configCachePath(dir, root string) string {
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(dir, "config-v1-"+hex.EncodeToString(sum[:6])+".bin")
}

// configCacheKey is what the cached rules were made from: the format,
// the build, the root and the configuration's bytes.
func configCacheKey(stamp, root string, b []byte) string {
	h := sha256.New()
	for _, s := range []string{configCacheFormat, stamp, root} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encodeConfig returns the cache file of r, the rules fromConfig set,
// under key: the format and key on a line, the fields, then the CRC-32C
// of all that.
func encodeConfig(r *profile.Rules, key string) []byte {
	size := len(configCacheFormat) + len(key) + 64
	for _, n := range r.Nav {
		for _, it := range n.Items {
			size += len(it.Path) + len(it.Parent) + 8 // and four varints of a few bytes
		}
	}
	b := make([]byte, 0, size) // a navigation of 200,000 entries is 10 MB
	b = append(append(append(b, configCacheFormat+" "...), key...), '\n')
	b = appendStr(b, r.ConfigFile)
	b = appendStr(b, r.SourceLang)
	b = appendStrs(b, r.Exclude)
	b = appendStrs(b, r.Include)
	b = binary.AppendUvarint(b, uint64(len(r.ConfigDups)))
	for _, d := range r.ConfigDups {
		b = appendStr(b, d.Key)
		b = appendStr(b, d.Value)
		b = binary.AppendUvarint(b, uint64(len(d.Lines)))
		for _, l := range d.Lines {
			b = binary.AppendUvarint(b, uint64(l))
		}
	}
	langs := make([]string, 0, len(r.Nav))
	for l := range r.Nav {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	b = binary.AppendUvarint(b, uint64(len(langs)))
	for _, l := range langs {
		b = appendNav(b, l, r.Nav[l])
	}
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

func appendNav(b []byte, lang string, n *profile.Nav) []byte {
	b = appendStr(b, lang)
	b = appendStr(b, n.Lang)
	b = appendStr(b, n.File)
	b = binary.AppendUvarint(b, uint64(n.Line))
	b = binary.AppendUvarint(b, uint64(len(n.Items)))
	for _, it := range n.Items {
		b = appendStr(b, it.Path)
		b = appendStr(b, it.Parent)
		b = binary.AppendUvarint(b, uint64(it.Line))
		b = binary.AppendUvarint(b, uint64(it.Col))
	}
	return b
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrs(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendStr(b, s)
	}
	return b
}

var errCorruptConfig = errors.New("jekyll: corrupt configuration cache")

// decodeConfig sets in r the fields of the cache file b written under
// key but the navigation, whose offset in b it returns (decodeNavs
// decodes it). Its strings are parts of b, which must not change after.
func decodeConfig(r *profile.Rules, b []byte, key string) (navAt int, err error) {
	head := configCacheFormat + " " + key + "\n"
	if len(b) < len(head)+4 || string(b[:len(head)]) != head {
		return 0, errCorruptConfig
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(b[len(b)-4:]) {
		return 0, errCorruptConfig
	}
	d := &reader{*cachefile.NewDecoder(body, len(head))}
	r.ConfigFile, r.SourceLang = d.Str(), d.Str()
	r.Exclude, r.Include = d.Strs(), d.Strs()
	if n := d.Count(3); n > 0 {
		r.ConfigDups = make([]profile.DupKey, n)
		for i := range r.ConfigDups {
			dk := &r.ConfigDups[i]
			dk.Key, dk.Value = d.Str(), d.Str()
			dk.Lines = make([]int, d.Count(1))
			for j := range dk.Lines {
				dk.Lines[j] = d.Int()
			}
		}
	}
	if d.Bad {
		return 0, errCorruptConfig
	}
	return d.Off, nil
}

// navs decodes the navigations of the cache file b, which decodeConfig
// read, from navAt on.
func navs(b []byte, navAt int) (map[string]*profile.Nav, error) {
	body := b[:len(b)-4]
	d := &reader{*cachefile.NewDecoder(body, navAt)}
	out := map[string]*profile.Nav{}
	for range d.Count(5) {
		lang, nav := d.nav()
		out[lang] = nav
	}
	if d.Bad || d.Off != len(body) {
		return nil, errCorruptConfig
	}
	return out, nil
}

// decodeNavs is navs, or, for a cache whose navigation does not decode
// (its checksum held, so only a writer with another layout under the same
// format could make one), the navigation parsed from the configuration
// config again.
func decodeNavs(b []byte, navAt int, config []byte) map[string]*profile.Nav {
	if nav, err := navs(b, navAt); err == nil {
		return nav
	}
	r := newRules()
	_ = fromConfig(r, config) // it parsed when the cache was written
	return r.Nav
}

// reader reads the cache file's varints, strings and navigations.
type reader struct{ cachefile.Decoder }

func (d *reader) nav() (string, *profile.Nav) {
	lang, navLang, file, line := d.Str(), d.Str(), d.Str(), d.Int()
	items := make([]profile.NavItem, d.Count(4))
	for i := range items {
		items[i] = profile.NavItem{Path: d.Str(), Parent: d.Str(), Line: d.Int(), Col: d.Int()}
	}
	if len(items) == 0 {
		return lang, &profile.Nav{Lang: navLang, File: file, Line: line}
	}
	n := profile.NewNav(navLang, line, items)
	n.File = file
	return lang, n
}
