// Hostile <cacheVariables> values stay literal strings when the file is sourced, and run nothing.
def site = new SiteShell()
File file = new File(basedir, 'target/wasm/config.site-wasm32-wasi')
String t = new File(basedir, 'target').path
// Exactly what the pom says, after Maven's own ${basedir} interpolation.
Map<String, String> literal = [
        ac_cv_hostile_semicolon: "no; touch ${t}/pwned".toString(),
        ac_cv_hostile_quote    : "it's \$(touch ${t}/pwned-subst) `touch ${t}/pwned-backtick` '; touch ${t}/pwned-quote; '".toString(),
        ac_cv_hostile_operators: "yes && touch ${t}/pwned-and | cat > ${t}/pwned-redirect & \"\$HOME\" \\ \\' \$PATH".toString(),
        ac_cv_func_dup3        : 'no',
]
List<String> shells = ['/bin/sh'] + (new File('/bin/bash').canExecute() ? ['/bin/bash'] : [])
for (String shell : shells) {
    Map<String, String> vars = site.sourced(file, shell)
    literal.each { name, value ->
        assert vars[name] == value: "${shell}: ${name} is\n  ${vars[name]}\nnot the literal\n  ${value}"
    }
}
// Nothing ran: no marker file from any of the tricks, also not from Maven itself.
List<String> pwned = new File(basedir, 'target').list().findAll { it.startsWith('pwned') }
assert pwned.isEmpty(): "commands in cache variable values were executed: ${pwned}"

// In the file, each value is one single-quoted word; a quote inside is closed, escaped and reopened.
String text = file.getText('UTF-8')
assert text.contains("\nac_cv_hostile_semicolon='no; touch ${t}/pwned'\n")
assert text.contains("\nac_cv_hostile_quote='it'\\''s \$(touch ${t}/pwned-subst) `touch ${t}/pwned-backtick` '\\''; touch ${t}/pwned-quote; '\\'''\n")
// Raw cache variables come last, in name order, after the features.
List<String> lines = text.readLines()
int raw = lines.indexOf('# --- raw cache variables (<cacheVariables>), applied last')
assert raw > 0 && lines.subList(raw + 1, lines.size()).collect { it.substring(0, it.indexOf('=')) } ==
        ['ac_cv_func_dup3', 'ac_cv_hostile_operators', 'ac_cv_hostile_quote', 'ac_cv_hostile_semicolon']
return true
