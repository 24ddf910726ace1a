import json, shutil, sys, time
from eventwire.store import Store
from eventwire.stories import update_corpus_views
from eventwire.eval.stories import load_gold_clusters, story_metrics, stored_stories
G='../shared/corpus/external/ecbplus-dev/gold_clusters.json'
gold=load_gold_clusters(G)
over=json.loads(sys.argv[1]) if len(sys.argv)>1 else {}
shutil.copy('.cache/ecb.db','.cache/exp.db')
with Store('.cache/exp.db') as s:
    t=time.time()
    v=update_corpus_views(s, rebuild=True, settings={"stories":over} if over else None)
    m=story_metrics(stored_stories(s), gold)
    print(over, 'copies',v['copies'], 'time %.1f'%(time.time()-t), 'pred',m['predicted_stories'], 'B3 P %.3f R %.3f F %.3f'%tuple(m['bcubed'].values()), 'pw P %.3f R %.3f F %.3f'%tuple(list(m['pairwise'].values())[:3]))
