// A platform name where a target is expected: refused, with the valid targets named.
def site = new SiteShell()
site.assertRejected(basedir, "<target>: unknown target 'wasm32-wasi'. Did you mean 'wasi'? Valid targets: wasi, emscripten-node, emscripten-browser")
return true
