// Every switch changes exactly its own variables: each file, sourced by /bin/sh, is compared with
// the default file for the same target, and the difference must be exactly the expected one.
def site = new SiteShell()

def sourcedIn = { String dir ->
    File d = new File(basedir, "target/wasm/${dir}")
    File[] files = d.listFiles()
    assert files != null && files.length == 1: "${d} should hold exactly one site file: ${files}"
    return site.sourced(files[0])
}
def checkDiff = { String base, String dir, Map added, Map removed, Map changed ->
    def diff = site.difference(sourcedIn(base), sourcedIn(dir))
    assert diff.added == added: "${dir}: added ${diff.added}, expected ${added}"
    assert diff.removed == removed: "${dir}: removed ${diff.removed}, expected ${removed}"
    assert diff.changed == changed: "${dir}: changed ${diff.changed}, expected ${changed}"
}

// The baselines are not empty, and have the variables that the switches below remove.
Map wasi = sourcedIn('wasi-default')
Map emscripten = sourcedIn('emscripten-default')
assert wasi.ac_cv_func_fdopendir == 'no' && wasi.ac_cv_file__dev_ptmx == 'no' && wasi.ac_cv_func_eventfd == 'no'
assert !wasi.containsKey('ac_cv_func_link') && !wasi.containsKey('ac_cv_func_accept')
assert emscripten.ac_cv_func_link == 'no' && emscripten.ac_cv_func_sigaction == 'no'

checkDiff('wasi-default', 'wasi-no-hardlinks', [ac_cv_func_link: 'no', ac_cv_func_linkat: 'no'], [:], [:])
checkDiff('wasi-default', 'wasi-no-accept', [ac_cv_func_accept: 'no', ac_cv_func_accept4: 'no'], [:], [:])
checkDiff('wasi-default', 'wasi-enable-fdopendir', [:], [ac_cv_func_fdopendir: 'no'], [:])
// A cross build cannot look for /dev/ptmx, so enabling pty answers yes instead of leaving configure to stop.
checkDiff('wasi-default', 'wasi-enable-pty', [:], [:], [ac_cv_file__dev_ptmx: ['no', 'yes']])
checkDiff('wasi-default', 'wasi-no-sqlite3', [py_cv_module__sqlite3: 'n/a'], [:], [:])
// largefile has no cache variable: the file sets the same variables, the configure argument is reported.
checkDiff('wasi-default', 'wasi-no-largefile', [:], [:], [:])
// Raw cache variables come last and win over a feature's value.
checkDiff('wasi-default', 'wasi-cache-variables', [ac_cv_func_dup3: 'no'], [:], [ac_cv_func_eventfd: ['no', 'yes']])
// mknod is already off by default, so listing it in <disable> changes nothing.
checkDiff('wasi-default', 'wasi-combined',
        [ac_cv_func_link: 'no', ac_cv_func_linkat: 'no', py_cv_module_zlib: 'n/a', py_cv_module__bz2: 'n/a'],
        [ac_cv_func_fdopendir: 'no'], [:])
checkDiff('emscripten-default', 'emscripten-enable-hardlinks', [:], [ac_cv_func_link: 'no', ac_cv_func_linkat: 'no'], [:])
checkDiff('emscripten-default', 'emscripten-enable-signals', [:],
        [ac_cv_func_sigaction: 'no', ac_cv_func_setitimer: 'no', ac_cv_func_alarm: 'no'], [:])
// Second invocation: -Dwasm.disable=hardlinks,accept -Dwasm.disableModules=_sqlite3,_decimal
checkDiff('wasi-default', 'cli',
        [ac_cv_func_link: 'no', ac_cv_func_linkat: 'no', ac_cv_func_accept: 'no', ac_cv_func_accept4: 'no',
         py_cv_module__sqlite3: 'n/a', py_cv_module__decimal: 'n/a'], [:], [:])

// The file records what was asked for, and the log sums it up.
String combined = new File(basedir, 'target/wasm/wasi-combined/config.site-wasm32-wasi').text
assert combined.contains('# disabled on request:  hardlinks, mknod\n')
assert combined.contains('# enabled on request:   fdopendir\n')
assert combined.contains('# modules turned off:   _bz2, zlib\n')
assert combined.contains("\n# --- extension modules turned off (<disableModules>)\npy_cv_module__bz2='n/a'\npy_cv_module_zlib='n/a'\n")
String largefile = new File(basedir, 'target/wasm/wasi-no-largefile/config.site-wasm32-wasi').text
assert largefile.contains('# configure arguments (passed by wasm:configure): --disable-largefile\n')

List<String> log = site.log(basedir)
String from = "CPython 3.11.2 (from PY_VERSION in ${new File(cpythonSource, 'Include/patchlevel.h')})"
site.assertLogLine(log, 'INFO', "${from}, target wasi: 10 features disabled, 3 enabled, 2 modules off, 0 raw cache variables")
site.assertLogLine(log, 'INFO', "${from}, target wasi: 10 features disabled, 3 enabled, 0 modules off, 2 raw cache variables")
site.assertLogLine(log, 'INFO', "${from}, target wasi: 12 features disabled, 1 enabled, 2 modules off, 0 raw cache variables")
int lf = site.assertLogLine(log, 'INFO', "Wrote ${new File(basedir, 'target/wasm/wasi-no-largefile/config.site-wasm32-wasi')}")
assert log[lf + 1] == '[INFO] Configure arguments from disabled features: --disable-largefile'
assert log.count { it.startsWith('[INFO] Configure arguments from disabled features') } == 1
// A relative -Dwasm.outputDirectory is the project's, not the working directory's by accident.
site.assertLogLine(log, 'INFO', "Wrote ${new File(basedir, 'target/wasm/cli/config.site-wasm32-wasi')}")
return true
