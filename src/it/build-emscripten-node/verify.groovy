def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/wasm/emscripten-node')
assert new File(dir, 'python.js').isFile()
assert new File(dir, 'python.wasm').isFile()

// Debian 12's emscripten (3.1.6) is older than what CPython asks for: said, not refused.
assert log =~ /Toolchain: emscripten \d+\.\d+\.\d+/
if (log =~ /Toolchain: emscripten 3\.1\.6\b/) {
    assert log =~ /WARNING\] Emscripten 3\.1\.6 is older than 3\.1\.8/
}
assert log.contains('--with-emscripten-target=node')
assert log.contains('emconfigure')

// The ports were built from local sources, so zlib and _bz2 stay on and work.
assert !log.contains('Turning module zlib off')
assert log =~ /(?m)^platform: emscripten$/
assert log =~ /(?m)^zlib: ok$/

// pty enabled: the site file answers the probes, configure took the answer, and the build runs.
def site = new File(dir, 'config.site-wasm32-emscripten').text
assert site.contains("ac_cv_file__dev_ptmx='yes'")
assert new File(dir, 'pyconfig.h').text.contains('#define HAVE_DEV_PTMX 1')

// The zip is attached with the target as classifier and installed.
def installed = new File(localRepositoryPath,
        'dev/wasmbuild/it/build-emscripten-node/1.0/build-emscripten-node-1.0-emscripten-node.zip')
assert installed.isFile() : "not installed: ${installed}"
def names = new java.util.zip.ZipFile(installed).withCloseable { z -> z.entries().collect { it.name } }
assert names.containsAll(['python.js', 'python.wasm', 'lib/python3.11/os.py'])
return true
