"""eventwire: turn news reports into verifiable, geolocated event data.

The Python API is the product::

    import eventwire
    analysis = eventwire.analyze("Syrian troops retook the town of Dael on Saturday.",
                                 published="2018-07-01", outlet="Example Wire")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .core import analyze, analyze_article, read_articles  # noqa: E402
from .models import Analysis, Article  # noqa: E402

__all__ = ["Analysis", "Article", "analyze", "analyze_article", "read_articles", "__version__"]
