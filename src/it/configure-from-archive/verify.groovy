def log = new File(basedir, 'build.log').text
def sources = new File(basedir, 'target/wasm/sources')
def unpacked = sources.listFiles().findAll { it.isDirectory() && it.name.startsWith('python3.11_3.11.2.orig-') }
assert unpacked.size() == 1 : "one unpacked tree expected in ${sources}"
def tree = new File(unpacked[0], 'Python-3.11.2')
assert new File(tree, 'configure').isFile()
// Version and modules come from the unpacked tree; configure ran against it, out of tree.
def makefile = new File(basedir, 'target/wasm/wasi/Makefile')
assert makefile.isFile()
assert makefile.text.contains("srcdir=\t\t${tree.path}") || makefile.text =~ /(?m)^srcdir=\s+\Q${tree.path}\E$/
assert new File(basedir, 'target/wasm/wasi/pyconfig.h').text.contains('#define HAVE_LINK 1')
// The build Python depends on the source content only, so the one built from the checkout is reused.
assert log.contains('Build Python: reusing')
// The second run neither unpacks again nor configures again.
assert log.findAll('Running configure because').size() == 1
assert log.contains('configure is up to date')
return true
