// The second run keeps the file: same bytes, and an mtime from before the second run began.
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission
import java.text.SimpleDateFormat

File file = new File(basedir, 'target/wasm/config.site-wasm32-wasi')
assert file.isFile()
List<String> log = new File(basedir, 'build.log').getText('UTF-8').readLines()

// Lines look like "2026-11-25T11:40:00.123+0000 [INFO] Wrote ..." (see invoker.mavenOpts).
def stamp = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
def timed = { String suffix ->
    List<String> hits = log.findAll { it ==~ /\S+ \[INFO\] .*/ && it.endsWith(suffix) }
    return hits.collect { stamp.parse(it.substring(0, it.indexOf(' '))).time }
}
List<Long> starts = timed('[INFO] Scanning for projects...')
assert starts.size() == 2: "expected two Maven runs with timestamped lines in build.log:\n${log.take(5).join('\n')}"
List<Long> wrote = timed("[INFO] Wrote ${file}")
List<Long> kept = timed("[INFO] Unchanged, kept as it was: ${file}")
assert wrote.size() == 1 && kept.size() == 1: "wrote ${wrote}, kept ${kept}"
assert starts[0] <= wrote[0] && wrote[0] < starts[1] && starts[1] <= kept[0]: 'the runs are not in order'

long mtime = file.lastModified()
// Written during the first run (the log line follows the rename; log stamps are whole milliseconds) ...
assert mtime >= starts[0] - 1000 && mtime <= wrote[0] + 1: "mtime ${mtime} is not from the first run (${starts[0]}..${wrote[0]})"
// ... and not touched by the second.
assert mtime < starts[1]: "the second run, started at ${starts[1]}, rewrote the file (mtime ${mtime})"

// Nothing else in the directory: no temporaries left from the atomic write.
assert file.parentFile.list() as List == [file.name]
// The file has the mode any new file gets here (the umask's), not a temp file's owner-only 0600.
File plain = new File(basedir, 'target/plain-file')
plain.text = ''
assert Files.getPosixFilePermissions(file.toPath()) == Files.getPosixFilePermissions(plain.toPath())
assert Files.getPosixFilePermissions(file.toPath()).contains(PosixFilePermission.OWNER_READ)
assert file.text.contains("ac_cv_func_link='no'\n")
return true
