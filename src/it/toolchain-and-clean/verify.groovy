def log = new File(basedir, 'build.log').text
assert log =~ /WASI toolchain: clang \d+\.\d+\.\d+ for wasm32-wasi \(system clang \+ Debian wasi-libc\)/
assert log =~ /sysroot: \S+wasi-sysroot/
assert log.contains('note: host headers kept out')
assert log =~ /Emscripten toolchain: emscripten \d+\.\d+\.\d+, found via PATH/
boolean debian12 = log.contains('Emscripten toolchain: emscripten 3.1.6,')
assert log.contains('EM_FROZEN_CACHE=')
// What each CPython line says about each toolchain.
if (debian12) {
    assert log =~ /CPython 3\.11: warning: Emscripten 3\.1\.6 is older than 3\.1\.8/
}
assert log =~ /CPython 3\.13: warning: CPython 3\.13's Tools\/wasm\/README\.md says Emscripten is not officially supported/
assert log.contains('CPython 3.11: fits')
if (!new File('/usr/include/wasm32-wasi/pthread.h').isFile()) {
    assert log.contains('CPython 3.13: warning: this wasi-libc has no pthread.h')
    assert log.contains('CPython 3.13: site-file answers: {ac_cv_have_pthread_t=yes, ac_cv_sizeof_pthread_t=4}')
}
assert log =~ /CPython 3\.14: warning: CPython 3\.14 has not been built by this plugin's tests/
def target = new File(basedir, 'target/wasm/emscripten-node')
assert !target.exists()
assert log.contains("Deleted ${target.path}")
assert log.contains("Nothing to delete: no ${target.path}")
assert new File(basedir, 'target/wasm/wasi/keep').isFile()
return true
