"""A stand-in for the UN's resolver, for the --online tests: serves only 127.0.0.1, on a
port the system picks (printed as the first line), and stops by itself after a while.
  /SYMBOL for a symbol of the known list (third argument, comma-separated) → 200
  /SLOW/...  → waits 30 s, then 200      /ERROR/... → 500      anything else → 404
Every request is written to the file given as the first argument (one line each); the
second argument is how long the server lives, in seconds."""
import http.server, os, signal, sys, threading, time

log = sys.argv[1]
lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 120
known = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(log, "a") as f:
            f.write(self.path + "\n")
        if self.path.startswith("/SLOW/"):
            time.sleep(30)
            code = 200
        elif self.path[1:] in known:
            code = 200
        elif self.path.startswith("/ERROR/"):
            code = 500
        else:
            code = 404
        try:
            self.send_response(code)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"ok\n" if code == 200 else b"no\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass

# Stop at once when the test ends it (its request threads may be sleeping).
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
timer = threading.Timer(lifetime, lambda: os._exit(0))
timer.daemon = True
timer.start()
server.serve_forever()
