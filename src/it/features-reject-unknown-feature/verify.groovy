// The typo is named with its element, the nearest id is suggested, the valid ids are listed,
// and no listing is printed before the failure.
def site = new SiteShell()
// The default <pythonVersion> 3.11 is its newest known release, 3.11.9 (with pread and int-conversion).
String wasiFeatures = 'getaddrinfo, pty, readelf, eventfd, rlimit, pread, largefile, pipe, unix-sockets, mkfifo, mknod, hardlinks, fdopendir, accept, int-conversion'
site.assertRejected(basedir, "<enable>: unknown feature 'mknd'. Did you mean 'mknod'? Features for wasm32-wasi (CPython 3.11.9): ${wasiFeatures}")
assert !site.log(basedir).any { it.startsWith('[INFO] Features for ') }
return true
