// ?new would let a template instantiate freemarker.template.utility.Execute and run commands.
def site = new SiteShell()
List<String> log = site.log(basedir)
String failed = log.find { it.startsWith('[ERROR] Failed to execute goal dev.wasmbuild:wasm-maven-plugin:') }
assert failed != null: 'the build did not fail in the plugin'
assert failed.contains(' on project config-site-template-new: <template>: rendering evil.ftl failed at line 2, column 1:'
        + ' ?new is switched off: site templates cannot reach Java classes or methods, only the strings, lists and maps'
        + ' of the model (Instantiating freemarker.template.utility.Execute is not allowed)'): failed
// Nothing was run and nothing was written.
assert !new File(basedir, 'target-pwned').exists()
assert !new File(basedir, 'target').exists()
assert !log.any { it.startsWith('[INFO] Wrote ') }
return true
