"""Safety at the HTTP edge: body size limit, API token, throttled guessing, same-origin writes,
strict headers on every reply.

Written as plain ASGI middleware (not ``BaseHTTPMiddleware``) so the body limit is enforced
while the body streams in, before any handler or form parser buffers it.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import math
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from .throttle import LoginThrottle

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
CROSS_ORIGIN = {"error": "cross_origin", "detail": "cross-origin writes are refused"}


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a hostname may resolve to anything: treat it as exposed


MIN_TOKEN_CHARS = 16
MIN_TOKEN_DISTINCT = 6


def token_problem(token: str) -> str | None:
    """Why ``token`` is too weak to guard a server others can reach (None when it is fine)."""
    if any(c.isspace() or not c.isprintable() for c in token):
        return "contains whitespace or control characters"
    if len(token) < MIN_TOKEN_CHARS:
        return f"is {len(token)} characters long; use at least {MIN_TOKEN_CHARS}"
    if len(set(token)) < MIN_TOKEN_DISTINCT:
        return f"uses fewer than {MIN_TOKEN_DISTINCT} different characters"
    return None


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


def security_headers(csp: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
    ]


class SecurityHeadersMiddleware:
    """The outermost layer: the security headers on every reply, whoever wrote it (413, 401,
    429, 404 ...), and a JSON 500 with them when a handler fails unexpectedly."""

    def __init__(self, app: ASGIApp, tiles_origin: str | None = None):
        self.app = app
        self.headers = security_headers(csp_header(tiles_origin).encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in self.headers if k not in present)
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unexpected error answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise  # the reply is already on its way: the connection is closed
            await _send_json(
                send_with_headers,
                500,
                {"error": "internal", "detail": "the server failed on this request; the error is in its log"},
            )


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
    """Token check (when a token is set) with throttled guessing, same-origin check for writes."""

    def __init__(self, app: ASGIApp, token: str | None, throttle: LoginThrottle | None = None):
        self.app = app
        self.token = token
        self.throttle = throttle or LoginThrottle()

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

    @staticmethod
    def _client(scope: Scope) -> str:
        client = scope.get("client")
        return str(client[0]) if client else "unknown"

    async def _too_many(self, send: Send, wait: float) -> None:
        seconds = max(1, math.ceil(wait))
        await _send_json(
            send,
            429,
            {"error": "too_many_requests",
             "detail": f"too many wrong tokens from this address; try again in {seconds} s"},
            [(b"retry-after", str(seconds).encode())],
        )  # fmt: skip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        client = self._client(scope)
        if self.token and path == "/ui/login" and scope["method"] == "POST":
            await self._login(scope, receive, send, client)
            return
        if self.token and not path.startswith(PUBLIC_PREFIXES):
            presented = self._presented_token(scope)
            if presented is not None and (wait := self.throttle.retry_after(client)) > 0:
                await self._too_many(send, wait)
                return
            if not tokens_match(presented, self.token):
                if presented is not None:
                    self.throttle.failed(client)
                if path.startswith("/ui/") or path == "/":
                    to_login = [(b"location", b"/ui/login")]
                    await send({"type": "http.response.start", "status": 303, "headers": to_login})
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
            self.throttle.succeeded(client)
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and self._cross_origin(scope):
            await _send_json(send, 403, CROSS_ORIGIN)
            return
        await self.app(scope, receive, send)

    async def _login(self, scope: Scope, receive: Receive, send: Send, client: str) -> None:
        """The login form's POST: refused while the address is blocked; its outcome is counted."""
        if (wait := self.throttle.retry_after(client)) > 0:
            await self._too_many(send, wait)
            return
        if self._cross_origin(scope):
            await _send_json(send, 403, CROSS_ORIGIN)
            return

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] == 401:
                    self.throttle.failed(client)
                elif message["status"] < 400:
                    self.throttle.succeeded(client)
            await send(message)

        await self.app(scope, receive, counting_send)
