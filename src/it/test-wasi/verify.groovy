def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('wasm-maven-plugin') }
assert runs.size() == 4 : "expected four Maven invocations, found ${runs.size()}"
// The build is the shared plain 3.11.2 one (see build-wasi): configured and made here when this IT
// runs first or alone, else found up to date (configure skipped, nothing for make to do).
assert runs[0].contains("make: make ") && runs[0].contains(" in ${new File(wasi3112Output, 'wasi')} (full output: ")
assert runs[0] =~ /Running configure because|configure is up to date/
assert runs[0] =~ /make: done, \d+ files compiled/

// A wasi-libc with ENOSYS stubs for chmod and statvfs (WASI SDK 22 and later; Debian 13's): CPython
// 3.11.2's site file predates them, so the plugin answers them and test_os does not hit errno 52.
if (new File('/usr/include/wasm32-wasi/sys/statvfs.h').isFile()) {
    assert log.contains('has chmod, fchmod, fchmodat, statvfs and fstatvfs only as stubs that fail with ENOSYS')
    def site = new File(wasi3112Output, 'wasi/config.site-wasm32-wasi').text
    ['chmod', 'fchmod', 'fchmodat', 'statvfs', 'fstatvfs'].each { assert site =~ /(?m)^ac_cv_func_${it}='no'$/ }
}

// 1: the selection passes and the reports list the test cases.
def reports = new File(basedir, 'target/surefire-reports')
['test_json', 'test_os', 'test_re'].each { m ->
    def xml = new File(reports, "TEST-cpython.wasi.test.${m}.xml")
    assert xml.isFile() : "no report for ${m}"
    def suite = new groovy.xml.XmlSlurper().parse(xml)
    assert suite.@name.text() == "cpython.wasi.test.${m}"
    assert suite.testcase.size() > 20 : "${m}: only ${suite.testcase.size()} test cases"
}
assert runs[0] =~ /Running CPython's regression tests \(test_json, test_os, test_re\) on the wasi build/
assert runs[0].contains('BUILD SUCCESS')

// 2: without the ignores, node's gaps make test_os fail, and so does the build.
assert runs[1] =~ /There are test failures in test\.test_os \(Tests run: \d+, Failures: [1-9]\d*/
assert runs[1].contains('BUILD FAILURE')
def os = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-cpython.wasi.test.test_os.xml'))
assert os.testcase.findAll { it.failure.size() > 0 }.collect { it.@classname.text() }.contains('test.test_os.UtimeTests')

// 3: a non-zero exit status fails wasm:run.
assert runs[2].contains('python exited with status 3')
assert runs[2].contains('BUILD FAILURE')
// 4: test_datetime hangs under node; it is stopped after 20 s and reported, and test_json runs after it.
assert runs[3] =~ /test_datetime did not finish within 20 s and was stopped/
assert runs[3] =~ /\[2\/2\] test_json: Tests run: \d+, Failures: 0, Errors: 0/
assert runs[3].contains('BUILD FAILURE')
def hung = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-cpython.wasi.test.test_datetime.xml'))
assert hung.@errors.text() == '1'
assert hung.testcase.error.@message.text().contains('did not finish within 20 s')
assert new File(reports, 'TEST-cpython.wasi.test.test_json.xml').isFile()
return true
