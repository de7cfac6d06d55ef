// The version and feature list come from configure inside the archive, so <disable> is checked
// (against CPython 3.11's wasi features) before a single file is unpacked.
def log = new File(basedir, 'build.log').text
assert log.contains("<disable>: unknown feature 'mknd'. Did you mean 'mknod'?")
assert !new File(basedir, 'target/wasm/sources').exists() : 'nothing may be unpacked before the settings are checked'
assert !new File(basedir, 'target/wasm').exists()
return true
