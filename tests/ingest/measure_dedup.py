"""Measure MinHash similarities on the seeds: one-sentence edits vs different articles.

Run: .venv/bin/python tests/ingest/measure_dedup.py ../shared/corpus/seeds
"""
import itertools, re, sys
from pathlib import Path
from datasketch import MinHash
from chronique.ingest.dedup import minhash, shingles, similarity, NearDuplicateIndex
seeds = sorted(Path(sys.argv[1]).glob("*.txt"))
texts = {p.name[:3]: p.read_text() for p in seeds}
def exact(a, b):
    A, B = shingles(a), shingles(b); return len(A & B) / len(A | B)
print("pairs of different seeds (estimated / exact Jaccard):")
mx = 0
for (a, ta), (b, tb) in itertools.combinations(texts.items(), 2):
    s = similarity(ta, tb); mx = max(mx, s); print(f"  {a}-{b}: {s:.3f} / {exact(ta, tb):.3f}")
print(f"  max {mx:.3f}")
print("copy with one sentence changed (each sentence in turn, worst case):")
sent = re.compile(r"[^.!?»]+[.!?»]")
for name, t in texts.items():
    sims = []
    for m in sent.finditer(t):
        if len(m[0].split()) < 4: continue
        edited = t[:m.start()] + " Une phrase entièrement différente a été écrite ici par un autre rédacteur." + t[m.end():]
        sims.append((similarity(t, edited), exact(t, edited)))
    print(f"  {name}: {len(sims)} edits, min est {min(s for s,_ in sims):.3f}, min exact {min(e for _,e in sims):.3f}, mean est {sum(s for s,_ in sims)/len(sims):.3f}")
