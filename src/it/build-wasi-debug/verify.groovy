def log = new File(basedir, 'build.log').text
assert log =~ /configure: CONFIG_SITE=\S+ .*--with-pydebug/
assert new File(basedir, 'target/wasm/wasi/pyconfig.h').text.contains('#define Py_DEBUG 1')
assert log =~ /(?m)^debug build: True$/
assert log =~ /(?m)^42$/
return true
