// A typo in <disable> names the element, suggests the nearest id and lists the valid ones.
def site = new SiteShell()
site.assertRejected(basedir, "<disable>: unknown feature 'mknd'. Did you mean 'mknod'? "
        + 'Features for wasm32-wasi (CPython 3.11.2): getaddrinfo, pty, readelf, eventfd, rlimit, largefile, pipe, unix-sockets, mkfifo, mknod, hardlinks, fdopendir, accept')
return true
