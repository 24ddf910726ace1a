"""Server-rendered pages: article view, map, place timeline, story, outlet profile.

Every value from an article (text, title, outlet, quotes) reaches HTML through Jinja2
with autoescaping on; the pages' JavaScript only ever sets ``textContent``. No inline
script or style exists, so the Content-Security-Policy can forbid both.
"""

from __future__ import annotations

import difflib
import hmac
import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..api import corpus
from ..ingest.decode import decode_text
from ..ingest.html import extract_html
from ..ingest.readers import make_article
from ..models import Event
from ..store import Store
from ..stories import get_story, list_stories
from ..stories.views import story_members
from . import coverage, highlight, placeline
from .storyview import story_columns, story_grid

router = APIRouter(include_in_schema=False)

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True)
)
ENV.filters["slug"] = highlight.slug
ENV.filters["urlpart"] = lambda v: quote(str(v or ""), safe="")
ENV.filters["note"] = lambda row: highlight.event_note(_event(row))
# an article's url is untrusted: only http(s) becomes a link (never javascript: or data:)
ENV.filters["is_web_url"] = lambda v: isinstance(v, str) and v.lower().startswith(("http://", "https://"))
PAGE_SIZE = 50


def _event(row: dict[str, Any]) -> Event:
    """An Event from a flat event row (stored rows name the evidence span start_char/end_char)."""
    start = row.get("start", row.get("start_char")) or 0
    end = row.get("end", row.get("end_char")) or 0
    return Event.from_dict({**row, "start": start, "end": end, "evidence": row.get("evidence") or ""})


def _settings(request: Request) -> Any:
    return request.app.state.settings


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    settings = _settings(request)
    html = ENV.get_template(name).render(
        request=request, read_only=settings.read_only, tiles_url=settings.tiles_url, **context
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def _suggest(request: Request, name: str, n: int = 5) -> list[str]:
    """Stored place names close to an unrecognised one (spelling variants, prefixes)."""
    with _store(request) as db:
        _total, places = corpus.list_places(db, limit=5000)
    names = [p["name"] for p in places if p.get("name")]
    folded = {v.casefold(): v for v in names}
    close = difflib.get_close_matches(name.casefold(), list(folded), n=n, cutoff=0.6)
    prefix = [v for k, v in folded.items() if name.casefold()[:3] and k.startswith(name.casefold()[:3])]
    return list(dict.fromkeys([folded[c] for c in close] + prefix))[:n]


def _store(request: Request) -> Store:
    return Store(_settings(request).db)


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/ui/", response_class=HTMLResponse)
def home(request: Request, page: int = 1, outlet: str | None = None, q: str | None = None) -> HTMLResponse:
    page = max(1, page)
    with _store(request) as db:
        total, articles = corpus.list_articles(
            db, outlet=outlet, q=q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
        )
        summary = db.summary()
    return render(
        request,
        "home.html",
        {
            "articles": articles,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PAGE_SIZE)),
            "summary": summary,
            "outlet": outlet or "",
            "q": q or "",
        },
    )


def _article_page(request: Request, article: Any, analysis: Any, stored: bool) -> HTMLResponse:
    return render(
        request,
        "article.html",
        {
            "article": article,
            "analysis": analysis,
            "segments": highlight.segments(article, analysis),
            "panel": highlight.side_panel(analysis),
            "stored": stored,
        },
    )


@router.get("/ui/articles/{article_id:path}", response_class=HTMLResponse)
def article_view(request: Request, article_id: str) -> HTMLResponse:
    with _store(request) as db:
        article = db.get_article(article_id)
        analysis = db.get_analysis(article_id)
    if article is None:
        raise HTTPException(404, f"No article with id “{article_id}”.")
    return _article_page(request, article, analysis, stored=True)


@router.post("/ui/analyze", response_class=HTMLResponse)
async def analyze_form(
    request: Request,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    outlet: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
    store: Annotated[str, Form()] = "",
    file: UploadFile | None = None,
) -> Response:
    """Paste or upload one article: analyze it and show it (stored first unless read-only)."""
    if file is not None and file.filename:
        data = await file.read()
        if data:
            text, _warnings = decode_text(data)
            if Path(file.filename).suffix.lower() in (".html", ".htm"):
                page = extract_html(text)
                text = page.text
                title = title or page.title or ""
                outlet = outlet or page.outlet or ""
                published = published or page.published or ""
    if not text.strip():
        return render(
            request,
            "error.html",
            {"status": 422, "message": "Paste an article's text or choose a file."},
            status=422,
        )
    settings = _settings(request)
    article = make_article(text, title=title or None, outlet=outlet or None, published=published or None)
    analysis = await settings.analyze(article)  # off the event loop, bounded and timed (api/gate.py)
    if store and not settings.read_only:
        with _store(request) as db:
            added = db.add(article, analysis)
        if added:
            corpus.refresh_views(settings.db)
        return RedirectResponse(f"/ui/articles/{quote(article.id, safe='')}", status_code=303)
    return _article_page(request, article, analysis, stored=False)


@router.get("/ui/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    with _store(request) as db:
        facets = corpus.facets(db)
    return render(request, "map.html", {"facets": facets, "query": dict(request.query_params)})


@router.get("/ui/places", response_class=HTMLResponse)
def places_page(request: Request, q: str | None = None) -> HTMLResponse:
    with _store(request) as db:
        total, places = corpus.list_places(db, q=q, limit=500)
    return render(request, "places.html", {"places": places, "total": total, "q": q or ""})


@router.get("/ui/places/{name:path}", response_class=HTMLResponse)
def place_page(request: Request, name: str, include_unconfirmed: bool = False) -> HTMLResponse:
    with _store(request) as db:
        found = corpus.place_page(db, name, include_unconfirmed=include_unconfirmed)
    if found is None:
        return render(request, "place_unknown.html", {"name": name, "suggestions": _suggest(request, name)},
                      status=404)  # fmt: skip
    by_date: dict[str, list[dict]] = {}
    for e in found["events"]:
        by_date.setdefault(e.get("date") or f"undated (published {e.get('published') or '?'})", []).append(e)
    chart = placeline.chart(
        found["events"], found["control"], note=lambda e: highlight.event_note(_event(e)),
        place=found["resolution"].get("name"),
    )  # fmt: skip
    return render(
        request,
        "place.html",
        {**found, "by_date": by_date, "chart": chart, "include_unconfirmed": include_unconfirmed},
    )


STORY_SORTS = {
    "newest": lambda s: (s.get("date_end") or s.get("date_start") or "", s.get("n_articles") or 0),
    "size": lambda s: (s.get("n_articles") or 0, s.get("n_outlets") or 0, s.get("date_end") or ""),
}


@router.get("/ui/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    place: str | None = None,
    outlet: str | None = None,
    min_outlets: int = 1,
    min_articles: int = 2,
    sort: str = "newest",
) -> HTMLResponse:
    """Stories newest first (or largest first); single-article stories hidden unless asked for."""
    with _store(request) as db:
        every = list_stories(db, place=place or None, outlet=outlet or None)
    min_outlets, min_articles = max(1, min_outlets), max(1, min_articles)
    stories = [
        s
        for s in every
        if (s.get("n_outlets") or 0) >= min_outlets and (s.get("n_articles") or 0) >= min_articles
    ]
    sort = sort if sort in STORY_SORTS else "newest"
    stories.sort(key=STORY_SORTS[sort], reverse=True)
    with _store(request) as db:
        members = story_members(db, [s["id"] for s in stories])
    for s in stories:
        s["coverage"] = coverage.coverage(members.get(s["id"], []))
    return render(
        request,
        "stories.html",
        {
            "stories": stories,
            "hidden": len(every) - len(stories),
            "min_outlets": min_outlets,
            "min_articles": min_articles,
            "sort": sort,
            "place": place or "",
            "outlet": outlet or "",
            "kinds": coverage.KINDS,
        },
    )


@router.get("/ui/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    with _store(request) as db:
        found = get_story(db, story_id)
        if found is None:
            raise HTTPException(404, f"No story with id “{story_id}”.")
        columns = story_columns(db, found)
    return render(
        request,
        "story.html",
        {
            "story": found,
            "columns": columns,
            "grid": story_grid(found),
            "cov": coverage.coverage(found["articles"]),
        },
    )


@router.get("/ui/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> HTMLResponse:
    """Outlets compared: framing in their own voice per 1,000 words, overall and per technique."""
    with _store(request) as db:
        outlets = corpus.list_outlets(db)
        for o in outlets:
            profile = corpus.outlet_profile(db, o["outlet"]) or {"months": []}
            words = sum(m["words"] for m in profile["months"])
            spans = sum(m["spans"] for m in profile["months"])
            by_technique: dict[str, int] = {}
            for m in profile["months"]:
                for t, n in m["techniques"].items():
                    by_technique[t] = by_technique.get(t, 0) + n
            o["words"], o["own_spans"] = words, spans
            o["rate"] = round(1000 * spans / words, 2) if words else 0.0
            o["technique_rates"] = (
                {t: round(1000 * n / words, 2) for t, n in by_technique.items()} if words else {}
            )
    techniques = sorted({t for o in outlets for t in o["technique_rates"]})
    peak = max((o["rate"] for o in outlets), default=0.0) or 1.0
    return render(request, "outlets.html", {"outlets": outlets, "techniques": techniques, "peak": peak})


@router.get("/ui/outlets/{name:path}", response_class=HTMLResponse)
def outlet_page(request: Request, name: str) -> HTMLResponse:
    with _store(request) as db:
        profile = corpus.outlet_profile(db, name)
    if profile is None:
        raise HTTPException(404, f"No articles from outlet “{name}”.")
    peak = max((m["per_1000_words"] for m in profile["months"]), default=0.0) or 1.0
    return render(request, "outlet.html", {"profile": profile, "peak": peak})


@router.get("/ui/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", {"max_body": _settings(request).max_body})


# -- token login (only used when the server was started with a token) ----------------------------------
@router.get("/ui/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html", {"failed": False})


@router.post("/ui/login", response_class=HTMLResponse)
def login(request: Request, token: Annotated[str, Form()] = "") -> Response:
    from ..api.security import TOKEN_COOKIE

    expected = _settings(request).token
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        return render(request, "login.html", {"failed": True}, status=401)
    response = RedirectResponse("/ui/", status_code=303)
    # HttpOnly: page scripts never see it; SameSite=Strict: other sites cannot ride on it
    response.set_cookie(
        TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response


# -- offline base map layers --------------------------------------------------------------------------------
_LAYER_NAME = re.compile(r"^[a-z0-9_-]{1,40}$")


@router.get("/basemap/index.json")
def basemap_index(request: Request) -> dict[str, list[str]]:
    folder: Path = _settings(request).basemap_dir
    return {
        "layers": sorted(
            p.stem for p in folder.glob("*.json") if _LAYER_NAME.match(p.stem) and p.stem != "index"
        )
    }


@router.get("/basemap/{name}.json")
def basemap_layer(request: Request, name: str) -> FileResponse:
    """A base-map layer from the packaged folder (or the one given to ``serve --basemap``)."""
    folder: Path = _settings(request).basemap_dir
    path = folder / f"{name}.json"
    if not _LAYER_NAME.match(name) or not path.is_file():
        raise HTTPException(404, f"no base map layer {name!r}")
    return FileResponse(path, media_type="application/json", headers={"Cache-Control": "max-age=3600"})
