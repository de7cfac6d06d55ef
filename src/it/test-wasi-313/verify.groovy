def log = new File(basedir, 'build.log').text
def build = new File(basedir, 'target/wasm/wasi')

// Built from the 3.13 source with the triple 3.13 wants, and configure did not call it unsupported.
assert log =~ /--host=wasm32-wasip1 /
assert !new File(build, 'configure.log').text.contains('is not supported')
def pyconfig = new File(build, 'pyconfig.h').text
assert pyconfig =~ /(?m)^#define SIZEOF_PTHREAD_T 4$/
boolean oldLibc = !new File('/usr/include/wasm32-wasi/pthread.h').isFile()
if (oldLibc) {
    // Debian 12's wasi-libc: the plugin says why it answers, and the site file holds the answers.
    assert log.contains('this wasi-libc has no pthread.h')
    def site = new File(build, 'config.site-wasm32-wasi').text
    assert site =~ /(?m)^ac_cv_sizeof_pthread_t='4'$/
    assert site =~ /(?m)^ac_cv_have_pthread_t='yes'$/
}

// The subset passes with one report per module, each listing its test cases.
def reports = new File(basedir, 'target/surefire-reports')
['test_json', 'test_os', 'test_re'].each { m ->
    def xml = new File(reports, "TEST-cpython.wasi.test.${m}.xml")
    assert xml.isFile() : "no report for ${m}"
    def suite = new groovy.xml.XmlSlurper().parse(xml)
    assert suite.testcase.size() > 20 : "${m}: only ${suite.testcase.size()} test cases"
    assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : "${m} did not pass"
}
assert log =~ /Running CPython's regression tests \(test_json, test_os, test_re\) on the wasi build/
assert log.contains('version (3, 13) wasi')
// The eval loop is compiled for size, by make, for this file alone.
assert log.contains("make: Python/ceval.o is compiled for size (.wasm-compact-eval-loop.mk) so that CPython 3.13's"
        + " eval loop stays one JVM method for wasm:jar")
def makeLog = new File(build, 'make.log').text
def cevalLine = makeLog.readLines().find { it.contains('-o Python/ceval.o') }
assert cevalLine != null && cevalLine.contains('-Oz -fno-inline -Dalways_inline= -mllvm -hot-cold-split=true')
assert !makeLog.readLines().find { it.contains('-o Python/compile.o') }.contains('-Oz')
// wasm:jar: so Chicory compiles the eval loop (3.13.5's is 67 KB of wasm at -O3, over the JVM's limit
// once translated); only the one-off start-up function that fills the static strings stays interpreted.
def jar = new File(basedir, 'target/test-wasi-313-1.0-python-wasi.jar')
assert jar.isFile()
assert !log.contains('_PyEval_EvalFrameDefault, is too large for a JVM method')
assert !(log =~ /interpreter[^\n]*_PyEval_EvalFrameDefault/)
// The jar runs Python code through that compiled loop.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def proc = [java, '-jar', jar.path, '-c', 'import sys; print(sum(range(100000)), sys.version_info[:2])'].execute()
def out = new StringBuilder(), err = new StringBuilder()
proc.waitForProcessOutput(out, err)
assert proc.exitValue() == 0 : "the jar failed: ${err}"
assert out.toString().trim() == '4999950000 (3, 13)' : "${out} ${err}"
// ... pre-initialised (CPython 3.13 with mimalloc), reproducibly: the run saw fixed clocks.
assert log =~ /Pre-initialised CPython in [0-9.]+ s: the jar's python.wasm holds the interpreter/
def script = new File(basedir, 'target/hello.py')
script.text = 'import sys, os\nprint(sys.argv, sys.path[0], os.environ.get("HOME"))\nsys.exit(6)\n'
proc = [java, '-jar', jar.path, 'target/hello.py', 'x'].execute(null, basedir)
out = new StringBuilder(); err = new StringBuilder()
proc.waitForProcessOutput(out, err)
assert proc.exitValue() == 6 : "the script: ${err}"
assert out.toString().trim() == "['target/hello.py', 'x'] /target None" : "${out} ${err}"
return true
