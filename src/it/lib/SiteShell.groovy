// Shared by the config-site-* and features-* verify scripts. The plugin module copies this
// directory into its test class path and the invoker runs verify scripts with that class path
// (addTestClassPath), so a script just writes `def site = new SiteShell()`.

import java.nio.charset.StandardCharsets

class SiteShell {

    /**
     * The variables a site file sets when /bin/sh sources it, as configure does: the file is
     * sourced with `set -a` in an empty environment and the exported variables are listed
     * NUL-separated; whatever the same shell lists after sourcing /dev/null is subtracted.
     * The file's path is passed as $1, never spliced into the script.
     */
    Map<String, String> sourced(File file, String shell = '/bin/sh') {
        assert file.isFile(): "${file} does not exist"
        Map<String, String> all = exportedAfterSourcing(shell, file.absolutePath)
        Map<String, String> baseline = exportedAfterSourcing(shell, '/dev/null')
        Map<String, String> added = new TreeMap<>()
        all.each { k, v ->
            if (!baseline.containsKey(k) || baseline[k] != v) {
                added[k] = v
            }
        }
        return added
    }

    private Map<String, String> exportedAfterSourcing(String shell, String path) {
        ProcessBuilder pb = new ProcessBuilder(shell, '-c', 'set -a; . "$1" || exit 97; exec /usr/bin/env -0', 'sh', path)
        pb.environment().clear()
        pb.redirectErrorStream(false)
        Process p = pb.start()
        p.outputStream.close()
        ByteArrayOutputStream err = new ByteArrayOutputStream()
        Thread drain = Thread.start { err << p.errorStream }
        byte[] out = p.inputStream.bytes
        int rc = p.waitFor()
        drain.join()
        String errText = new String(err.toByteArray(), StandardCharsets.UTF_8)
        assert rc == 0: "sourcing ${path} with ${shell} failed with status ${rc}: ${errText}"
        assert errText.isEmpty(): "sourcing ${path} printed to stderr: ${errText}"
        Map<String, String> vars = new TreeMap<>()
        for (String entry : new String(out, StandardCharsets.UTF_8).split('\u0000')) {
            if (entry.isEmpty()) {
                continue
            }
            int eq = entry.indexOf('=')
            assert eq > 0: "unexpected env entry: ${entry}"
            vars[entry.substring(0, eq)] = entry.substring(eq + 1)
        }
        return vars
    }

    /** Asserts two variable maps are equal, listing exactly what differs when they are not. */
    void assertSameVariables(Map<String, String> expected, Map<String, String> actual, String what) {
        List<String> problems = []
        (expected.keySet() - actual.keySet()).sort().each { problems << "missing ${it}=${expected[it]}" }
        (actual.keySet() - expected.keySet()).sort().each { problems << "extra ${it}=${actual[it]}" }
        expected.keySet().intersect(actual.keySet()).sort().each {
            if (expected[it] != actual[it]) {
                problems << "${it}: expected '${expected[it]}' but was '${actual[it]}'"
            }
        }
        assert problems.isEmpty(): "${what}:\n  " + problems.join('\n  ')
    }

    /**
     * What changed from one set of sourced variables to another:
     * [added: [name: value], removed: [name: value], changed: [name: [old, new]]].
     */
    Map<String, Map> difference(Map<String, String> from, Map<String, String> to) {
        Map added = new TreeMap(), removed = new TreeMap(), changed = new TreeMap()
        to.each { k, v -> if (!from.containsKey(k)) added[k] = v }
        from.each { k, v ->
            if (!to.containsKey(k)) {
                removed[k] = v
            } else if (to[k] != v) {
                changed[k] = [v, to[k]]
            }
        }
        return [added: added, removed: removed, changed: changed]
    }

    /** The build log's lines with Maven's "[INFO] " / "[ERROR] " prefixes kept. */
    List<String> log(File basedir) {
        File f = new File(basedir, 'build.log')
        assert f.isFile(): "no build.log in ${basedir}"
        return f.getText('UTF-8').readLines()
    }

    /** Asserts the log has exactly this line (after the level prefix), and returns its index. */
    int assertLogLine(List<String> log, String level, String text) {
        String wanted = "[${level}] ${text}".toString()
        int i = log.indexOf(wanted)
        assert i >= 0: "build.log has no line\n  ${wanted}\nLines at that level:\n  " +
                log.findAll { it.startsWith("[${level}]") }.join('\n  ')
        return i
    }

    /** The plugin's failure messages in the log, in order, without Maven's prefix and " -> [Help 1]". */
    List<String> failureMessages(List<String> log) {
        return log.findAll { it.startsWith('[ERROR] Failed to execute goal dev.wasmbuild:wasm-maven-plugin:') }
                .collect { (it - ~/ -> \[Help 1\]$/).replaceFirst(/^.*? on project [^:]+: /, '') }
    }

    /** Asserts that the build failed on exactly this configuration message, and wrote no site file. */
    void assertRejected(File basedir, String message) {
        List<String> log = log(basedir)
        // Maven prints the Mojo's message at the end of its "Failed to execute goal" line, followed by " -> [Help 1]".
        List<String> failures = log.findAll { it.startsWith('[ERROR] Failed to execute goal dev.wasmbuild:wasm-maven-plugin:') }
        assert failures.size() == 1: "expected the plugin to fail exactly once:\n" + log.findAll { it.startsWith('[ERROR]') }.join('\n')
        String failed = failures[0] - ~/ -> \[Help 1\]$/
        assert failed.endsWith(': ' + message): "unexpected failure message:\n  ${failed}\nexpected it to end with\n  : ${message}"
        assert !log.any { it.startsWith('[INFO] Wrote ') }: 'a file was written although the input was rejected'
        File out = new File(basedir, 'target/wasm')
        assert !out.exists(): "${out} exists although the input was rejected: ${out.list()}"
    }
}
