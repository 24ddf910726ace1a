import logging, sys
logging.basicConfig(level=logging.INFO, format="%(message)s")
for n in ("eventwire.stories.cluster","eventwire.stories.update"): logging.getLogger(n).setLevel(logging.WARNING)
from eventwire.store import Store
from eventwire.stories import mark_copies
with Store(sys.argv[1]) as s:
    for p in mark_copies(s, rebuild=True): print(p.copy_id, p.original_id, p.containment)
