// The product's promise: by default the generated files, sourced by /bin/sh, set exactly the
// variables upstream's own site files in the same CPython source set, to the same values; and
// <pythonVersion> naming that release gives the same file without the tree.
def site = new SiteShell()
List<String> log = site.log(basedir)

/** Upstream moves its files: Tools/wasm/ up to 3.13, per platform directories in 3.14, Platforms/ on main. */
def upstreamFile = { File tree, String platform ->
    String family = platform == 'wasm32-wasi' ? 'wasi' : 'emscripten'
    List<String> places = ["Tools/wasm/config.site-${platform}", "Tools/wasm/${family}/config.site-${platform}",
                           "Platforms/${family == 'wasi' ? 'WASI' : 'emscripten'}/config.site-${platform}"]
    File found = places.collect { new File(tree, it) }.find { it.isFile() }
    assert found != null: "${tree} has no upstream ${platform} site file in ${places}"
    return found
}

def pyVersion = { File tree ->
    def m = new File(tree, 'Include/patchlevel.h').text =~ /(?m)^#define\s+PY_VERSION\s+"([^"]+)"/
    assert m.find(): "no PY_VERSION in ${tree}"
    return m.group(1)
}

/** Compares the generated file of each execution with the tree's upstream file. */
def compare = { File tree, String minor, List<String> targets, boolean releaseRuns ->
    assert new File(tree, 'configure').isFile(): "${tree} is not a CPython source tree"
    String release = pyVersion(tree)
    for (String t in targets) {
        String platform = t == 'wasi' ? 'wasm32-wasi' : 'wasm32-emscripten'
        File upstream = upstreamFile(tree, platform)
        Map<String, String> theirs = site.sourced(upstream)
        // Guard against comparing two empty results: upstream's files set dozens of variables.
        assert theirs.size() >= 10: "upstream's ${upstream} set only ${theirs}"
        assert theirs.keySet().every { it.startsWith('ac_cv_') }
        List<String> kinds = releaseRuns ? ['tree', 'release'] : ['tree']
        for (String kind in kinds) {
            File dir = new File(basedir, "target/wasm/${kind}-${minor}-${t}")
            File generated = new File(dir, "config.site-${platform}")
            site.assertSameVariables(theirs, site.sourced(generated), "${generated} (CPython ${release}) against upstream's ${upstream}")
            assert dir.list() as List == [generated.name]: "only the site file in ${dir}"
            // The header names the exact release the file was made for.
            assert generated.text.contains(" for CPython ${release}, target ${t}.\n")
        }
    }
    // The release came from the tree's patchlevel.h, not from the pythonVersion default.
    String from = "(from PY_VERSION in ${new File(tree, 'Include/patchlevel.h')})"
    assert log.count { it.startsWith("[INFO] CPython ${release} ${from}, target ") } == targets.size()
    return release
}

File tree311 = new File(cpythonSource)
assert compare(tree311, '3.11', ['wasi', 'emscripten-node', 'emscripten-browser'], false) == '3.11.2'
for (t in ['wasi', 'emscripten-node']) {
    File release = new File(basedir, "target/wasm/release-3.11-${t}")
    File tree = new File(basedir, "target/wasm/tree-3.11-${t}")
    assert release.list() as List == tree.list() as List
    site.assertSameVariables(site.sourced(new File(tree, tree.list()[0])), site.sourced(new File(release, release.list()[0])),
            "<pythonVersion>3.11.2 against the 3.11.2 tree (${t})")
}
site.assertLogLine(log, 'INFO', "CPython 3.11.2 (from PY_VERSION in ${new File(tree311, 'Include/patchlevel.h')}), target wasi: 10 features disabled, 3 enabled, 0 modules off, 0 raw cache variables")

// accept stays on by default: upstream's lines are commented out and ours are absent.
assert upstreamFile(tree311, 'wasm32-wasi').text.contains('#ac_cv_func_accept=no')
assert !new File(basedir, 'target/wasm/tree-3.11-wasi/config.site-wasm32-wasi').text.contains('ac_cv_func_accept')

// The 3.13 tree, when the tests fetched it (cpython313.source; scripts/fetch-sources.sh).
File tree313 = new File(cpython313Source)
if (new File(tree313, 'configure').isFile()) {
    String release = pyVersion(tree313)
    // The pom's <pythonVersion> runs name 3.13.5: compare them only when the tree is that release.
    boolean releaseRuns = release == '3.13.5'
    assert compare(tree313, '3.13', ['wasi', 'emscripten-node'], releaseRuns) == release
    if (!releaseRuns) {
        println "[WARNING] config-site-upstream-match: cpython313.source is CPython ${release}, not 3.13.5;" +
                " compared its tree but not <pythonVersion>3.13.5</pythonVersion> with it"
    }
} else {
    println "[WARNING] config-site-upstream-match: SKIPPED the CPython 3.13 comparison: cpython313.source" +
            " (${tree313}) is not a CPython source tree; fetch it with scripts/fetch-sources.sh or pass" +
            " -Dcpython313.source=<a CPython 3.13 tree>"
    // The profile did not run either: nothing was generated for 3.13.
    assert !new File(basedir, 'target/wasm').list().any { it.contains('3.13') }
}
return true
