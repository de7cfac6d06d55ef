// A copy of the real source (hard links, so it is quick) that was built in-tree.
def copy = new File(basedir, 'target/dirty-cpython')
copy.parentFile.mkdirs()
def p = ['cp', '-al', cpythonSource, copy.path].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
new File(copy, 'Programs/python.o').bytes = new byte[0]
return true
