// A user <template> controls the layout; the variables it sets are the same as the bundled template's.
def site = new SiteShell()
File user = new File(basedir, 'target/wasm/user/config.site-wasm32-wasi')
File bundled = new File(basedir, 'target/wasm/bundled/config.site-wasm32-wasi')

List<String> lines = user.getText('UTF-8').readLines()
assert lines[0] == '# config.site-wasm32-wasi (wasi, CPython 3.13) by wasm-maven-plugin'
// Everything after the header is an assignment; none of the bundled template's comments.
assert lines.drop(1).every { it ==~ /[A-Za-z_][A-Za-z0-9_]*='[^']*'/ }: lines
assert lines.contains("ac_cv_func_link='no'")
assert lines.contains("py_cv_module__ctypes_test='n/a'")
assert lines[-1] == "ac_cv_func_dup3='no'"
assert !bundled.text.readLines()[0].startsWith('# config.site-wasm32-wasi (wasi')

Map<String, String> fromUser = site.sourced(user)
site.assertSameVariables(site.sourced(bundled), fromUser, 'user template against the bundled one')
assert fromUser.ac_cv_func_linkat == 'no' && fromUser.ac_cv_func_dup3 == 'no'
// -Dwasm.template=terse.ftl (relative) renders the same bytes as the pom's ${project.basedir}/terse.ftl.
File cli = new File(basedir, 'target/wasm/cli/config.site-wasm32-wasi')
assert cli.bytes == user.bytes
return true
