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
// wasm:jar: the eval loop is over the JVM's method size limit; the warning names it.
assert new File(basedir, 'target/test-wasi-313-1.0-python-wasi.jar').isFile()
assert log =~ /\[WARNING\] CPython's eval loop, _PyEval_EvalFrameDefault, is too large for a JVM method/
return true
