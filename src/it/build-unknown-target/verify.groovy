def log = new File(basedir, 'build.log').text
assert log.contains("<target>: unknown target 'emscripten-nod'. Did you mean 'emscripten-node'? Valid targets: wasi, emscripten-node, emscripten-browser")
assert !new File(basedir, 'target/wasm').exists()
return true
