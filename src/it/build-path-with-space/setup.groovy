import java.nio.file.Files
import java.nio.file.Path

// A source directory whose path has a space: a link to the real CPython tree, so no copy is needed.
def link = basedir.toPath().resolve('dir with space/cpython source')
Files.deleteIfExists(link)
Files.createSymbolicLink(link, Path.of(cpythonSource))
return true
