"""The HTTP layer: the standard library's threading server and a lean HTTP/1.1 keep-alive loop (design.md).

One thread per connection; the pipeline holds each backend's lock for the whole of a call, so requests from
many threads and processes interleave without losing state. Responses go out in one write with Nagle off,
so a kept-alive connection answers a small call in well under a millisecond of server time.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from socketserver import StreamRequestHandler
from types import TracebackType
from typing import Any, Optional

from ._app import PREFIX, Reply, ServerState, answer_api, api_error
from ._control import answer as answer_control

_MAX_LINE = 65536
_MAX_HEADERS = 100
_REASONS = {status.value: status.phrase for status in HTTPStatus}


class _BadRequest(Exception):
    """The bytes on the connection are not an HTTP/1.x request we can read: answer 400 and close."""


class _Handler(StreamRequestHandler):
    """One connection: requests read and answered in turn until the client closes it (keep-alive).

    The request line and headers are read by a small loop rather than ``BaseHTTPRequestHandler``, whose
    header parsing (the ``email`` package) cost more than the whole pipeline for a small call.
    """

    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def handle(self) -> None:
        try:
            while self._one():
                pass
        except _BadRequest as exc:
            self._write(_error(400, str(exc)), close=True)
        except (ConnectionError, TimeoutError):
            pass  # the client went away mid-request

    def _one(self) -> bool:
        """Read and answer one request; False once the connection is to be closed."""
        line = self.rfile.readline(_MAX_LINE + 1)
        while line in (b"\r\n", b"\n"):  # tolerated before a request line (RFC 9112, 2.2)
            line = self.rfile.readline(_MAX_LINE + 1)
        if not line:
            return False
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise _BadRequest(f"not an HTTP/1.x request line: {line[:80]!r}")
        method, target, version = parts
        headers = self._headers()
        if headers.get("expect", "").lower() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        body = self._body(headers)
        connection = headers.get("connection", "").lower()
        keep = connection == "keep-alive" if version == "HTTP/1.0" else connection != "close"
        reply = self._route(method, target, headers, body)
        if reply is None:  # a fault rule dropped the connection: close it without an answer
            return False
        self._write(reply, close=not keep)
        return keep

    def _headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        for _ in range(_MAX_HEADERS + 1):
            line = self.rfile.readline(_MAX_LINE + 1)
            if line in (b"\r\n", b"\n", b""):
                return headers
            name, colon, value = line.decode("latin-1").partition(":")
            if not colon:
                raise _BadRequest(f"not a header line: {line[:80]!r}")
            headers[name.strip().lower()] = value.strip()
        raise _BadRequest(f"more than {_MAX_HEADERS} headers")

    def _body(self, headers: dict[str, str]) -> bytes:
        if headers.get("transfer-encoding", "").lower() == "chunked":
            return self._chunked()
        try:
            length = int(headers.get("content-length") or 0)
        except ValueError:
            raise _BadRequest("Content-Length is not a number") from None
        return self.rfile.read(length) if length > 0 else b""

    def _chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size_line = self.rfile.readline(_MAX_LINE + 1).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                raise _BadRequest("a chunk size is not hexadecimal") from None
            if size == 0:
                self._headers()  # trailers, if any, end with an empty line
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline(_MAX_LINE + 1)

    def _route(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Optional[Reply]:
        path, _, query = target.partition("?")
        state = self.server.state
        if path == PREFIX or path.startswith(PREFIX + "/"):
            return answer_control(state, method, path[len(PREFIX) :], query, body)
        if method != "POST":
            return api_error(
                404, "UnknownOperationException", f"{method} {path} is not a WorkSpaces operation."
            )
        return answer_api(state, headers, body)

    def _write(self, reply: Reply, *, close: bool) -> None:
        lines = [f"HTTP/1.1 {reply.status} {_REASONS.get(reply.status, '')}"]
        lines += [f"{name}: {value}" for name, value in reply.headers.items()]
        lines.append(f"Content-Length: {len(reply.body)}")
        if close:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head + reply.body)


def _error(status: int, message: str) -> Reply:
    return Reply(status, {"Content-Type": "text/plain; charset=utf-8"}, message.encode("utf-8"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.state = state
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def track(self, connection: socket.socket, is_open: bool) -> None:
        with self._open_lock:
            if is_open:
                self._open.add(connection)
            else:
                self._open.discard(connection)

    def close_connections(self) -> None:
        """End every kept-alive connection, so no handler thread outlives the server."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class WorkspacesServer:
    """The fake over HTTP: start it (on a free port by default), point any SDK at :attr:`url`, stop it.

    ``with WorkspacesServer() as server:`` starts it in a background thread and stops it on exit;
    :attr:`control` steers it as ``workspaces_backend`` steers the in-process fake.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        lifecycle: str = "instant",
        account_id: Optional[str] = None,
        region: Optional[str] = None,
        seed: int = 0,
    ) -> None:
        self.state = ServerState(lifecycle=lifecycle, seed=seed)
        if account_id:
            self.state.account_id = account_id
        if region:
            self.state.region = region
        self._http = _Server((host, port), self.state)
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        """The endpoint URL, e.g. ``http://127.0.0.1:40123`` (the port the system picked when asked for 0)."""
        address = self._http.server_address
        host, port = str(address[0]), int(address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    @property
    def control(self) -> Any:
        """A :class:`~workspaces_fake.server.ServerControl` for this server."""
        from ._client import ServerControl

        return ServerControl(self.url)

    def start(self) -> WorkspacesServer:
        """Serve in a background (daemon) thread; returns the server."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self.serve_forever, name="workspaces-fake-server", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until :meth:`stop` (from another thread) or an interrupt."""
        self._http.serve_forever(poll_interval=0.1)

    def stop(self) -> None:
        """Stop accepting, end every open connection, and release the port."""
        if self._thread is not None:  # shutdown() waits for a serve_forever() that is running
            self._http.shutdown()
        self._http.close_connections()
        self._http.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> WorkspacesServer:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()
