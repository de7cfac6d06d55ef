def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/wasm/emscripten-node')
assert new File(dir, 'python.js').isFile()
assert log =~ /Python-3\.13\.\d+\/configure/

// No local zlib or bzip2 source: their modules are off, and binascii is built without the port
// that configure links it with all the same (configure's own Makefile line keeps -sUSE_ZLIB).
assert log.contains('Turning module zlib off: emscripten\'s zlib port cannot be downloaded here')
assert log.contains('Turning module _bz2 off')
assert log.contains('make: binascii is compiled without zlib\'s crc32 (.wasm-binascii-without-zlib-port.mk)')
assert log =~ /make: emmake make -j\d+ -f Makefile -f \.wasm-binascii-without-zlib-port\.mk all in /
assert new File(dir, 'Makefile').text =~ /(?m)^MODULE_BINASCII_LDFLAGS=-sUSE_ZLIB$/
def binascii = new File(dir, 'make.log').readLines().findAll { it.contains('-o Modules/binascii.o') }
assert binascii.size() == 1 && !binascii[0].contains('USE_ZLIB'): binascii

// The interpreter runs, and binascii's own crc32 gives zlib's answer.
assert log =~ /(?m)^version: 3\.13\.\d+$/
assert log =~ /(?m)^binascii: 891568578$/
assert log =~ /(?m)^zlib: None$/
return true
