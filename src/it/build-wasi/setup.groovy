// The shared 3.11.2 wasi build directory is emptied, so run 1 shows a build from nothing even
// when an earlier `mvn verify` (without clean) or IT left one there.
def dir = new File(wasi3112Output, 'wasi')
assert !dir.exists() || dir.deleteDir() : "cannot delete ${dir}"
return true
