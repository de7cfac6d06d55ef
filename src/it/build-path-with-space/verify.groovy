def project = new File(basedir, 'dir with space')
def log = new File(basedir, 'build.log').text
def build = new File(project, 'target/wasm/wasi')
// configure and make ran under plain aliases of both directories and built a working interpreter.
assert log.contains("configure and make see ${build.path} as ")
assert log.contains("configure and make see ${new File(project, 'cpython source').path} as ")
assert log.contains('(its path contains space, which they cannot carry)')
assert new File(build, 'python.wasm').isFile()
assert !(new File(build, 'Makefile').text =~ /(?m)^srcdir=.*dir with space/)
assert log.contains('six times seven: 42 from wasi')
assert new File(project, 'target/build-path-with-space-1.0-wasi.zip').isFile()
return true
