"""The FastAPI application: HTTP API and web pages over the Python API, in one process."""

from __future__ import annotations

import importlib.util
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..core import analyze_article
from ..errors import EventwireError
from ..models import Analysis, Article
from ..pipeline import Pipeline, default_pipeline
from .gate import AnalysisGate, GateBusy, GateTimeout
from .jobs import MAX_PENDING_JOBS, JobManager, JobQueueFull, LockedPipeline
from .security import BodyLimitMiddleware, GuardMiddleware, SecurityHeadersMiddleware
from .streaming import ExportStreamer
from .throttle import LoginThrottle
from .workers import AnalysisProcesses

log = logging.getLogger(__name__)

# Ten news articles' worth of HTML is well under this; a JSONL corpus upload may need --max-body-mb.
DEFAULT_MAX_BODY = 10 * 1024 * 1024
# One /analyze runs at a time (the pipeline is shared), up to this many wait; each has this long.
DEFAULT_ANALYZE_QUEUE = 8
DEFAULT_ANALYZE_TIMEOUT = 60.0

PACKAGE_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = PACKAGE_DIR / "web" / "static"
DEFAULT_BASEMAP_DIR = PACKAGE_DIR / "data" / "basemap"


@dataclass
class Settings:
    """What every request handler may need; stored on ``app.state.settings``."""

    db: str
    token: str | None = None
    read_only: bool = False
    max_body: int = DEFAULT_MAX_BODY
    basemap_dir: Path = DEFAULT_BASEMAP_DIR
    tiles_url: str | None = None  # optional online tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
    pipeline: LockedPipeline = field(default=None)  # type: ignore[assignment]
    jobs: JobManager = field(default=None)  # type: ignore[assignment]
    gate: AnalysisGate = field(default=None)  # type: ignore[assignment]
    exports: ExportStreamer = field(default=None)  # type: ignore[assignment]
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    processes: AnalysisProcesses | None = None  # analysis in separate processes (serve), else threads

    async def analyze(self, article: Article) -> Analysis:
        """Analyze through the gate: off the event loop, bounded, timed (``GateBusy``, ``GateTimeout``)."""
        gate = self.gate
        if self.processes is not None:
            deadline = time.monotonic() + gate.timeout
            return await gate.run(self.processes.analyze, article, deadline, gate.timeout)
        return await gate.run(analyze_article, article, self.pipeline)


def _tiles_origin(tiles_url: str | None) -> str | None:
    if not tiles_url:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(tiles_url.replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


def _field_name(loc: tuple | list) -> str:
    # ("body", "text") -> "text"; ("query", "bbox") -> "bbox": the name a client sent
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or ".".join(str(p) for p in loc)


def create_app(
    db: str | Path,
    token: str | None = None,
    read_only: bool = False,
    max_body: int = DEFAULT_MAX_BODY,
    *,
    pipeline: Pipeline | None = None,
    basemap_dir: str | Path | None = None,
    tiles_url: str | None = None,
    analyze_timeout: float = DEFAULT_ANALYZE_TIMEOUT,
    analyze_queue: int = DEFAULT_ANALYZE_QUEUE,
    max_jobs: int = MAX_PENDING_JOBS,
    analysis_processes: int = 0,
) -> FastAPI:
    """Build the app for one database.

    ``token`` (when set) is required on every request; ``read_only`` refuses storing
    analyses and ingest jobs; ``max_body`` caps request bodies (413 above it). ``/analyze``
    runs off the event loop, one at a time with ``analyze_queue`` waiting (503 beyond) and
    ``analyze_timeout`` seconds each (504 beyond); ``max_jobs`` ingest jobs may wait or run
    (503 beyond). With ``analysis_processes`` > 0 analyses run in that many processes of their
    own (one each at a time; an overrun's process is ended and replaced), else on one thread over
    the shared pipeline. Binding policy (a strong token for non-loopback hosts) is the caller's: see
    ``eventwire serve``.
    """
    lock = threading.Lock()
    locked = LockedPipeline(pipeline or default_pipeline(), lock)
    settings = Settings(
        db=str(db),
        token=token or None,
        read_only=read_only,
        max_body=max_body,
        basemap_dir=Path(basemap_dir) if basemap_dir else DEFAULT_BASEMAP_DIR,
        tiles_url=tiles_url,
        pipeline=locked,
        jobs=JobManager(str(db), locked, max_pending=max_jobs),
        gate=AnalysisGate(
            workers=max(1, analysis_processes), max_waiting=analyze_queue, timeout=analyze_timeout
        ),
        exports=ExportStreamer(str(db)),
        processes=AnalysisProcesses(analysis_processes) if analysis_processes > 0 else None,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        settings.gate.close()
        settings.exports.close()
        if settings.processes is not None:
            settings.processes.close()
        settings.jobs.close()  # uploads still waiting are deleted with the server

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version=__version__,
        description=(
            "News reports in, verifiable geolocated event data out. Every record carries "
            "character offsets into its article as evidence."
        ),
        docs_url=None,  # served below from package files, not a CDN
        redoc_url=None,
    )
    app.state.settings = settings

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            ctx = next(e for e in errors if e.get("type") == "json_invalid").get("ctx") or {}
            message = f"request body is not valid JSON ({ctx.get('error', 'parse error')})"
            return JSONResponse({"error": "invalid_json", "detail": message}, status_code=400)
        details = [
            {
                "field": _field_name(e.get("loc", ())),
                "loc": list(e.get("loc", ())),
                "msg": e.get("msg"),
                "type": e.get("type"),
            }
            for e in errors
        ]
        message = "; ".join(f"{d['field']}: {d['msg']}" for d in details)
        return JSONResponse({"error": "validation", "message": message, "detail": details}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/ui/") and exc.status_code in (403, 404):
            from ..web.pages import error_page

            return error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse(
            {"error": _error_name(exc.status_code), "detail": exc.detail},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(GateBusy)
    @app.exception_handler(JobQueueFull)
    async def busy(request: Request, exc: GateBusy | JobQueueFull) -> JSONResponse:
        return JSONResponse({"error": "busy", "detail": str(exc)}, status_code=503,
                            headers={"Retry-After": str(exc.retry_after)})  # fmt: skip

    @app.exception_handler(GateTimeout)
    async def timed_out(request: Request, exc: GateTimeout) -> JSONResponse:
        return JSONResponse({"error": "timeout", "detail": f"{exc}; try a shorter text"}, status_code=504)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        return JSONResponse({"error": "bad_request", "detail": str(exc)}, status_code=400)

    from ..web.pages import router as pages_router
    from .routes import router as api_router

    app.include_router(api_router)
    app.include_router(pages_router)
    swagger = _swagger_dir()
    if swagger is not None:  # before /static, which would otherwise claim these paths
        app.mount("/static/vendor/swagger", StaticFiles(directory=swagger), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # added innermost first: the headers wrap every reply, the body limit answers before the
    # guard or any handler reads the body
    app.add_middleware(GuardMiddleware, token=settings.token, throttle=settings.throttle)
    app.add_middleware(BodyLimitMiddleware, max_body=max_body)
    app.add_middleware(SecurityHeadersMiddleware, tiles_origin=_tiles_origin(tiles_url))
    return app


def _swagger_dir() -> Path | None:
    """Swagger UI's files from the ``fastapi-offline`` package, when installed (no CDN)."""
    spec = importlib.util.find_spec("fastapi_offline")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "static"
    return path if (path / "swagger-ui-bundle.js").exists() else None


def _error_name(status: int) -> str:
    return {
        400: "bad_request",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        413: "payload_too_large",
        422: "validation",
        429: "too_many_requests",
        503: "busy",
        504: "timeout",
    }.get(status, "error")
