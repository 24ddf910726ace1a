import sys, tempfile, cProfile, pstats
from pathlib import Path
sys.path.insert(0,'benchmarks')
import stories as b
rows=b.synthetic(2000)
with tempfile.TemporaryDirectory() as t:
    p=Path(t)/'x.db'; b._store(p,rows)
    from eventwire.store import Store
    from eventwire.stories import mark_copies, build_stories
    import time
    with Store(p) as s:
        t0=time.time(); mark_copies(s); t1=time.time(); 
        cProfile.run('build_stories(s)','.cache/prof.out'); t2=time.time()
        print('copies %.1f stories %.1f'%(t1-t0,t2-t1))
pstats.Stats('.cache/prof.out').sort_stats('cumulative').print_stats(12)
