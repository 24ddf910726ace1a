import json, shutil
from eventwire.store import Store
from eventwire.stories import update_corpus_views
from eventwire.eval.stories import load_gold_clusters, bcubed, stored_stories
gold=load_gold_clusters('../shared/corpus/external/ecbplus-dev/gold_clusters.json')
topics=sorted({g.split('_')[0] for g in gold.values()}, key=int)
folds=[topics[i::3] for i in range(3)]
grid=[round(0.1+0.025*i,3) for i in range(11)]
shutil.copy('.cache/ecb.db','.cache/cv.db')
res={}
with Store('.cache/cv.db') as s:
    for t in grid:
        update_corpus_views(s, rebuild=True, settings={"stories":{"min_score":t}})
        res[t]=stored_stories(s)
def f1(pred, tops):
    g={a:c for a,c in gold.items() if c.split('_')[0] in tops}
    return bcubed(pred,g)['f1']
print('grid', {t: round(f1(res[t], topics),3) for t in grid})
for k,held in enumerate(folds):
    train=[t for t in topics if t not in held]
    best=max(grid,key=lambda t:f1(res[t],train))
    print('fold',k,'chosen',best,'train %.3f'%f1(res[best],train),'held-out %.3f'%f1(res[best],held))
