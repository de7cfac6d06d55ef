// An Emscripten-only feature in <enable> for WASI is refused by name, saying where it belongs.
def site = new SiteShell()
site.assertRejected(basedir, "<enable>: feature 'signals' does not exist on wasm32-wasi "
        + '(it belongs to wasm32-emscripten). Features for wasm32-wasi (CPython 3.11.2): getaddrinfo, pty, readelf, eventfd, rlimit, largefile, pipe, unix-sockets, mkfifo, mknod, hardlinks, fdopendir, accept')
return true
