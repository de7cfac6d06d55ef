def log = new File(basedir, 'build.log').text
assert log.contains('No WASI toolchain found. Looked for:')
assert log.contains('clang on PATH with wasi-libc in /usr/include/wasm32-wasi')
assert log.contains('apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32')
// Found before anything ran: no build directory, no configure, no build Python.
assert !new File(basedir, 'target/wasm/wasi').exists()
assert !log.contains('Running configure')
assert !log.contains('Build Python')
return true
