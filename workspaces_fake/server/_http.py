"""The HTTP layer: the standard library's threading server, HTTP/1.1 with keep-alive (docs/design.md).

One thread per connection; the pipeline holds each backend's lock for the whole of a call, so requests from
many threads and processes interleave without losing state. Responses go out in one write with Nagle off,
so a kept-alive connection answers a small call in well under a millisecond of server time.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Optional

from ._app import PREFIX, Reply, ServerState, answer_api, api_error
from ._control import answer as answer_control


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
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

    def do_POST(self) -> None:
        self._serve("POST")

    def do_GET(self) -> None:
        self._serve("GET")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        path, _, query = self.path.partition("?")
        state = self.server.state
        reply: Optional[Reply]
        if path == PREFIX or path.startswith(PREFIX + "/"):
            reply = answer_control(state, method, path[len(PREFIX) :], query, body)
        elif method != "POST":
            message = f"{method} {path} is not a WorkSpaces operation."
            reply = api_error(404, "UnknownOperationException", message)
        else:
            headers = {key.lower(): value for key, value in self.headers.items()}
            reply = answer_api(state, headers, body)
        if reply is None:  # a fault rule dropped the connection: close it without an answer
            self.close_connection = True
            return
        self._write(reply)

    def _write(self, reply: Reply) -> None:
        reason = self.responses.get(reply.status, ("",))[0]
        lines = [f"HTTP/1.1 {reply.status} {reason}"]
        lines += [f"{name}: {value}" for name, value in reply.headers.items()]
        lines.append(f"Content-Length: {len(reply.body)}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head + reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a test server that prints a line per request drowns the test's output."""


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
