// The typo is named with its element, the nearest id is suggested, the valid ids are listed,
// and no listing is printed before the failure.
def site = new SiteShell()
String wasiFeatures = 'getaddrinfo, pty, readelf, eventfd, rlimit, largefile, pipe, unix-sockets, mkfifo, mknod, hardlinks, fdopendir, accept'
site.assertRejected(basedir, "<enable>: unknown feature 'mknd'. Did you mean 'mknod'? Features for wasm32-wasi (CPython 3.11): ${wasiFeatures}")
assert !site.log(basedir).any { it.startsWith('[INFO] Features for ') }
return true
