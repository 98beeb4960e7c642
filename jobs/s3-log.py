"""The request log in front of jobs/s3's S3Proxy: one TSV line per S3 request, then the request
forwarded unchanged (same Host header, so the client's SigV4 signature still holds).

  python3 jobs/s3-log.py LISTEN_PORT UPSTREAM_PORT LOG_FILE

Each line: unix time, method, path, query, copy source (x-amz-copy-source, '-' when not a copy),
request body bytes, response status, response body bytes. S3Proxy logs no request line of its
own that tells a copy from an upload, and S3A's statistics live in each JVM (the driver's and
every executor's), so this is the one place that sees every request of a sweep. Bound to
127.0.0.1 only.
"""
import http.client
import http.server
import socketserver
import sys
import threading
import time

LISTEN, UPSTREAM, LOG = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}
lock = threading.Lock()
log = open(LOG, "a", buffering=1)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, and `Expect: 100-continue` answered here

    def log_message(self, *args):   # no access log on stderr: the TSV is the log
        pass

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(data)
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def forward(self):
        data = self.body()
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "expect"}
        if data or self.command in ("PUT", "POST"):
            headers["Content-Length"] = str(len(data))
        conn = http.client.HTTPConnection("127.0.0.1", UPSTREAM, timeout=300)
        try:
            conn.request(self.command, self.path, body=data, headers=headers)
            resp = conn.getresponse()
            payload = resp.read()
        finally:
            conn.close()
        self.send_response_only(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in HOP and (k.lower() != "content-length" or self.command == "HEAD"):
                self.send_header(k, v)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        path, _, query = self.path.partition("?")
        line = "\t".join([f"{time.time():.3f}", self.command, path, query or "-",
                          self.headers.get("x-amz-copy-source", "-"), str(len(data)), str(resp.status),
                          str(len(payload))])
        with lock:
            log.write(line + "\n")

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = forward


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", LISTEN), Handler).serve_forever()
