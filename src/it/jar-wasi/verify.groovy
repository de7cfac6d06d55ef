// The python module built CPython for wasi, compiled it into a jar and ran it with Chicory;
// the consumer's tests used that jar alone.
def log = new File(basedir, 'build.log').text
// The build is the shared plain 3.11.2 one (see build-wasi): configured and made here when this IT
// runs first or alone, else found up to date (configure skipped, nothing for make to do).
assert log.contains("make: make ") && log.contains(" in ${new File(wasi3112Output, 'wasi')} (full output: ")
assert log =~ /Running configure because|configure is up to date/
assert log =~ /make: done, \d+ files compiled/
def jar = new File(basedir, 'python/target/python-1.0-python-wasi.jar')
assert jar.isFile()
def names = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert names.contains('dev/wasmbuild/python/Python.class')
assert names.contains('dev/wasmbuild/python/PythonMachine.class')
assert names.contains('dev/wasmbuild/python/python.wasm')
assert names.contains('dev/wasmbuild/python/lib.zip')
assert names.contains('com/dylibso/chicory/runtime/Instance.class')
assert names.contains('com/dylibso/chicory/wasi/WasiPreview1.class')
assert !names.any { it.startsWith('com/dylibso/chicory/compiler/') } : 'the compiler is a build-time tool only'
// CPython 3.11's functions all fit in JVM methods: nothing is left to Chicory's interpreter.
assert !log.contains('is too large for a JVM method') && !log.contains('Chicory could not compile')

// make linked python-preinit.wasm beside python.wasm, and wasm:jar stored CPython initialised.
assert log.contains('make: also links python-preinit.wasm (.wasm-preinit.mk)')
def build = new File(wasi3112Output, 'wasi')
assert new File(build, 'python-preinit.wasm').isFile()
assert log =~ /Pre-initialised CPython in [0-9.]+ s: the jar's python.wasm holds the interpreter/
assert !new File(build, '.wasm-preinit-run').exists() : 'the snapshot run cleans up'

// wasm:run with runner chicory, in Maven's JVM.
assert log.contains('in this JVM with Chicory')
assert log =~ /(?m)^chicory says 42$/

// The consumer's JUnit tests ran and passed.
def report = new File(basedir, 'consumer/target/surefire-reports/TEST-it.PythonTest.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 4
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0
return true
