def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('wasm-maven-plugin') }
assert runs.size() == 2 : "expected two Maven invocations in build.log, found ${runs.size()}"
assert runs[0].contains('in this JVM with Chicory')
assert runs[0] =~ /(?m)^42$/
assert runs[0].contains('BUILD SUCCESS')
assert runs[1] =~ /python exited with status 7 \(python -c import sys; sys.exit\(7\) \(in this JVM with Chicory\)/
assert new File(basedir, 'target/wasm/wasi/chicory-cache').list().length > 0
return true
