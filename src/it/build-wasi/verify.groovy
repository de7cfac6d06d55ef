// Three builds of one directory; build.log holds all three invocations in order.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('wasm-maven-plugin') }
assert runs.size() == 3 : "expected three Maven invocations in build.log, found ${runs.size()}"

def dir = new File(wasi3112Output, 'wasi')
assert new File(dir, 'python.wasm').isFile()
assert new File(dir, 'config.site-wasm32-wasi').isFile()
def zip = new File(basedir, 'target/build-wasi-1.0-wasi.zip')
assert zip.isFile()
def names = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert names.contains('python.wasm')
assert names.contains('lib/python3.11/os.py')
assert names.any { it.startsWith('lib/python3.11/lib-dynload/_sysconfigdata_') }

// 1: hard links disabled reach the interpreter.
assert runs[0] =~ /Running configure because (the build directory has not been configured yet|the Makefile from the last configure is missing)/
assert runs[0] =~ /(?m)^platform: wasi$/
assert runs[0] =~ /(?m)^has os.link: False$/

// 2: the site file changed, so configure ran again, from a clean cache.
assert runs[1] =~ /Running configure because site file changed/
assert runs[1] =~ /(?m)^has os.link: True$/
// configure's own output is in configure.log (Maven's log only has progress lines by default).
def configureLog = new File(dir, 'configure.log').text
assert configureLog =~ /checking for link\.\.\. yes/ : 'configure.log does not show the link check'
assert !(configureLog =~ /checking for link\.\.\. \(cached\)/) : 'a cached answer for link survived'
// Quiet by default: the three runs together, with a full configure and make, stay short.
assert runs[0].readLines().size() < 150 : "the first build printed ${runs[0].readLines().size()} lines"
assert runs[0] =~ /configure: done, \d+ checks in \d+s/
// A build from nothing (setup.groovy emptied the directory): make compiled the interpreter.
def compiled = (runs[0] =~ /make: done, (\d+) files compiled/)
assert compiled && (compiled[0][1] as int) > 100 : 'run 1 did not compile CPython'

// 3: nothing changed.
assert runs[2].contains('configure is up to date')
assert !runs[2].contains('Running configure because')
assert runs[2] =~ /(?m)^has os.link: True$/
// make has nothing to do either: what lets jar-wasi, run-chicory and test-wasi reuse this build.
assert runs[2].contains('make: done, 0 files compiled')

// CPython's own make targets run the interpreter through HOSTRUNNER, which the plugin set.
def makefile = new File(dir, 'Makefile').text
assert makefile =~ /(?m)^HOSTRUNNER=\s*node .*wasi-run\.mjs/
def make = new ProcessBuilder('make', 'pythoninfo').directory(dir).redirectErrorStream(true).start()
def info = make.inputStream.text
assert make.waitFor() == 0 : "make pythoninfo failed:\n${info.readLines().takeRight(20).join('\n')}"
assert info =~ /(?m)^sys\.platform: wasi$/
return true
