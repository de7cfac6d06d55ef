// The rerun after the interrupted configure converged: configure ran again, to the end.
def log = new File(basedir, 'build.log').text
def build = new File(basedir, 'target/wasm/wasi')
assert log.contains('Running configure because')
assert log =~ /configure: done, \d+ checks/
assert new File(build, 'Makefile').isFile()
assert new File(build, 'config.status').isFile()
assert new File(build, '.wasm-configure.fingerprint').isFile()
assert BackgroundMaven.processesIn(build).isEmpty()
return true
