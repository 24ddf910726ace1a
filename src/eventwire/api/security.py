"""Safety at the HTTP edge: body size limit, API token, same-origin writes, strict headers.

Written as plain ASGI middleware (not ``BaseHTTPMiddleware``) so the body limit is enforced
while the body streams in, before any handler or form parser buffers it.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "EVENTWIRE_TOKEN"
TOKEN_COOKIE = "eventwire_token"
TOKEN_HEADER = "x-eventwire-token"

# Paths a browser needs before it can present a token (the login form and its assets).
PUBLIC_PREFIXES = ("/static/", "/ui/login", "/healthz")


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a hostname may resolve to anything: treat it as exposed


def tokens_match(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def csp_header(extra_img_src: str | None = None) -> str:
    """No inline scripts or styles, nothing from other origins (except optional map tiles)."""
    img = "'self' data:" + (f" {extra_img_src}" if extra_img_src else "")
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; connect-src 'self'; font-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


async def _send_json(send: Send, status: int, payload: dict[str, Any], headers: list | None = None) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """413 with a JSON message when a request body exceeds ``max_body`` bytes.

    Checks Content-Length first (cheap, answers before reading), then counts streamed
    bytes for chunked uploads that declare no length.
    """

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    def _message(self) -> dict[str, Any]:
        return {
            "error": "payload_too_large",
            "detail": f"request body is larger than the server's limit of {self.max_body} bytes",
            "limit": self.max_body,
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _send_json(send, 413, self._message())
            return
        received = 0
        too_large = False
        replaced = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # Frameworks may catch the error raised while reading and answer 400 instead;
            # whatever they answer, a body over the limit gets the 413.
            nonlocal replaced
            if too_large:
                if not replaced:
                    replaced = True
                    await _send_json(send, 413, self._message())
                return
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except BodyTooLarge:
            if not replaced:
                await _send_json(send, 413, self._message())


class GuardMiddleware:
    """Token check (when a token is set), same-origin check for writes, security headers."""

    def __init__(self, app: ASGIApp, token: str | None, tiles_origin: str | None = None):
        self.app = app
        self.token = token
        self.csp = csp_header(tiles_origin).encode()

    def _presented_token(self, scope: Scope) -> str | None:
        auth = _header(scope, b"authorization")
        if auth and auth.lower().startswith("bearer "):
            return auth[7:].strip()
        header = _header(scope, TOKEN_HEADER.encode())
        if header:
            return header.strip()
        cookie = _header(scope, b"cookie")
        if cookie:
            jar = SimpleCookie()
            try:
                jar.load(cookie)
            except Exception:  # noqa: BLE001 - a malformed cookie header is just "no token"
                return None
            if TOKEN_COOKIE in jar:
                return jar[TOKEN_COOKIE].value
        return None

    @staticmethod
    def _cross_origin(scope: Scope) -> bool:
        """A write sent by a page on another site (CSRF), judged as browsers report it.

        Browsers send Sec-Fetch-Site on every request; older ones only Origin. Clients that
        are not browsers (curl, scripts) send neither and are not refused.
        """
        site = _header(scope, b"sec-fetch-site")
        if site is not None:
            return site not in ("same-origin", "none")
        origin = _header(scope, b"origin")
        if origin is None:
            return False
        host = _header(scope, b"host") or ""
        return origin == "null" or urlsplit(origin).netloc != host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        security = [
            (b"content-security-policy", self.csp),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
        ]
        if self.token and not path.startswith(PUBLIC_PREFIXES):
            if not tokens_match(self._presented_token(scope), self.token):
                if path.startswith("/ui/") or path == "/":
                    await send(
                        {
                            "type": "http.response.start",
                            "status": 303,
                            "headers": [(b"location", b"/ui/login"), *security],
                        }
                    )
                    await send({"type": "http.response.body", "body": b""})
                    return
                await _send_json(
                    send,
                    401,
                    {
                        "error": "unauthorized",
                        "detail": "this server needs an API token: send 'Authorization: Bearer TOKEN'",
                    },
                    [(b"www-authenticate", b"Bearer")],
                )
                return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and self._cross_origin(scope):
            await _send_json(
                send, 403, {"error": "cross_origin", "detail": "cross-origin writes are refused"}
            )
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in security if k not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
