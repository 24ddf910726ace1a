"""Stage registry and the pipeline that runs registered stages over articles.

A stage is declared once, by name, with what it requires and what it assigns
(the spaCy habit), so the pipeline order is checked rather than hoped for::

    @register_stage("geo", requires=("sentences", "entities"), assigns=("places",))
    class GeoStage(Stage):
        def initialize(self, config): ...      # load gazetteer once
        def __call__(self, ctx): ...           # fill ctx.analysis.places

The spaCy parse is made once per article by the ``nlp`` stage and shared through
``Context.doc``; no later stage re-parses text. Results travel only on the ``Analysis``
(there is no side channel between stages). ``Pipeline(trace=True)`` records which
fields each stage reads, so a test can hold the declarations to the truth.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import Errors, EventwireError
from .models import Analysis, Article

log = logging.getLogger(__name__)

# Where each stage lives; importing the module registers it.
STAGE_MODULES: dict[str, str] = {
    "nlp": "eventwire.nlp.stage",
    "geo": "eventwire.geo.stage",
    "actors": "eventwire.actors.stage",
    "claims": "eventwire.claims.stage",
    "events": "eventwire.events.stage",
    "framing": "eventwire.framing.stage",
}

# Default order. Each later stage may read what earlier ones assigned.
DEFAULT_STAGES: tuple[str, ...] = ("nlp", "geo", "actors", "claims", "events", "framing")

# What exists before any stage runs: the Article's fields and the Analysis' metadata.
GIVEN: frozenset[str] = frozenset(
    {"id", "text", "title", "url", "outlet", "published", "language", "source", "warnings"}
    | {"article_id", "analyzed", "reason", "stages"}
)


@dataclass
class Context:
    """What a stage sees: the article, the shared parse, and the analysis so far."""

    article: Article
    analysis: Analysis
    doc: Any = None  # spacy.tokens.Doc


class _Recorder:
    """Stands in for the Analysis while one stage runs under tracing: forwards every read and
    write, and notes the fields read before the stage wrote them."""

    def __init__(self, target: Any, reads: set[str]):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_reads", reads)
        object.__setattr__(self, "_written", set())

    def __getattr__(self, name: str) -> Any:
        if name not in self._written:
            self._reads.add(name)
        return getattr(self._target, name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._written.add(name)
        setattr(self._target, name, value)


class _TracedContext(Context):
    """A Context that notes reads of ``doc`` and of the article text."""

    def __init__(self, article: Article, analysis: Analysis, doc: Any, reads: set[str]):
        super().__init__(article=article, analysis=_Recorder(analysis, reads), doc=doc)  # type: ignore[arg-type]
        object.__setattr__(self, "_reads", reads)

    def __getattribute__(self, name: str) -> Any:
        if name == "doc":
            object.__getattribute__(self, "_reads").add("doc")
        elif name == "article":
            article = object.__getattribute__(self, "article")
            return _Recorder(article, object.__getattribute__(self, "_reads"))
        return object.__getattribute__(self, name)


class Stage:
    """Base class. Subclasses load resources in ``initialize`` (once), then are called per article.

    ``requires``: what must have been assigned by an earlier stage (checked at build);
    ``uses``: what the stage reads when an earlier stage assigned it, and works without;
    ``assigns``: what it writes. Names are Analysis fields, or ``doc`` for the parse.
    """

    name: str = ""
    requires: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def initialize(self, config: dict[str, Any]) -> None:  # noqa: B027 - optional hook
        """Load data (gazetteer, lexicons) once. ``config`` is the stage's config dict."""

    def __call__(self, ctx: Context) -> None:
        raise NotImplementedError


_REGISTRY: dict[str, type[Stage]] = {}


def register_stage(
    name: str, *, requires: Iterable[str] = (), uses: Iterable[str] = (), assigns: Iterable[str] = ()
):
    """Class decorator registering a stage under ``name``."""

    def deco(cls: type[Stage]) -> type[Stage]:
        cls.name = name
        cls.requires = tuple(requires)
        cls.uses = tuple(uses)
        cls.assigns = tuple(assigns)
        _REGISTRY[name] = cls
        return cls

    return deco


def get_stage_class(name: str) -> type[Stage]:
    if name not in _REGISTRY:
        module = STAGE_MODULES.get(name)
        if module is None:
            raise EventwireError(Errors.E001.format(name=name, known=", ".join(STAGE_MODULES)))
        importlib.import_module(module)
    return _REGISTRY[name]


class Pipeline:
    """Runs stages over articles. Build once, reuse: resources load on first use."""

    def __init__(
        self,
        stages: Iterable[str] | None = None,
        config: dict[str, dict] | None = None,
        *,
        trace: bool = False,
    ):
        self.stage_names = tuple(stages) if stages is not None else DEFAULT_STAGES
        self.config = config or {}
        self._stages: list[Stage] | None = None
        # with trace=True: stage name -> names it read (Analysis fields, "doc", Article fields)
        self.trace = trace
        self.reads: dict[str, set[str]] = {}

    # -- construction -----------------------------------------------------
    def _build(self) -> list[Stage]:
        stages: list[Stage] = []
        available: set[str] = set(GIVEN)
        for name in self.stage_names:
            cls = get_stage_class(name)
            missing = [r for r in cls.requires if r not in available]
            if missing:
                providers = sorted({p for r in missing for p in _providers(r)}) or ["no known stage"]
                raise EventwireError(
                    Errors.E002.format(name=name, missing=", ".join(missing), providers=", ".join(providers))
                )
            stage = cls()
            stage.initialize(self.config.get(name, {}))
            stages.append(stage)
            available.update(cls.assigns)
        return stages

    @property
    def stages(self) -> list[Stage]:
        if self._stages is None:
            self._stages = self._build()
        return self._stages

    def initialize(self) -> Pipeline:
        """Load every stage's resources now (otherwise they load on first analysis)."""
        _ = self.stages
        return self

    @property
    def nlp(self) -> Any:
        for stage in self.stages:
            if stage.name == "nlp":
                return stage.nlp  # type: ignore[attr-defined]
        return None

    # -- running ------------------------------------------------------------
    def analyze(self, article: Article) -> Analysis:
        return next(iter(self.analyze_many([article])))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
        """Analyze articles lazily, parsing English ones in batches with ``nlp.pipe``."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[Analysis]:
        from .nlp.language import skip_reason

        todo: list[tuple[int, Article]] = []
        results: dict[int, Analysis] = {}
        for i, article in enumerate(batch):
            reason = skip_reason(article)
            if reason:
                results[i] = Analysis(
                    article_id=article.id,
                    analyzed=False,
                    reason=reason,
                    language=article.language,
                    published=article.published,
                    outlet=article.outlet,
                )
            else:
                todo.append((i, article))
        nlp = self.nlp
        docs: Iterable[Any]
        if nlp is not None and todo:
            docs = nlp.pipe(a.text for _, a in todo)
        else:
            docs = [None] * len(todo)
        # yield in input order as soon as each analysis is ready, not after the whole batch
        ready = 0
        for (i, article), doc in zip(todo, docs, strict=True):
            results[i] = self._run_stages(article, doc)
            while ready in results:
                yield results.pop(ready)
                ready += 1
        while ready < len(batch):
            yield results.pop(ready)
            ready += 1

    def _run_stages(self, article: Article, doc: Any) -> Analysis:
        analysis = Analysis(
            article_id=article.id,
            language=article.language,
            published=article.published,
            outlet=article.outlet,
        )
        ctx = Context(article=article, analysis=analysis, doc=doc)
        for stage in self.stages:
            if self.trace:
                traced = _TracedContext(article, analysis, ctx.doc, self.reads.setdefault(stage.name, set()))
                stage(traced)
                ctx.doc = object.__getattribute__(traced, "doc")
            else:
                stage(ctx)
            analysis.stages.append(stage.name)
        return analysis


def stage_table(names: Iterable[str]) -> list[dict[str, Any]]:
    """The declarations of ``names``, in order: what each requires, uses and assigns."""
    rows = []
    for i, name in enumerate(names, 1):
        cls = get_stage_class(name)
        rows.append({"order": i, "name": name, "requires": list(cls.requires), "uses": list(cls.uses),
                     "assigns": list(cls.assigns)})  # fmt: skip
    return rows


def stage_graph(names: Iterable[str]) -> str:
    """A Mermaid flowchart of ``names``: an edge from the stage that assigns a field to each
    later stage that reads it (solid when required, dotted when used if present)."""
    lines = ["flowchart LR", "  article([Article text])"]
    latest: dict[str, str] = {name: "article" for name in GIVEN}
    for row in stage_table(names):
        name = row["name"]
        lines.append(f"  {name}[{name}: {', '.join(row['assigns'])}]")
        needed = {f: "-->" for f in row["uses"]} | {f: "==>" for f in row["requires"]}
        for field_name, arrow in sorted(needed.items()):
            if field_name in latest:
                lines.append(f"  {latest[field_name]} {arrow}|{field_name}| {name}")
        if not row["requires"]:
            lines.append(f"  article ==>|text| {name}")
        for field_name in row["assigns"]:
            latest[field_name] = name
    return "\n".join(lines)


def _providers(field_name: str) -> list[str]:
    """Names of the known stages that assign ``field_name``."""
    out = []
    for name in STAGE_MODULES:
        cls = get_stage_class(name)
        if field_name in cls.assigns:
            out.append(name)
    return out


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """A process-wide pipeline with the embedded defaults (built once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
