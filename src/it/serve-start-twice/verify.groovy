def log = new File(basedir, 'build.log').text
def started = log =~ /Serving \S+ at (http:\/\/127\.0\.0\.1:\d+\/) \(until wasm:serve-stop\)/
assert started.find() : 'the first serve-start should have started a server'
def url = started.group(1)
assert log.contains('<executions>: wasm:serve-start ran twice in dev.wasmbuild.it:serve-start-twice:pom:1.0'
        + " without wasm:serve-stop in between; the first server is still running at ${url}")
// Only the first one bound a port.
assert (log =~ /Serving \S+ at http/).size() == 1
return true
