// The second run waited for the first, said so, and then found nothing left to configure.
def build = new File(basedir, 'target/wasm/wasi')
def firstLog = new File(basedir, 'first-run.log')
def first = ProcessHandle.of(Long.parseLong(new File(basedir, 'first-run.pid').text.trim()))
assert BackgroundMaven.waitUntil(120) { !first.present || !first.get().alive } : 'the first run did not end'
def firstText = firstLog.text
assert firstText.contains('Running configure because') : firstText
assert firstText.contains('BUILD SUCCESS') : firstText
def log = new File(basedir, 'build.log').text
def lock = new File(build.parentFile, '.wasi.lock')
assert log.contains("Waiting for another build of ${build.path} (lock ${lock.canonicalPath}) …")
assert log =~ /Got the lock \S+ after \d+ s; going on/
assert log.contains('configure is up to date')
assert !log.contains('Running configure because')
assert new File(build, 'Makefile').isFile()
return true
