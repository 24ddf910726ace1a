"""Corpus views over the store: syndicated copies, stories, place timelines, contradictions.

Everything here reads the store (the articles' stored text for copy detection and story
text features, the stored analyses' entities and places, the flattened event rows); nothing
re-parses text. Every analyzed article belongs to a story (``story_articles``), copies too.
The CLI (``eventwire stories``, ``eventwire timeline``) and the HTTP API call these functions.
"""

from .cluster import StoryUpdate, build_stories
from .contradictions import find_contradictions
from .dedupe import CopyPair, find_copies, list_copies, mark_copies
from .outlets import compare_outlets
from .places import PlaceQuery
from .timeline import control_changes, holders, place_timeline, timeline
from .update import rebuild_corpus_views, update_corpus_views
from .views import get_story, list_stories, story_events, story_members

__all__ = [
    "CopyPair",
    "PlaceQuery",
    "StoryUpdate",
    "build_stories",
    "compare_outlets",
    "control_changes",
    "find_contradictions",
    "find_copies",
    "get_story",
    "holders",
    "list_copies",
    "list_stories",
    "mark_copies",
    "place_timeline",
    "rebuild_corpus_views",
    "story_events",
    "story_members",
    "timeline",
    "update_corpus_views",
]
