"""The HTTP API: a FastAPI app over the Python API (``create_app``), served by ``eventwire serve``."""

from ..extras import require

require("server")

from .app import create_app  # noqa: E402

__all__ = ["create_app"]
