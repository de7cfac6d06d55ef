// Failing runs after a good one leave the good file untouched: same bytes as the first run wrote, same mtime.
import java.text.SimpleDateFormat

def site = new SiteShell()
File file = new File(basedir, 'target/wasm/config.site-wasm32-emscripten')
List<String> log = new File(basedir, 'build.log').getText('UTF-8').readLines()
// Strip the timestamps (invoker.mavenOpts) for the message checks.
List<String> plain = log.collect { it.replaceFirst(/^\d{4}-\d\d-\d\dT\S+ (?=\[)/, '') }

List<String> messages = site.failureMessages(plain)
assert messages == [
        "<disableModules>: unknown extension module 'zlb' for CPython 3.11.2. Did you mean 'zlib'? Modules configure can switch off: "
                + messages[0].substring(messages[0].indexOf('switch off: ') + 12),
        // FreeMarker's whole reason, down to the expression that was missing.
        "<template>: rendering fails-late.ftl failed at line 8, column 3: The following has evaluated to null or missing:"
                + " ==> no_such_variable [in template \"fails-late.ftl\" at line 8, column 3]",
]
assert messages[0].contains(': _asyncio, ') && messages[0].endsWith(', zlib')

// One write, in the first run; the file's mtime is from then, not from the failing runs.
def stamp = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
def times = { String suffix -> log.findAll { it.endsWith(suffix) }.collect { stamp.parse(it.substring(0, it.indexOf(' '))).time } }
List<Long> starts = times('[INFO] Scanning for projects...')
List<Long> wrote = times("[INFO] Wrote ${file}")
assert starts.size() == 3 && wrote.size() == 1 && wrote[0] < starts[1]
assert file.lastModified() <= wrote[0] + 1 && file.lastModified() < starts[1]

// The content is the first run's: defaults, nothing of what the failing runs asked for.
String text = file.getText('UTF-8')
assert text.contains('# disabled on request:  (none)\n') && text.contains('# modules turned off:   (none)\n')
assert text.contains("ac_cv_func_pipe2='no'\n") && text.contains("ac_cv_func_sigaction='no'\n")
assert !text.contains('# ' + file.name + '\nac_cv_'): 'the half-rendered user template reached the file'
assert file.parentFile.list() as List == [file.name]: "left behind: ${file.parentFile.list()}"
site.assertSameVariables(site.sourced(new File(cpythonSource, 'Tools/wasm/config.site-wasm32-emscripten')),
        site.sourced(file), 'the kept file against upstream')
return true
