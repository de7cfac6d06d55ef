// A copy of the real source that was built in-tree: hard links, so it is quick, or a plain copy
// where the source lives on another file system (the Debian root's own cache under a bind mount).
def copy = new File(basedir, 'target/dirty-cpython')
copy.parentFile.mkdirs()
def p = ['cp', '-al', cpythonSource, copy.path].execute()
p.waitForProcessOutput(new StringBuilder(), new StringBuilder())
if (p.exitValue() != 0) {
    assert ['rm', '-rf', copy.path].execute().waitFor() == 0
    p = ['cp', '-a', cpythonSource, copy.path].execute()
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0
}
new File(copy, 'Programs/python.o').bytes = new byte[0]
return true
