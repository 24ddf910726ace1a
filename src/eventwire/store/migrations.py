"""Schema migrations, oldest first. Portable SQL (SQLite and PostgreSQL).

Never edit a landed migration: append a new one. ``meta.schema_version`` records the
number applied; opening a database applies the missing ones in one transaction each.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    # 1: articles, their analyses, and the flattened records queried by corpus views
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT, outlet TEXT, published TEXT, title TEXT,
            text TEXT NOT NULL,
            language TEXT, source TEXT, warnings TEXT,
            analyzed INTEGER NOT NULL, reason TEXT,
            copy_of TEXT,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE TABLE analyses (article_id TEXT PRIMARY KEY, json TEXT NOT NULL)",
        """CREATE TABLE places (
            article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            mention TEXT, start_char INTEGER, end_char INTEGER,
            name TEXT, geonameid BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
            country TEXT, admin1 TEXT, kind TEXT, precision TEXT, confidence DOUBLE PRECISION,
            PRIMARY KEY (article_id, idx)
        )""",
        "CREATE INDEX places_name ON places (name)",
        """CREATE TABLE events (
            article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            event_type TEXT, sub_event_type TEXT, trigger TEXT,
            actor1 TEXT, actor2 TEXT, assoc_actor_1 TEXT,
            location TEXT, geonameid BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
            country TEXT, admin1 TEXT, geo_precision TEXT,
            date TEXT, date_precision TEXT, fatalities INTEGER, quantities TEXT,
            modality TEXT, reported_by TEXT, notes TEXT,
            evidence TEXT, start_char INTEGER, end_char INTEGER,
            PRIMARY KEY (article_id, idx)
        )""",
        "CREATE INDEX events_date ON events (date)",
        "CREATE INDEX events_location ON events (location)",
        """CREATE TABLE attributions (
            article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            speaker TEXT, organization TEXT, via TEXT, anonymous INTEGER, cue TEXT,
            claim TEXT, start_char INTEGER, end_char INTEGER,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE framing (
            article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            text TEXT, technique TEXT, neutral TEXT, voice TEXT, target TEXT, family TEXT,
            start_char INTEGER, end_char INTEGER,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE ingest_issues (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, message TEXT NOT NULL,
            fatal INTEGER NOT NULL, created_at TEXT NOT NULL
        )""",
    ],
    # 2: corpus views: MinHash signatures, syndicated copies, stories and their member events
    [
        """CREATE TABLE article_signatures (
            article_id TEXT PRIMARY KEY, ingested_at TEXT,
            num_perm INTEGER NOT NULL, signature TEXT NOT NULL
        )""",
        """CREATE TABLE copies (
            article_id TEXT PRIMARY KEY, original_id TEXT NOT NULL,
            containment DOUBLE PRECISION, jaccard DOUBLE PRECISION, credited INTEGER,
            detected_at TEXT NOT NULL
        )""",
        "CREATE INDEX copies_original ON copies (original_id)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT NOT NULL,
            place TEXT, country TEXT, admin1 TEXT, date_start TEXT, date_end TEXT,
            event_types TEXT, actors TEXT, outlets TEXT,
            n_events INTEGER NOT NULL, n_articles INTEGER NOT NULL, n_outlets INTEGER NOT NULL,
            n_contradictions INTEGER NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX stories_date ON stories (date_start)",
        """CREATE TABLE story_events (
            article_id TEXT NOT NULL, idx INTEGER NOT NULL, story_id TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        "CREATE INDEX story_events_story ON story_events (story_id)",
        "CREATE TABLE story_progress (article_id TEXT PRIMARY KEY, ingested_at TEXT)",
    ],
    # 3: article-level stories: every article's story (copies too, with what they copy) and the
    # incremental text index behind them (hashed term weights, document counts, postings)
    [
        """CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, role TEXT NOT NULL,
            copy_of TEXT, score DOUBLE PRECISION, ingested_at TEXT
        )""",
        "CREATE INDEX story_articles_story ON story_articles (story_id)",
        """CREATE TABLE story_vectors (
            article_id TEXT PRIMARY KEY, ingested_at TEXT, published TEXT, features TEXT NOT NULL
        )""",
        "CREATE TABLE story_df (feature BIGINT PRIMARY KEY, df INTEGER NOT NULL)",
        "CREATE TABLE story_terms (feature BIGINT NOT NULL, article_id TEXT NOT NULL)",
        "CREATE INDEX story_terms_feature ON story_terms (feature)",
        "CREATE INDEX story_terms_article ON story_terms (article_id)",
    ],
    # 4: ingest_issues without the repeats earlier re-runs added (each problem is kept once now)
    [
        "DELETE FROM ingest_issues WHERE id NOT IN "
        "(SELECT MIN(id) FROM ingest_issues GROUP BY source, message)",
        "CREATE INDEX ingest_issues_source ON ingest_issues (source)",
    ],
    # 5: a claim's kind ("speech", "belief", "evidence"); rows stored before it are speech
    [
        "ALTER TABLE attributions ADD COLUMN kind TEXT NOT NULL DEFAULT 'speech'",
        "CREATE INDEX attributions_kind ON attributions (kind)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
