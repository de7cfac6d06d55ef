def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/wasm/emscripten-browser').absolutePath
def expected = "<serveDirectory>: ${dir} does not exist; build the browser target first" +
        " (mvn wasm:build -Dwasm.target=emscripten-browser), or set <serveDirectory> to the directory to serve"
assert log.contains(expected) : "expected the error naming <serveDirectory>:\n${expected}"
assert !log.contains('Serving ') : 'nothing may be served when the directory is missing'
return true
