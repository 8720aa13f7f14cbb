#!/usr/bin/env python3
"""A web server that fails on purpose, for keiji's sync tests (loopback only).

  fault_server.py ROOT PORT_FILE

Serves the files under ROOT at /<fault>/<path>. The fault, the first path segment, decides
how the answer goes wrong:
  ok         the file as it is
  hang       accepts the request and never answers
  drip       announces the file, then sends one byte every half second
  truncated  announces the whole file for assets (not feed.json), sends half, hangs up
  status500  answers every request with HTTP 500
  wrongsha   assets arrive with their bytes changed (same length)
  oversized  assets arrive 4096 bytes longer than the feed says
  badjson    feed.json is cut off in the middle of a value
  schema     feed.json is valid JSON that breaks the feed schema
  escape     feed.json lists an asset whose URL climbs to /etc/passwd
  flaky      assets honour Range (206 from the offset asked), but every answer hangs up after
             a third of the file; each asset request's offset is appended to ranges.log
Writes the port it listens on to PORT_FILE once it is ready.
"""
import http.server
import json
import os
import socketserver
import sys
import time

ROOT = sys.argv[1]
PORT_FILE = sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, body, length=None, status=200):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def send_flaky(self, name, body):
        start = 0
        wanted = self.headers.get("Range", "")
        if wanted.startswith("bytes=") and wanted.endswith("-"):
            start = int(wanted[len("bytes="):-1])
        with open(os.path.join(os.path.dirname(os.path.abspath(PORT_FILE)), "ranges.log"), "a") as log:
            log.write(f"{name} {start}\n")
        if start >= len(body):
            self.send_body(b"", status=416)
            return
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body[start:start + len(body) // 3 + 1])
        self.wfile.flush()
        self.close_connection = True

    def do_GET(self):
        parts = self.path.lstrip("/").split("/", 1)
        fault, rest = parts[0], (parts[1] if len(parts) > 1 else "")
        path = os.path.normpath(os.path.join(ROOT, rest))
        if not path.startswith(os.path.abspath(ROOT)) or not os.path.isfile(path):
            self.send_body(b"not found", status=404)
            return
        body = open(path, "rb").read()
        is_feed = rest.endswith("feed.json")
        if fault == "hang":
            time.sleep(3600)
        elif fault == "drip":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        elif fault == "flaky" and not is_feed:
            self.send_flaky(rest, body)
        elif fault == "status500":
            self.send_body(b"internal error", status=500)
        elif fault == "truncated" and not is_feed:
            self.send_body(body[: len(body) // 2], length=len(body))
        elif fault == "wrongsha" and not is_feed:
            self.send_body(bytes([body[0] ^ 0xFF]) + body[1:])
        elif fault == "oversized" and not is_feed:
            self.send_body(body + b"\0" * 4096)
        elif fault == "badjson" and is_feed:
            self.send_body(body[: len(body) // 2])
        elif fault == "schema" and is_feed:
            feed = json.loads(body)
            feed["playlists"] = [{"id": p["id"], "url": p["url"]} for p in feed["playlists"]]
            self.send_body(json.dumps(feed).encode())
        elif fault == "escape" and is_feed:
            feed = json.loads(body)
            feed["assets"][0]["url"] = "../../../../../../etc/passwd"
            self.send_body(json.dumps(feed).encode())
        else:
            self.send_body(body)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
