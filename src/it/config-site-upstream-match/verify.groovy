// The product's promise: by default the generated files, sourced by /bin/sh, set exactly the
// variables upstream's own site files in the same CPython source set, to the same values.
def site = new SiteShell()

File source = new File(cpythonSource)
assert new File(source, 'configure').isFile(): "cpython.source (${source}) is not a CPython source tree"
File upstreamWasi = new File(source, 'Tools/wasm/config.site-wasm32-wasi')
File upstreamEmscripten = new File(source, 'Tools/wasm/config.site-wasm32-emscripten')

def cases = [
        [dir: 'wasi', file: 'config.site-wasm32-wasi', upstream: upstreamWasi],
        [dir: 'emscripten-node', file: 'config.site-wasm32-emscripten', upstream: upstreamEmscripten],
        [dir: 'emscripten-browser', file: 'config.site-wasm32-emscripten', upstream: upstreamEmscripten],
]
for (c in cases) {
    File generated = new File(basedir, "target/wasm/${c.dir}/${c.file}")
    Map<String, String> ours = site.sourced(generated)
    Map<String, String> theirs = site.sourced(c.upstream)
    // Guard against comparing two empty results: upstream's files set dozens of variables.
    assert theirs.size() >= 10: "upstream's ${c.upstream} set only ${theirs}"
    assert theirs.keySet().every { it.startsWith('ac_cv_') }
    site.assertSameVariables(theirs, ours, "${generated} (target ${c.dir}) against upstream's ${c.upstream}")
    // Only the site file itself: nothing else in the directory.
    assert new File(basedir, "target/wasm/${c.dir}").list() as List == [c.file]
}

// accept stays on by default: upstream's lines are commented out and ours are absent.
assert upstreamWasi.text.contains('#ac_cv_func_accept=no')
assert !new File(basedir, 'target/wasm/wasi/config.site-wasm32-wasi').text.contains('ac_cv_func_accept')

// The version came from the source tree's configure, not from the pythonVersion default.
List<String> log = site.log(basedir)
String from = "(from PACKAGE_VERSION in ${new File(source, 'configure')})"
site.assertLogLine(log, 'INFO', "CPython 3.11 ${from}, target wasi: 10 features disabled, 3 enabled, 0 modules off, 0 raw cache variables")
site.assertLogLine(log, 'INFO', "Wrote ${new File(basedir, 'target/wasm/wasi/config.site-wasm32-wasi')}")
site.assertLogLine(log, 'INFO', "Wrote ${new File(basedir, 'target/wasm/emscripten-node/config.site-wasm32-emscripten')}")
assert log.count { it.startsWith("[INFO] CPython 3.11 ${from}, target emscripten-") } == 2
return true
