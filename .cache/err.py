import json
from collections import Counter, defaultdict
from eventwire.store import Store
from eventwire.eval.stories import load_gold_clusters, stored_stories
gold=load_gold_clusters('../shared/corpus/external/ecbplus-dev/gold_clusters.json')
with Store('.cache/exp.db') as s:
    pred=stored_stories(s)
by=defaultdict(list)
for a,sid in pred.items(): by[sid].append(gold[a])
mixed=[(sid,Counter(v)) for sid,v in by.items() if len(set(v))>1]
for sid,c in sorted(mixed,key=lambda x:-sum(x[1].values())): print(sid, dict(c))
gs=defaultdict(Counter)
for a,g in gold.items(): gs[g][pred.get(a)]+=1
print('split gold:', {g:sorted(c.values(),reverse=True) for g,c in gs.items() if len(c)>1})
