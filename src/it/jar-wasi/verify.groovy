// The python module built CPython for wasi, compiled it into a jar and ran it with Chicory;
// the consumer's tests used that jar alone.
def log = new File(basedir, 'build.log').text
// The build is the shared plain 3.11.2 one (see build-wasi): configured and made here when this IT
// runs first or alone, else found up to date (configure skipped, nothing for make to do).
assert log.contains("make: make ") && log.contains(" in ${new File(wasi3112Output, 'wasi')} (full output: ")
assert log =~ /Running configure because|configure is up to date/
assert log =~ /make: done, \d+ files compiled/
def jar = new File(basedir, 'python/target/python-1.0-python-wasi.jar')
assert jar.isFile()
def names = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert names.contains('dev/wasmbuild/python/Python.class')
assert names.contains('dev/wasmbuild/python/PythonMachine.class')
assert names.contains('dev/wasmbuild/python/python.wasm')
assert names.contains('dev/wasmbuild/python/lib.zip')
assert names.contains('com/dylibso/chicory/runtime/Instance.class')
assert names.contains('com/dylibso/chicory/wasi/WasiPreview1.class')
assert !names.any { it.startsWith('com/dylibso/chicory/compiler/') } : 'the compiler is a build-time tool only'
// CPython 3.11's functions all fit in JVM methods: nothing is left to Chicory's interpreter.
assert !log.contains('is too large for a JVM method') && !log.contains('Chicory could not compile')

// make linked python-preinit.wasm beside python.wasm, and wasm:jar stored CPython initialised.
assert log.contains('make: also links python-preinit.wasm (.wasm-preinit.mk)')
def build = new File(wasi3112Output, 'wasi')
assert new File(build, 'python-preinit.wasm').isFile()
assert log =~ /Pre-initialised CPython in [0-9.]+ s: the jar's python.wasm holds the interpreter/
assert !new File(build, '.wasm-preinit-run').exists() : 'the snapshot run cleans up'

// wasm:run with runner chicory, in Maven's JVM.
assert log.contains('in this JVM with Chicory')
assert log =~ /(?m)^chicory says 42$/

// The consumer's JUnit tests ran and passed.
['PythonTest': 4, 'SandboxTest': 4, 'InterpreterTest': 3].each { name, count ->
    def report = new File(basedir, "consumer/target/surefire-reports/TEST-it.${name}.xml")
    assert report.isFile()
    def suite = new groovy.xml.XmlSlurper().parse(report)
    assert suite.@tests.toInteger() == count
    assert suite.@failures.toInteger() == 0
    assert suite.@errors.toInteger() == 0
}

// java -jar, as a user runs it. Each run gets a java.io.tmpdir of its own, to see what it leaves.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def work = new File(basedir, 'probe')
work.deleteDir()
work.mkdirs()
def start = { Map env, Object tmp, List args ->
    new File(tmp).mkdirs()
    // stderr to a file: a pipe nobody reads would block python before it reaches what is tested.
    def command = ([java, "-Djava.io.tmpdir=${tmp}", '-jar', jar.path] + args).collect { it.toString() }
    def pb = new ProcessBuilder(command).directory(work)
            .redirectError(new File("${tmp}.err"))
    env.each { k, v -> pb.environment().put(k, v) }
    pb.start()
}
def leftovers = { String tmp -> new File(tmp).list().findAll { it.startsWith('python-tmp') || it.startsWith('unpacking') } }

// | head: the reader goes after one line; the JVM's write fails, python gets EPIPE and ends.
def yes = start([:], "${work}/tmp-head", ['-c', 'while True: print("y")'])
def line = new BufferedReader(new InputStreamReader(yes.inputStream)).readLine()
assert line == 'y'
yes.inputStream.close()
assert yes.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) : 'python went on writing to a closed pipe'
assert yes.exitValue() != 0

// SIGTERM: the shutdown hook removes the run's scratch directory.
def tmpTerm = "${work}/tmp-term"
def sleeper = start([:], tmpTerm, ['-c', 'import time; open("/tmp/marker", "w").write("x"); time.sleep(120)'])
def deadline = System.currentTimeMillis() + 60000
while (!leftovers(tmpTerm).any { new File("${tmpTerm}/${it}/tmp/marker").exists() } && System.currentTimeMillis() < deadline) {
    sleep(200)
}
assert leftovers(tmpTerm) : 'the run made its scratch directory'
sleeper.destroy()
assert sleeper.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)
assert leftovers(tmpTerm) == [] : "SIGTERM left ${leftovers(tmpTerm)}"

// File names: with a UTF-8 locale they work; under LANG=C Java cannot spell them: python gets a
// clear EILSEQ instead of a misleading PermissionError, and a listing shows U+FFFD for what Java
// could not decode. The program comes in a UTF-8 file, the names are made by the guest: under
// LANG=C the JVM garbles non-ASCII arguments and file names of its own too.
new File(work, 'names').mkdirs()
new File(work, 'names.py').setText("""import os, errno
made = []
for name in ('\u00fc.txt', '\u65b0.txt'):
    try:
        open('/names/' + name, 'w').write('n')
        made.append(name)
    except OSError as e:
        made.append(errno.errorcode.get(e.errno))
print(made)
print(len(os.listdir('/names')), sorted(os.listdir('/names')))
""", 'UTF-8')
def nameRun = { Map env ->
    def p = start(env, "${work}/tmp-names", ['names.py'])
    def out = p.inputStream.getText('UTF-8')
    assert p.waitFor() == 0 : new File("${work}/tmp-names.err").text
    out
}
def inUtf8 = nameRun([LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8'])
assert inUtf8 == "['\u00fc.txt', '\u65b0.txt']\n2 ['\u00fc.txt', '\u65b0.txt']\n" : inUtf8
def underC = nameRun([LC_ALL: 'C', LANG: 'C'])
assert underC.startsWith("['EILSEQ', 'EILSEQ']\n2 ") : underC

// --help says what the command line shows of the host.
def help = start([:], "${work}/tmp-help", ['--help'])
def helpText = help.inputStream.getText('UTF-8')
help.waitFor()
assert helpText.contains("shows the JVM's working directory as /")
return true
