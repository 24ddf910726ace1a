"""The HTTP API: a FastAPI app over the Python API (``create_app``), served by ``eventwire serve``."""

from .app import create_app

__all__ = ["create_app"]
