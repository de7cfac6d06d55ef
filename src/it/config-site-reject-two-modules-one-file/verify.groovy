// Whichever module came second failed, naming both modules, the element and the file; the file
// on disk is the first module's, whole.
def log = new File(basedir, 'build.log').text
def clash = log.readLines().find { it.contains('both write') }
assert clash != null : 'no clash reported'
assert clash.contains('<outputDirectory>') : clash
assert clash.contains('dev.wasmbuild.it:module-a') && clash.contains('dev.wasmbuild.it:module-b') : clash
assert clash.contains('config.site-wasm32-wasi') : clash
def site = new File(basedir, 'shared/config.site-wasm32-wasi')
assert site.isFile() : 'the first module wrote nothing'
def text = site.text
def first = clash.indexOf('dev.wasmbuild.it:module-a') < clash.indexOf('dev.wasmbuild.it:module-b') ? 'a' : 'b'
// module-b disables hardlinks; module-a keeps the default (on for WASI).
if (first == 'a') {
    assert !text.contains("ac_cv_func_link='no'") : 'b replaced a\'s file'
} else {
    assert text.contains("ac_cv_func_link='no'") : 'a replaced b\'s file'
}
return true
