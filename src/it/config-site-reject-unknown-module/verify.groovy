// A module name that the source tree's configure has no py_cv_module_ switch for is refused.
def site = new SiteShell()
List<String> messages = site.failureMessages(site.log(basedir))
String prefix = "<disableModules>: unknown extension module '_sqlite' for CPython 3.11.2. Did you mean '_sqlite3'? Modules configure can switch off: "
assert messages.size() == 1 && messages[0].startsWith(prefix): messages
// The list offered is the one read from the real configure script: exactly the modules its
// PY_STDLIB_MOD entries switch (each tests py_cv_module_NAME against n/a).
def fromConfigure = (new File(cpythonSource, 'configure').getText('ISO-8859-1') =~ /test "[$]py_cv_module_([A-Za-z0-9_]+)" != "n\/a"/)
        .collect { it[1] } as TreeSet
assert messages[0].substring(prefix.length()).split(', ') as List == fromConfigure as List
assert fromConfigure.containsAll(['_sqlite3', 'zlib', '_ctypes_test'])
// setup.py, not configure, builds readline in 3.11, although configure sets py_cv_module_readline=n/a for wasm.
assert !fromConfigure.contains('readline')
site.assertRejected(basedir, messages[0])
return true
