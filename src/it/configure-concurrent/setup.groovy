// Starts the first wasm:configure in the background and returns once it holds the build
// directory (it has decided to run configure); the invoker's build is the second, concurrent one.
def log = new File(basedir, 'first-run.log')
def maven = BackgroundMaven.start(basedir, localRepositoryPath, log, ['wasm:configure'])
new File(basedir, 'first-run.pid').text = "${maven.pid()}\n"
boolean started = BackgroundMaven.waitUntil(240) { !maven.alive || log.text.contains('Running configure because') }
if (!started || !maven.alive) {
    maven.destroy()
    assert false : "the first configure did not get going within 240 s:\n${log.text}"
}
return true
