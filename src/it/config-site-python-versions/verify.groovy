// pythonVersion without a source tree: the variables the catalogue gives for that version only.
def site = new SiteShell()
def sourced = { String dir ->
    String name = dir.startsWith('emscripten') ? 'config.site-wasm32-emscripten' : 'config.site-wasm32-wasi'
    site.sourced(new File(basedir, "target/wasm/${dir}/${name}"))
}
Map wasi311 = sourced('wasi-3.11')
Map wasi312 = sourced('wasi-3.12')

// 3.11 without a source tree is still upstream's 3.11 file.
File upstream = new File(cpythonSource, 'Tools/wasm/config.site-wasm32-wasi')
site.assertSameVariables(site.sourced(upstream), wasi311, 'pythonVersion 3.11 against the 3.11.2 source')

// 3.12 adds exactly the catalogue's 3.12+ WASI variables (int-conversion, pread, chmod, statvfs).
Map diff = site.difference(wasi311, wasi312)
Map expected312 = [
        ac_cv_disable_int_conversion: 'yes',
        ac_cv_func_preadv: 'no', ac_cv_func_pwritev: 'no', ac_cv_func_readv: 'no', ac_cv_func_writev: 'no',
        ac_cv_func_chmod: 'no', ac_cv_func_fchmod: 'no', ac_cv_func_fchmodat: 'no',
        ac_cv_func_statvfs: 'no', ac_cv_func_fstatvfs: 'no',
]
assert diff.added == expected312: "3.12 over 3.11 added ${diff.added}"
assert diff.removed.isEmpty() && diff.changed.isEmpty(): "3.12 over 3.11: ${diff}"

// A 3.12-only feature can be enabled for 3.12 and then writes none of its variables.
Map chmod = site.difference(wasi312, sourced('wasi-3.12-chmod'))
assert chmod.removed == [ac_cv_func_chmod: 'no', ac_cv_func_fchmod: 'no', ac_cv_func_fchmodat: 'no']
assert chmod.added.isEmpty() && chmod.changed.isEmpty()

// Emscripten: the dummy readelf and the sys/ioctl.h answer stop after 3.13.
Map em = site.difference(sourced('emscripten-3.12'), sourced('emscripten-3.14'))
assert em.removed == [ac_cv_prog_ac_ct_READELF: 'true', ac_cv_header_sys_ioctl_h: 'no']: "3.14 over 3.12: ${em}"
assert em.added.isEmpty() && em.changed.isEmpty()

assert new File(basedir, 'target/wasm/wasi-3.12/config.site-wasm32-wasi').text.contains(' for CPython 3.12, target wasi.\n')

List<String> log = site.log(basedir)
site.assertLogLine(log, 'INFO', 'CPython 3.12 (from <pythonVersion>), target wasi: 14 features disabled, 3 enabled, 0 modules off, 0 raw cache variables')
site.assertLogLine(log, 'INFO', 'CPython 3.14 (from <pythonVersion>), target emscripten-browser: 25 features disabled, 1 enabled, 0 modules off, 0 raw cache variables')
return true

