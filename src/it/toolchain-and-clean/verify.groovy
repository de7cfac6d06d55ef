def log = new File(basedir, 'build.log').text
assert log =~ /WASI toolchain: clang 14\.\d+\.\d+ for wasm32-wasi \(system clang \+ Debian wasi-libc\)/
assert log =~ /sysroot: \S+wasi-sysroot/
assert log.contains('note: host headers kept out')
assert log.contains('Emscripten toolchain: emscripten 3.1.6, found via PATH')
assert log.contains('EM_FROZEN_CACHE=')
assert log =~ /warning: Emscripten 3\.1\.6 is older than 3\.1\.8/
def target = new File(basedir, 'target/wasm/emscripten-node')
assert !target.exists()
assert log.contains("Deleted ${target.path}")
assert log.contains("Nothing to delete: no ${target.path}")
assert new File(basedir, 'target/wasm/wasi/keep').isFile()
return true
