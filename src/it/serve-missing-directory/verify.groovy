// The invoker appends every invocation's output to the one build.log.
def log = new File(basedir, 'build.log').text
def normalized = { String p -> new File(p).canonicalPath }
def defaultDir = normalized("${basedir}/target/wasm/emscripten-browser")

assert log.contains("<serveDirectory>: ${defaultDir} does not exist; build the browser target first"
        + " (mvn wasm:build -Dwasm.target=emscripten-browser), or set <serveDirectory> to the directory to serve")

def explicitDir = normalized("${basedir}/no-such-dir")
assert log.contains("<serveDirectory>: ${explicitDir} does not exist; set <serveDirectory>")
assert log.contains("mvn wasm:build -Dwasm.target=emscripten-browser")

assert log.contains("<port>: 70000 is not a TCP port; use 1..65535, or 0 to let the system pick a free one")

assert log.contains('Skipping wasm:serve-start: wasm.skip is set')
assert log.contains('Skipping wasm:serve-stop: wasm.skip is set')
assert log.contains('Skipping wasm:serve-start: wasm.serveStart.skip is set')
assert log.contains('No server from wasm:serve-start is running in this project; nothing to stop.')

assert log.contains("<port>: -1 is not a TCP port; use 1..65535")
assert log.contains('Skipping wasm:serve: wasm.serve.skip is set')

// Refused before binding: no invocation got as far as serving anything.
assert !log.contains('Serving ')
return true
