def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/wasm/emscripten-browser')
['python.html', 'python.js', 'python.wasm', 'python.data'].each { assert new File(dir, it).isFile() : it }
def zip = new File(basedir, 'target/build-emscripten-browser-313-1.0-emscripten-browser.zip')
def names = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert names.containsAll(['python.html', 'python.js', 'python.wasm', 'python.data'])

assert log.contains('--with-emscripten-target=browser')
assert log =~ /Python-3\.13\.\d+\/configure/
if (log =~ /Toolchain: emscripten 3\.1\.6\b/) {
    // Debian 12's emscripten declares timerfd_create without implementing it: the plugin says so and answers.
    assert log.contains('still ships sys/timerfd.h')
    assert new File(dir, 'config.site-wasm32-emscripten').text =~ /(?m)^ac_cv_func_timerfd_create='no'$/
}
// pty and getaddrinfo enabled on 3.13: the site file answers both probes and configure took the answers.
def site = new File(dir, 'config.site-wasm32-emscripten').text
assert site =~ /(?m)^ac_cv_file__dev_ptmx='yes'$/
assert site =~ /(?m)^ac_cv_buggy_getaddrinfo='no'$/
def pyconfig = new File(dir, 'pyconfig.h').text
assert pyconfig.contains('#define HAVE_DEV_PTMX 1')
assert pyconfig.contains('#define HAVE_GETADDRINFO 1')
assert log =~ /Serving \S+emscripten-browser at http:\/\/127\.0\.0\.1:\d+\//
// What the page's terminal printed, as captured by repl-check.mjs.
assert log =~ /print\(6\*7\) printed 42 after/
assert log.contains('REPL check passed')
assert new File(basedir, 'target/repl-check.png').length() > 10000
// serve-stop ran after the check.
assert log.indexOf('REPL check passed') < log.lastIndexOf('serve-stop')
return true
