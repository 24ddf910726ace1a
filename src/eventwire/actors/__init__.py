"""Actors: a dictionary of canonical ACLED-style actors and the "actors" stage."""

from .dictionary import ActorDictionary, ActorMatch, canonical_name, load_dictionary

__all__ = ["ActorDictionary", "ActorMatch", "canonical_name", "load_dictionary"]
