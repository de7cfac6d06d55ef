// A directory without CPython's configure script is not taken as a source tree.
def site = new SiteShell()
site.assertRejected(basedir, "<sourceDirectory>: ${basedir} has no configure script; point it at the top of a CPython source tree")
return true
