def log = new File(basedir, 'build.log').text
assert log.contains('<zlibSource>: emscripten-browser needs the zlib module, and emscripten\'s zlib port cannot be'
        + ' downloaded here')
assert log.contains('the browser build\'s stdlib is a deflate-compressed zip')
assert log.contains('Set <zlibSource> to an unpacked zlib source tree')
// Refused before anything ran or was written.
assert !log.contains('Build Python')
assert !log.contains('configure:')
assert !new File(basedir, 'target/wasm/emscripten-browser').exists()
return true
