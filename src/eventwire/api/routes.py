"""HTTP API endpoints. Each one opens the store, calls one Python-API function, returns JSON."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from ..errors import EventwireError
from ..exports import FORMATS, EventFilter
from ..ingest.readers import make_article
from ..store import Store
from ..stories import get_story, list_stories
from . import corpus
from .limits import (
    MAX_ARTICLE_CHARS,
    MAX_QUERY_CHARS,
    MAX_REPEATS,
    Count,
    Limit,
    Name,
    Offset,
    Text,
    Word,
    text_query,
)

router = APIRouter()


def settings_of(request: Request) -> Any:
    return request.app.state.settings


def open_store(request: Request) -> Iterator[Store]:
    """A store per request: SQLite connections are cheap, and no two threads share one."""
    store = Store(settings_of(request).db)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(open_store)]


def refuse_if_read_only(request: Request, what: str) -> None:
    if settings_of(request).read_only:
        raise HTTPException(403, f"this server runs with --read-only: {what} is disabled")


# -- analysis ---------------------------------------------------------------------------------------
class AnalyzeRequest(BaseModel):
    """An article to analyze. Only ``text`` is required."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="Article body (plain text).")
    title: str | None = Field(None, max_length=MAX_QUERY_CHARS * 4)
    outlet: str | None = Field(None, max_length=MAX_QUERY_CHARS)
    published: str | None = Field(
        None, max_length=40, description="Publication date, YYYY-MM-DD; anchors relative dates."
    )
    url: str | None = Field(None, max_length=MAX_QUERY_CHARS * 4)
    id: str | None = Field(None, max_length=200, description="Article id; a content hash when omitted.")


@router.get("/healthz", include_in_schema=False)
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.post("/analyze", tags=["analysis"])
async def analyze(
    body: AnalyzeRequest,
    request: Request,
    store: Annotated[bool, Query(description="Also store the article and analysis in the database.")] = False,
) -> JSONResponse:
    """Analyze one article and return its Analysis JSON (places, actors, events, claims, framing).

    With ``?store=true`` the article and its analysis are also stored (refused in read-only mode).
    The stored id is the response's ``article_id``. Analyses run one at a time off the event
    loop: 503 (with Retry-After) when too many wait, 504 past the server's time limit.
    """
    if store:
        refuse_if_read_only(request, "storing analyses")
    settings = settings_of(request)
    article = make_article(
        body.text, published=body.published, outlet=body.outlet, title=body.title, url=body.url, id=body.id
    )
    analysis = await settings.analyze(article)
    stored = await run_in_threadpool(_store, settings.db, article, analysis) if store else False
    return JSONResponse(analysis.as_dict(), headers={"X-Eventwire-Stored": "true" if stored else "false"})


def _store(db_path: str, article: Any, analysis: Any) -> bool:
    with Store(db_path) as db:
        stored = db.add(article, analysis)
    if stored:
        corpus.refresh_views(db_path)
    return stored


# -- articles ---------------------------------------------------------------------------------------
def page(items: list, total: int, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total else None
    return {"total": total, "limit": limit, "offset": offset, "next_offset": nxt, **extra, "items": items}


@router.get("/articles", tags=["articles"])
def articles(
    db: StoreDep,
    outlet: Text = None,
    q: Annotated[str | None, text_query("Words in the title or text.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored articles, newest first (without their text)."""
    total, items = corpus.list_articles(db, outlet=outlet, q=q, limit=limit, offset=offset)
    return page(items, total, limit, offset)


@router.get("/articles/{article_id:path}", tags=["articles"])
def article(article_id: Name, db: StoreDep) -> dict[str, Any]:
    """One stored article and its analysis."""
    found = db.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    analysis = db.get_analysis(article_id)
    return {"article": found.as_dict(), "analysis": analysis.as_dict() if analysis else None}


# -- events -----------------------------------------------------------------------------------------
def _invalid(field: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    if not bbox:
        return None
    try:
        values = tuple(float(v) for v in bbox.split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or values[0] > values[2] or values[1] > values[3]:
        raise _invalid("bbox", "expected min_lon,min_lat,max_lon,max_lat (four numbers, min before max)")
    if not all(math.isfinite(v) for v in values) or not (
        -180 <= values[0] and values[2] <= 180 and -90 <= values[1] and values[3] <= 90
    ):
        raise _invalid("bbox", "longitudes must be within -180..180 and latitudes within -90..90")
    return values  # type: ignore[return-value]


def event_filters(
    place: Annotated[
        str | None,
        text_query("Place (any spelling; a province includes its towns), country or GeoNames id."),
    ] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    event_type: Annotated[
        list[Word] | None, Query(max_length=MAX_REPEATS, description="ACLED event type; repeat for several.")
    ] = None,
    sub_event_type: Text = None,
    actor: Annotated[str | None, text_query("Part of an actor's name.")] = None,
    outlet: Annotated[str | None, text_query("Part of an outlet's name.")] = None,
    article_id: Text = None,
    include_copies: Annotated[bool, Query(description="Also events of syndicated copies.")] = False,
    include_unconfirmed: Annotated[bool, Query(description="Also planned and denied events.")] = False,
) -> EventFilter:
    """The filters of ``eventwire export``, as query parameters."""
    if date_from and date_to and date_from > date_to:
        raise _invalid("date_from", "date_from is after date_to")
    try:
        return EventFilter(
            place=place or None,
            bbox=parse_bbox(bbox),
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            event_type=tuple(t for t in event_type or () if t) or None,
            sub_event_type=sub_event_type or None,
            actor=actor or None,
            outlet=outlet or None,
            article_id=article_id or None,
            include_copies=include_copies,
            include_unconfirmed=include_unconfirmed,
        )
    except EventwireError as exc:
        raise _invalid("filters", str(exc)) from exc


FiltersDep = Annotated[EventFilter, Depends(event_filters)]


@router.get("/events", tags=["events"])
def events(db: StoreDep, filters: FiltersDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Events in date order, filtered; each with its article's outlet and its evidence span."""
    total, items = corpus.query_events(db, filters, limit=limit, offset=offset)
    return page(items, total, limit, offset, filters=filters.as_dict())


@router.get("/facets", tags=["events"])
def facets(db: StoreDep) -> dict[str, list[str]]:
    """Distinct event types and outlets (for filter menus)."""
    return corpus.facets(db)


# -- places -----------------------------------------------------------------------------------------
@router.get("/places", tags=["places"])
def places(db: StoreDep, q: Text = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Resolved places, most-mentioned first."""
    total, items = corpus.list_places(db, q=q, limit=limit, offset=offset)
    return page(items, total, limit, offset)


@router.get("/places/{name:path}", tags=["places"])
def place(name: Name, db: StoreDep, include_unconfirmed: bool = False) -> dict[str, Any]:
    """A place's resolution and timeline: events at or inside it in date order, control changes, holders."""
    found = corpus.place_page(db, name, include_unconfirmed=include_unconfirmed)
    if found is None:
        raise HTTPException(404, f"no place named {name!r} in the database")
    return found


# -- stories ----------------------------------------------------------------------------------------
@router.get("/stories", tags=["stories"])
def stories(
    db: StoreDep,
    place: Text = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    outlet: Text = None,
    min_outlets: Count = 1,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories (events several articles report), in date order, with their outlets and counts."""
    items = list_stories(db, place=place, date_from=date_from.isoformat() if date_from else None,
                         date_to=date_to.isoformat() if date_to else None, outlet=outlet)  # fmt: skip
    items = [s for s in items if (s.get("n_outlets") or 0) >= min_outlets]
    return page(items[offset : offset + limit], len(items), limit, offset)


@router.get("/stories/{story_id:path}", tags=["stories"])
def story(story_id: Name, db: StoreDep) -> dict[str, Any]:
    """One story: articles, events, per-outlet events and figures, contradictions, framing per outlet."""
    found = get_story(db, story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return found


# -- outlets ----------------------------------------------------------------------------------------
@router.get("/outlets", tags=["outlets"])
def outlets(db: StoreDep) -> dict[str, Any]:
    """Outlets with their article, event and framing counts."""
    items = corpus.list_outlets(db)
    return {"total": len(items), "items": items}


@router.get("/outlets/{name:path}/framing", tags=["outlets"])
def outlet_framing(name: Name, db: StoreDep) -> dict[str, Any]:
    """An outlet's framing profile over time (per month, per technique, per 1,000 words)."""
    found = corpus.outlet_profile(db, name)
    if found is None:
        raise HTTPException(404, f"no articles from outlet {name!r}")
    return found


# -- exports ------------------------------------------------------------------------------------
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "events-jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "events-csv": "text/csv; charset=utf-8",
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
SUFFIXES = {"jsonl": "articles.jsonl", "csv": "articles.csv", "events-jsonl": "events.jsonl",
            "events-csv": "events.csv", "acled-csv": "events-acled.csv", "geojson": "events.geojson",
            "parquet": "events.parquet"}  # fmt: skip


@router.get("/export/{fmt}", tags=["exports"])
def export_data(fmt: str, request: Request, filters: FiltersDep) -> StreamingResponse:
    """The formats of ``eventwire export`` (jsonl, csv, events-jsonl, events-csv, acled-csv, geojson,
    parquet), with the same filters as ``/events``. Streamed: nothing is built whole in memory."""
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    name = SUFFIXES.get(fmt, f"export.{fmt}")
    return StreamingResponse(settings_of(request).exports.stream(fmt, filters),
                             media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


# -- ingest jobs ------------------------------------------------------------------------------------
@router.post("/jobs", tags=["ingest"], status_code=202)
async def start_job(
    request: Request,
    file: Annotated[UploadFile, File(description="A .txt, .html, .jsonl or .csv file of articles.")],
    outlet: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """Start a background ingest of an uploaded file; poll ``GET /jobs/{id}`` for progress."""
    refuse_if_read_only(request, "ingest")
    data = await file.read()
    if not data:
        from fastapi.exceptions import RequestValidationError

        raise RequestValidationError(
            [{"loc": ("form", "file"), "msg": "the uploaded file is empty", "type": "value_error"}]
        )
    job = settings_of(request).jobs.submit(
        file.filename or "upload.txt", data, outlet=outlet or None, published=published or None
    )
    return job.as_dict()


@router.get("/jobs/{job_id}", tags=["ingest"])
def job_status(job_id: str, request: Request) -> dict[str, Any]:
    """An ingest job's state and counts (total, processed, added, failed, ...)."""
    job = settings_of(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job with id {job_id!r}")
    return job.as_dict()


# -- OpenAPI page -----------------------------------------------------------------------------------
@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from package files; its start-up code is a static file, so the CSP stays strict."""
    from .app import _swagger_dir

    if _swagger_dir() is None:
        from ..web.pages import render

        return render(request, "apidocs.html", {"openapi": request.app.openapi()})
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>eventwire API</title>"
        "<link rel='stylesheet' href='/static/vendor/swagger/swagger-ui.css'></head>"
        "<body><div id='swagger-ui'></div>"
        "<script src='/static/vendor/swagger/swagger-ui-bundle.js'></script>"
        "<script src='/static/js/swagger-init.js'></script></body></html>"
    )
    return HTMLResponse(html)
