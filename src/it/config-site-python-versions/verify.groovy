// pythonVersion without a source tree: the variables the catalogue gives for that release only.
def site = new SiteShell()
def sourced = { String dir ->
    String name = dir.startsWith('emscripten') ? 'config.site-wasm32-emscripten' : 'config.site-wasm32-wasi'
    site.sourced(new File(basedir, "target/wasm/${dir}/${name}"))
}
Map wasi3112 = sourced('wasi-3.11.2')

// 3.11.2 without a source tree is upstream's 3.11.2 file.
File upstream = new File(cpythonSource, 'Tools/wasm/config.site-wasm32-wasi')
site.assertSameVariables(site.sourced(upstream), wasi3112, 'pythonVersion 3.11.2 against the 3.11.2 source')

Map intConversion = [ac_cv_disable_int_conversion: 'yes']
Map vectored = [ac_cv_func_preadv: 'no', ac_cv_func_pwritev: 'no', ac_cv_func_readv: 'no', ac_cv_func_writev: 'no']
Map chmodStatvfs = [ac_cv_func_chmod: 'no', ac_cv_func_fchmod: 'no', ac_cv_func_fchmodat: 'no',
                    ac_cv_func_statvfs: 'no', ac_cv_func_fstatvfs: 'no']

// 3.11 is its newest known release, 3.11.9: int-conversion (3.11.8) and vectored I/O (3.11.9) on top.
Map diff = site.difference(wasi3112, sourced('wasi-3.11'))
assert diff.added == intConversion + vectored: "3.11 over 3.11.2 added ${diff.added}"
assert diff.removed.isEmpty() && diff.changed.isEmpty(): "3.11 over 3.11.2: ${diff}"

// 3.12 (3.12.3) drops the dummy readelf (3.12.0 stopped looking for it); no chmod/statvfs in 3.12.x.
diff = site.difference(wasi3112, sourced('wasi-3.12'))
assert diff.added == intConversion + vectored: "3.12 over 3.11.2 added ${diff.added}"
assert diff.removed == [ac_cv_prog_ac_ct_READELF: 'true'] && diff.changed.isEmpty(): "3.12 over 3.11.2: ${diff}"

// 3.13.5 adds chmod/statvfs (3.13.0b4, gh-120371).
diff = site.difference(sourced('wasi-3.12'), sourced('wasi-3.13.5'))
assert diff.added == chmodStatvfs && diff.removed.isEmpty() && diff.changed.isEmpty(): "3.13.5 over 3.12: ${diff}"

// A feature that exists from 3.13 can be enabled there, and then writes none of its variables.
Map chmod = site.difference(sourced('wasi-3.13.5'), sourced('wasi-3.13.5-chmod'))
assert chmod.removed == [ac_cv_func_chmod: 'no', ac_cv_func_fchmod: 'no', ac_cv_func_fchmodat: 'no']
assert chmod.added.isEmpty() && chmod.changed.isEmpty()

// Emscripten: the sys/ioctl.h answer stops after 3.13 (the dummy readelf already after 3.11).
Map em = site.difference(sourced('emscripten-3.12'), sourced('emscripten-3.14'))
assert em.removed == [ac_cv_header_sys_ioctl_h: 'no']: "3.14 over 3.12: ${em}"
assert em.added.isEmpty() && em.changed.isEmpty()

// The header names the release the file was made for.
assert new File(basedir, 'target/wasm/wasi-3.12/config.site-wasm32-wasi').text.contains(' for CPython 3.12.3, target wasi.\n')
assert new File(basedir, 'target/wasm/wasi-3.13.5/config.site-wasm32-wasi').text.contains(' for CPython 3.13.5, target wasi.\n')

List<String> log = site.log(basedir)
site.assertLogLine(log, 'INFO', 'CPython 3.12.3 (from <pythonVersion> 3.12, its newest known release), target wasi: 11 features disabled, 3 enabled, 0 modules off, 0 raw cache variables')
site.assertLogLine(log, 'INFO', 'CPython 3.11.2 (from <pythonVersion>), target wasi: 10 features disabled, 3 enabled, 0 modules off, 0 raw cache variables')
site.assertLogLine(log, 'INFO', 'CPython 3.14.0 (from <pythonVersion> 3.14, its newest known release), target emscripten-browser: 25 features disabled, 1 enabled, 0 modules off, 0 raw cache variables')
return true
