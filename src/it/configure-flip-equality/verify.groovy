// A sequence of flips ends where a fresh configure with the same inputs ends, byte for byte.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD') }
assert runs.size() == 7: "expected seven Maven invocations in build.log, found ${runs.size()}"
runs.eachWithIndex { r, i -> assert r.contains('[INFO] BUILD SUCCESS'): "invocation ${i + 1} failed" }

// 2-4 kept config.cache and said what they dropped; the fresh ones did not.
[1, 2, 3].each { i ->
    def m = runs[i] =~ /\[INFO\] site file changed \(([^)]*)\): (\d+) cache entries dropped \(([^)]*)\); configure -C recomputes them/
    assert m.find(): "invocation ${i + 1} did not keep config.cache:\n" +
            runs[i].readLines().findAll { it.contains('configure') }.join('\n')
    assert !runs[i].contains('configuring from scratch')
}
assert runs[1].contains('ac_cv_func_pipe') && runs[1].contains('py_cv_module__json')
assert runs[2].contains('ac_cv_func_pipe') && runs[2].contains('py_cv_module__json')
assert runs[3].contains('ac_cv_file__dev_ptmx') && runs[3].contains('ac_cv_header_sys_resource_h')
assert runs[6].contains('Running configure because the build directory has not been configured yet')

// The files configure writes and make reads: identical.
File fresh = new File(basedir, 'target/wasm/wasi')
File flipped = new File(basedir, 'target/flipped')
// (Modules/Setup itself stays in the source tree; configure writes the others here.)
def setups = { File d -> (new File(d, 'Modules').list() ?: []).findAll { it.startsWith('Setup') }.sort() }
assert setups(fresh) == ['Setup.bootstrap', 'Setup.local', 'Setup.stdlib']
assert setups(flipped) == setups(fresh)
def names = ['pyconfig.h', 'Makefile'] + setups(fresh).collect { "Modules/${it}".toString() }
names.each { n ->
    File a = new File(fresh, n), b = new File(flipped, n)
    assert a.isFile() && b.isFile(): "${n} is missing (fresh: ${a.isFile()}, flipped: ${b.isFile()})"
    if (a.bytes != b.bytes) {
        def diff = new ProcessBuilder('diff', '-u', a.path, b.path).redirectErrorStream(true).start().inputStream.text
        assert false: "${n} differs between a fresh configure and the flips:\n${diff.readLines().take(40).join('\n')}"
    }
}
// pty's answers reached pyconfig.h, and the module toggles the Makefile.
assert new File(fresh, 'pyconfig.h').text.contains('#define HAVE_DEV_PTMX 1')
assert new File(fresh, 'Makefile').text =~ /(?m)^MODULE__CSV_STATE=n\/a$/
assert new File(fresh, 'Makefile').text =~ /(?m)^MODULE__JSON_STATE=yes$/
return true
