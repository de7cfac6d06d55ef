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
// No local zlib or bzip2 source: their modules are off, and binascii is built without the port
// configure still links it with (configure's own Makefile line keeps -sUSE_ZLIB).
assert log.contains('Turning module zlib off: emscripten\'s zlib port cannot be downloaded here')
assert log.contains('Turning module _bz2 off')
assert log.contains('make: binascii is compiled without zlib\'s crc32 (.wasm-binascii-without-zlib-port.mk)')
assert new File(dir, 'Makefile').text =~ /(?m)^MODULE_BINASCII_LDFLAGS=-sUSE_ZLIB$/
assert new File(dir, '.wasm-binascii-without-zlib-port.mk').isFile()
assert log =~ /make: emmake make -j\d+ -f Makefile -f \.wasm-binascii-without-zlib-port\.mk all in /
def binascii = new File(dir, 'make.log').readLines().findAll { it.contains('-o Modules/binascii.o') }
assert binascii.size() == 1 && !binascii[0].contains('USE_ZLIB'): binascii
// What the page's terminal printed, as captured by repl-check.mjs: binascii's own crc32 works.
assert log =~ /import binascii; print\(binascii\.crc32\(b"abc"\)\) printed 891568578 after/
assert log.contains('REPL check passed')
assert new File(basedir, 'target/repl-check.png').length() > 10000
// serve-stop ran after the check.
assert log.indexOf('REPL check passed') < log.lastIndexOf('serve-stop')
return true
