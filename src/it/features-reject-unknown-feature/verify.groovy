// The typo is named with its element, the nearest id is suggested, the valid ids are listed,
// and no listing is printed before the failure.
def site = new SiteShell()
// The default <pythonVersion> 3.13 is its newest known release, 3.13.15 (no readelf; chmod and statvfs off
// since 3.13; int-conversion still there).
String wasiFeatures = 'getaddrinfo, pty, eventfd, rlimit, pread, largefile, pipe, unix-sockets, mkfifo, mknod, hardlinks, fdopendir, accept, chmod, statvfs, int-conversion'
site.assertRejected(basedir, "<enable>: unknown feature 'mknd'. Did you mean 'mknod'? Features for wasm32-wasi (CPython 3.13.15): ${wasiFeatures}")
assert !site.log(basedir).any { it.startsWith('[INFO] Features for ') }
return true
