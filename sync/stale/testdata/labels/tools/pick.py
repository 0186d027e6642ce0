import os, re, random, subprocess, collections
root = '/work/labelling/dlsp20/docs'
os.chdir(root)
def fm(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        s = f.read()
    if not s.startswith('---'):
        return {}
    end = s.find('\n---', 3)
    d = {}
    for line in s[3:end].splitlines():
        m = re.match(r'^([A-Za-z_-]+):\s*(.*)$', line)
        if m: d[m.group(1)] = m.group(2).strip().strip('\'"')
    return d
eng = {}
for dp, dn, fn in os.walk('.'):
    for f in fn:
        if not f.endswith('.md'): continue
        p = os.path.join(dp, f)[2:]
        d = fm(p)
        if 'lang-ref' not in d: continue
        top = p.split('/')[0]
        if top == 'en' or p == 'index.md':
            eng[d['lang-ref']] = p
trans = []
for dp, dn, fn in os.walk('.'):
    for f in fn:
        if not f.endswith('.md'): continue
        p = os.path.join(dp, f)[2:]
        top = p.split('/')[0]
        if top == 'en' or '/' not in p: continue
        d = fm(p)
        r = d.get('lang-ref')
        if r and r in eng:
            trans.append((p, eng[r], r))
trans.sort()
print(len(trans), 'translations with an English page')
def touched(c):
    out = subprocess.run(['git','show','--name-only','--format=',c],capture_output=True,text=True).stdout.split()
    return {x[len('docs/'):] for x in out}
chosen = collections.OrderedDict()
why = {}
for c in ['06974aa','d615943','f48b037']:
    t = touched(c)
    for p,e,r in trans:
        if p in t: chosen[p]=(e,r); why.setdefault(p, 'bulk fix '+c)
for en in ['en/week09/09-1.md','en/week02/02-2.md']:
    for p,e,r in trans:
        if e == en: chosen[p]=(e,r); why.setdefault(p,'meaning change in '+en)
random.seed(20261201)
rest = [t for t in trans if t[0] not in chosen]
random.shuffle(rest)
for p,e,r in rest[:175-len(chosen)]:
    chosen[p]=(e,r); why.setdefault(p,'random')
items = list(chosen.items())
print(len(items), collections.Counter(w.split(' ')[0] for w in why.values()))
# split by alternating into two labellers, keep language groups roughly mixed
a = items[0::2]; b = items[1::2]
for name, part in (('A',a),('B',b)):
    with open(f'/work/labelling/selection-{name}.tsv','w') as f:
        f.write('translation\tenglish\tlang_ref\twhy_selected\n')
        for p,(e,r) in part:
            f.write(f'docs/{p}\tdocs/{e}\t{r}\t{why[p]}\n')
