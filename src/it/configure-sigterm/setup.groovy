// Starts wasm:configure in the background, waits until configure itself is running, sends the
// Maven JVM SIGTERM (what Ctrl-C, kill and a CI cancel do) and checks that the shutdown hook
// took configure's whole tree with it. Every wait is bounded.
def build = new File(basedir, 'target/wasm/wasi')
def log = new File(basedir, 'first-run.log')
def maven = BackgroundMaven.start(basedir, localRepositoryPath, log, ['wasm:configure'])
try {
    // config.log appears once configure has started; its checks then run in the build directory.
    assert BackgroundMaven.waitUntil(240) {
        !maven.alive || (new File(build, 'config.log').isFile() && !BackgroundMaven.processesIn(build).isEmpty())
    } : "configure did not start within 240 s:\n${log.text}"
    assert maven.alive : "Maven ended before configure could be interrupted:\n${log.text}"
    def running = BackgroundMaven.processesIn(build)
    println "Running in ${build} before SIGTERM:\n  ${running.join('\n  ')}"

    maven.destroy() // SIGTERM to the Maven JVM (bin/mvn execs java)
    assert maven.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) : 'Maven did not end within 60 s of SIGTERM'
    assert !log.text.contains('BUILD SUCCESS')

    // The hook kills each tree descendants first and waits up to 5 s per process before SIGKILL.
    def left = []
    BackgroundMaven.waitUntil(15) { (left = BackgroundMaven.processesIn(build)).isEmpty() }
    if (!left.isEmpty()) {
        BackgroundMaven.killAll(left)
        assert false : "still running in ${build} after SIGTERM to Maven:\n  ${left.join('\n  ')}"
    }
    // Written only after success, so the rerun must configure again.
    assert !new File(build, '.wasm-configure.fingerprint').exists()
} finally {
    maven.destroyForcibly()
}
return true
