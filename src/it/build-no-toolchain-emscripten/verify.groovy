def log = new File(basedir, 'build.log').text
assert log.contains('No Emscripten found. Looked for:')
assert log.contains('emcc on PATH')
assert log.contains('apt-get install emscripten')
assert !new File(basedir, 'target/wasm/emscripten-node').exists()
assert !log.contains('Running configure')
assert !log.contains('Build Python')
return true
