// ?api would let a template call Java methods on the model's objects.
def site = new SiteShell()
List<String> log = site.log(basedir)
String failed = log.find { it.startsWith('[ERROR] Failed to execute goal dev.wasmbuild:wasm-maven-plugin:') }
assert failed != null: 'the build did not fail in the plugin'
assert failed.contains(' on project config-site-template-api: <template>: rendering evil.ftl failed at line 2, column 3:'
        + ' ?api is switched off: site templates cannot reach Java classes or methods, only the strings, lists and maps'
        + ' of the model (Can\'t use ?api)'): failed
assert !new File(basedir, 'target').exists()
assert !log.any { it.startsWith('[INFO] Wrote ') }
return true
