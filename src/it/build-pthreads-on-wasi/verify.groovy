def log = new File(basedir, 'build.log').text
assert log.contains('<pthreads>: --enable-wasm-pthreads is for the Emscripten targets (emscripten-node, emscripten-browser)')
assert !new File(basedir, 'target/wasm').exists()
return true
