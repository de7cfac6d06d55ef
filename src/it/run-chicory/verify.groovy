def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('wasm-maven-plugin') }
assert runs.size() == 2 : "expected two Maven invocations in build.log, found ${runs.size()}"
// The build is the shared plain 3.11.2 one (see build-wasi): configured and made here when this IT
// runs first or alone, else found up to date (configure skipped, nothing for make to do).
assert runs[0].contains("make: make ") && runs[0].contains(" in ${new File(wasi3112Output, 'wasi')} (full output: ")
assert runs[0] =~ /Running configure because|configure is up to date/
assert runs[0] =~ /make: done, \d+ files compiled/
assert runs[0].contains('in this JVM with Chicory')
assert runs[0] =~ /(?m)^42$/
assert runs[0].contains('BUILD SUCCESS')
assert runs[1] =~ /python exited with status 7 \(python -c import sys; sys.exit\(7\) \(in this JVM with Chicory\)/
assert new File(wasi3112Output, 'wasi/chicory-cache').list().length > 0
return true
