def log = new File(basedir, 'build.log').text
assert log =~ /WASI toolchain: clang \d+\.\d+\.\d+ for wasm32-wasi \(system clang \+ Debian wasi-libc\)/
assert log =~ /sysroot: \S+wasi-sysroot/
assert log.contains('note: host headers kept out')
assert log =~ /Emscripten toolchain: emscripten \d+\.\d+\.\d+, found via PATH/
boolean debian12 = log.contains('Emscripten toolchain: emscripten 3.1.6,')
assert log.contains('EM_FROZEN_CACHE=')
// What each CPython line says about each toolchain.
// (per release the catalogue knows: 3.11.2 … 3.14.0)
if (debian12) {
    assert log =~ /CPython 3\.11\.2: warning: Emscripten 3\.1\.6 is older than 3\.1\.8/
}
assert log =~ /CPython 3\.13\.5: warning: CPython 3\.13's Tools\/wasm\/README\.md says Emscripten is not officially supported/
assert log.contains('CPython 3.11.9: fits')
if (!new File('/usr/include/wasm32-wasi/pthread.h').isFile()) {
    assert log.contains('CPython 3.13.5: warning: this wasi-libc has no pthread.h')
    assert log.contains('CPython 3.13.5: site-file answers: {ac_cv_have_pthread_t=yes, ac_cv_sizeof_pthread_t=4}')
}
// clang 15 and later: 3.11 releases before 3.11.8 need -Wno-int-conversion, which their site file cannot give.
def clangMajor = (log =~ /WASI toolchain: clang (\d+)\./)[0][1] as int
if (clangMajor >= 15) {
    assert log.contains('CPython 3.11.2: CFLAGS gets: -Wno-int-conversion')
    assert !log.contains('CPython 3.11.8: CFLAGS gets')
} else {
    assert !log.contains('CFLAGS gets')
}
assert log =~ /CPython 3\.14\.0: warning: CPython 3\.14 has not been built by this plugin's tests/
def target = new File(basedir, 'target/wasm/emscripten-node')
assert !target.exists()
assert log.contains("Deleted ${target.path}")
assert log.contains("Nothing to delete: no ${target.path}")
assert new File(basedir, 'target/wasm/wasi/keep').isFile()
return true
