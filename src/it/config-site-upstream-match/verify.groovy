// The product's promise: by default the generated files, sourced by /bin/sh, set exactly the
// variables upstream's own site files in the same CPython source set, to the same values; and
// <pythonVersion> naming that release gives the same file without the tree. Checked for every
// tree the tests fetch (see pom.xml): 3.11.2 always, 3.13.5 and 3.13.15 when they are there.
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

def isTree = { File tree -> new File(tree, 'configure').isFile() }

/** How many tree runs read each patchlevel.h (a path passed twice is read by both slots' runs). */
Map<String, Integer> treeRuns = [:].withDefault { 0 }
/** The output directories compared with upstream, and those left out with a warning. */
Set<String> compared = new TreeSet<>(), leftOut = new TreeSet<>()

/**
 * Compares the files generated in one slot of the pom with the tree's upstream files: for each
 * target, the tree's own run (target/wasm/tree-SLOT-TARGET) and each <pythonVersion> run listed
 * for it (target/wasm/release-VERSION-TARGET). Returns the tree's release.
 */
def compare = { File tree, String slot, Map<String, List<String>> versionRuns ->
    assert isTree(tree): "${tree} is not a CPython source tree"
    String release = pyVersion(tree)
    versionRuns.each { String t, List<String> versions ->
        String platform = t == 'wasi' ? 'wasm32-wasi' : 'wasm32-emscripten'
        File upstream = upstreamFile(tree, platform)
        Map<String, String> theirs = site.sourced(upstream)
        // Guard against comparing two empty results: upstream's files set dozens of variables.
        assert theirs.size() >= 10: "upstream's ${upstream} set only ${theirs}"
        assert theirs.keySet().every { it.startsWith('ac_cv_') }
        List<String> runs = ["tree-${slot}-${t}".toString()] + versions.collect { "release-${it}-${t}".toString() }
        for (String run in runs) {
            compared << run
            File dir = new File(basedir, "target/wasm/${run}")
            File generated = new File(dir, "config.site-${platform}")
            site.assertSameVariables(theirs, site.sourced(generated),
                    "${generated} (${run}; CPython ${release}) against upstream's ${upstream}")
            assert dir.list() as List == [generated.name]: "only the site file in ${dir}"
            // The header names the exact release the file was made for.
            assert generated.text.contains(" for CPython ${release}, target ${t}.\n"): "${generated} was not made for CPython ${release}"
        }
        println "[INFO] config-site-upstream-match: ${runs.join(', ')} match upstream's ${upstream}"
    }
    treeRuns[new File(tree, 'Include/patchlevel.h').toString()] += versionRuns.size()
    return release
}

// ---- 3.11.2 (cpython.source): always there.
File tree311 = new File(cpythonSource)
assert compare(tree311, '3.11.2', ['wasi': ['3.11.2'], 'emscripten-node': ['3.11.2'], 'emscripten-browser': []]) == '3.11.2'
site.assertLogLine(log, 'INFO', "CPython 3.11.2 (from PY_VERSION in ${new File(tree311, 'Include/patchlevel.h')}), target wasi: 10 features disabled, 3 enabled, 0 modules off, 0 raw cache variables")

// accept stays on by default: upstream's lines are commented out and ours are absent.
assert upstreamFile(tree311, 'wasm32-wasi').text.contains('#ac_cv_func_accept=no')
assert !new File(basedir, 'target/wasm/tree-3.11.2-wasi/config.site-wasm32-wasi').text.contains('ac_cv_func_accept')

/** Nothing was generated for a slot whose profile did not run. */
def nothingFor = { List<String> prefixes ->
    List<String> made = new File(basedir, 'target/wasm').list().findAll { d -> prefixes.any { d.startsWith(it) } }
    assert made.isEmpty(): "the profile of a missing tree ran: ${made}"
}
String fetch = 'fetch it with scripts/fetch-sources.sh'

// ---- 3.13.5 (cpython313.source, profile cpython313). The build ITs read the same property, so it
// may name another 3.13 tree (the newest fetched): then that tree is compared, and the
// <pythonVersion>3.13.5 runs are not, saying so.
File tree3135 = new File(cpython313Source)
if (isTree(tree3135)) {
    String release = pyVersion(tree3135)
    assert release.startsWith('3.13.'): "cpython313.source (${tree3135}) is CPython ${release}, not a 3.13 release"
    boolean releaseRuns = release == '3.13.5'
    List<String> versions = releaseRuns ? ['3.13.5'] : []
    assert compare(tree3135, '3.13.5', ['wasi': versions, 'emscripten-node': versions]) == release
    if (!releaseRuns) {
        leftOut.addAll(['release-3.13.5-wasi', 'release-3.13.5-emscripten-node'])
        println "[WARNING] config-site-upstream-match: cpython313.source (${tree3135}) is CPython ${release}, not 3.13.5;" +
                " compared its tree but not <pythonVersion>3.13.5</pythonVersion> with it"
    }
} else {
    println "[WARNING] config-site-upstream-match: SKIPPED the CPython 3.13.5 comparison: cpython313.source" +
            " (${tree3135}) is not a CPython source tree; ${fetch} or pass -Dcpython313.source=<the 3.13.5 tree>"
    nothingFor(['tree-3.13.5-', 'release-3.13.5-'])
}

// ---- 3.13.15 (cpython31315.source, profile cpython31315; fetch-sources.sh --sid), with
// <pythonVersion>3.13, which must mean the newest 3.13 the catalogue knows: 3.13.15.
File tree31315 = new File(cpython31315Source)
if (isTree(tree31315)) {
    String release = pyVersion(tree31315)
    assert release == '3.13.15': "cpython31315.source (${tree31315}) is CPython ${release}, not 3.13.15"
    assert compare(tree31315, '3.13.15', ['wasi': ['3.13.15', '3.13'], 'emscripten-node': ['3.13.15', '3.13']]) == '3.13.15'
    for (t in ['wasi', 'emscripten-node']) {
        String line = "[INFO] CPython 3.13.15 (from <pythonVersion> 3.13, its newest known release), target ${t}: "
        assert log.count { it.startsWith(line) } == 1: "build.log has no line starting ${line}"
    }
} else {
    println "[WARNING] config-site-upstream-match: SKIPPED the CPython 3.13.15 comparison (and <pythonVersion>3.13):" +
            " cpython31315.source (${tree31315}) is not a CPython source tree; ${fetch} --sid or pass" +
            " -Dcpython31315.source=<the 3.13.15 tree>"
    nothingFor(['tree-3.13.15-', 'release-3.13.15-', 'release-3.13-'])
}

// Each tree's release came from its patchlevel.h, not from the pythonVersion default: one log
// line per tree run.
treeRuns.each { String header, int n ->
    String from = "(from PY_VERSION in ${header}), target "
    assert log.count { it.startsWith('[INFO] CPython ') && it.contains(from) } == n: "${n} tree runs read ${header}"
}
// Every execution that ran was compared (or left out with a warning above): no run goes unchecked.
Set<String> made = new TreeSet<>(new File(basedir, 'target/wasm').list() as List)
assert made == compared + leftOut: "generated but not compared: ${made - compared - leftOut}; compared but not generated: ${compared + leftOut - made}"
return true
