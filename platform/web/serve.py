#!/usr/bin/env python3
"""Serves the built web app: platform/web/serve.py SITE_DIR [--host H] [--port P].

A plain static server with the types a browser insists on (application/wasm,
application/manifest+json) and no caching of its own, so a rebuild shows on
the next reload; the service worker keeps the offline copy. It listens on
127.0.0.1 unless told otherwise. Browsers allow service workers and storage
persistence only on localhost or over HTTPS, so a phone reaching this over the
network gets the app, but not its offline copy.
"""
import argparse
import functools
import http.server
import socket
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
        ".data": "application/octet-stream",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    handler = functools.partial(Handler, directory=args.site)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as error:
        sys.exit(f"Cannot listen on {args.host}:{args.port}: {error}")
    server.verbose = args.verbose
    port = server.server_address[1]
    print(f"ClaimDeck web app: http://{args.host}:{port}/   (Ctrl+C stops)", flush=True)
    if args.host in ("0.0.0.0", "::"):
        print(f"  from another device: http://{socket.gethostname()}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
