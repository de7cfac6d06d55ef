// Both skip switches skip with a log line saying which switch did it, and nothing is written.
def site = new SiteShell()
List<String> log = site.log(basedir)

// Run 1, -Dwasm.skip=true: both goals skipped; the nonsense target was never validated.
int c1 = site.assertLogLine(log, 'INFO', 'Skipping wasm:config-site: wasm.skip is set')
int f1 = site.assertLogLine(log, 'INFO', 'Skipping wasm:features: wasm.skip is set')
assert c1 < f1
assert !log.any { it.contains('nonsense') && !it.contains('Executing') && !it.startsWith('[DEBUG]') }

// Run 2, -Dwasm.configSite.skip=true: config-site skipped, features not.
int c2 = site.assertLogLine(log, 'INFO', 'Skipping wasm:config-site: wasm.configSite.skip is set')
assert c2 > f1
int listing = log.findIndexOf(c2) { it.startsWith('[INFO] Features for wasm32-wasi (target wasi), CPython 3.13.15 (<pythonVersion> 3.13, its newest known release):') }
assert listing > c2: 'wasm:features did not run in the second build'
assert log.count { it.startsWith('[INFO] Skipping wasm:') } == 3

assert log.count { it == '[INFO] BUILD SUCCESS' } == 2
assert !log.any { it.startsWith('[INFO] Wrote ') || it.startsWith('[INFO] Unchanged') }
assert !new File(basedir, 'target').exists()
return true
