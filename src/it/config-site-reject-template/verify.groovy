// Three invocations, each with a bad -Dwasm.template; each fails naming <template>, and none writes anything.
def site = new SiteShell()
List<String> messages = site.failureMessages(site.log(basedir))
assert messages.size() == 3: messages.join('\n')
String advice = 'give the path of a readable FreeMarker (.ftl) file, or leave <template> out for the default'
assert messages[0] == "<template>: cannot read ${new File(basedir, 'no-such-template.ftl')}; ${advice}".toString()
assert messages[1] == "<template>: cannot read ${new File(basedir, 'src')}; ${advice}".toString()
// A syntax error: the message says where, and why (not just "Syntax error in ...:").
assert messages[2].startsWith("<template>: syntax error in ${new File(basedir, 'src/broken.ftl')} at line 3, column 8: "
        + 'Unexpected end of file reached. You have an unclosed #list.'): messages[2]
assert !site.log(basedir).any { it.startsWith('[INFO] Wrote ') }
assert !new File(basedir, 'target').exists(): 'a failed run left target/ behind'
return true
