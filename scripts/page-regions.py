#!/usr/bin/env python3
# Bytes of each region of a built site's briefing pages (head, header, body and its
# mention links, chips, related briefings…) and of its timeline pages (pictures, events
# list), measured by their markup: which parts of a page are worth trimming (issue 10).
#
#   scripts/page-regions.py SITE_DIR
import os, re, sys
site = sys.argv[1]
tot = {}
def add(k, n): tot[k] = tot.get(k, 0) + n
def between(s, a, b, key, start=0):
    i = s.find(a, start)
    if i < 0: return ''
    j = s.find(b, i)
    if j < 0: return ''
    part = s[i:j + len(b)]
    add(key, len(part.encode()))
    return part
bd = os.path.join(site, 'briefings')
n = 0
for name in os.listdir(bd):
    p = os.path.join(bd, name, 'index.html')
    if name == 'page' or not os.path.isfile(p): continue
    n += 1
    s = open(p, encoding='utf-8').read()
    add('page total', len(s.encode()))
    between(s, '<head>', '</head>', '<head>')
    hdr = between(s, '<header class="site-header"', '</header>', 'site header + nav')
    m = re.search(r'<script>.*?</script>', hdr, re.S)
    if m: add('  of which inline shortcut script', len(m.group(0).encode()))
    between(s, '<footer class="site-footer"', '</footer>', 'site footer')
    between(s, '<ul class="tags briefing__tags"', '</ul>', 'tags')
    pa = between(s, '<div class="principal-actors">', '</div>', 'principal-actor chips')
    add('  of which chip__kind spans', sum(len(x.encode()) for x in re.findall(r'<span class="chip__kind">[^<]*</span> ', pa)))
    between(s, '<nav class="toc"', '</nav>', 'table of contents')
    body = between(s, '<div class="prose">', '\n</div>\n</div>\n<footer class="briefing__footer">', 'body')
    ml = re.findall(r'<a (?:class="mention[^"]*" )?href="[^"]*actors/[^"]*"[^>]*>', body)
    add('  of which mention links\' opening tags', sum(len(x.encode()) for x in ml))
    add('  of which mention class and data-card attributes', sum(len(x.encode()) for x in re.findall(r' class="mention[^"]*"| data-card(?:="[^"]*")?', body)))
    add('  mention links (count)', len(ml))
    ev = between(s, '<section class="panel" aria-labelledby="events-heading">', '</section>', 'events')
    between(s, '<section class="panel" aria-labelledby="sources-heading">', '</section>', 'sources')
    am = between(s, '<section class="panel" aria-labelledby="mentioned-heading">', '</section>', '"Also mentioned" chips')
    add('  "Also mentioned" chips (count)', am.count('<li>'))
    rel = between(s, '<section class="panel" aria-labelledby="related-heading">', '</section>', 'related briefings')
    add('  of which shared-actor markup', sum(len(x.encode()) for x in re.findall(r'<p class="related__shared">.*?</p>|<p><b>Shares:</b>.*?</p>', rel)))
    add('dir="auto" attributes (all)', s.count(' dir="auto"') * 11)
print(f'{n} briefing pages')
for k, v in tot.items():
    print(f'{k:45s} {v:>14,d}')
tl = {}
td = os.path.join(site, 'timeline')
for root, dirs, files in os.walk(td):
    for f in files:
        s = open(os.path.join(root, f), encoding='utf-8').read()
        tl['timeline pages'] = tl.get('timeline pages', 0) + 1
        tl['timeline total'] = tl.get('timeline total', 0) + len(s.encode())
        tl['  pictures (<svg>)'] = tl.get('  pictures (<svg>)', 0) + sum(len(x.encode()) for x in re.findall(r'<svg.*?</svg>', s, re.S))
        tl['  events list'] = tl.get('  events list', 0) + sum(len(x.encode()) for x in re.findall(r'<article class="event".*?</article>', s, re.S))
for k, v in tl.items():
    print(f'{k:45s} {v:>14,d}')
