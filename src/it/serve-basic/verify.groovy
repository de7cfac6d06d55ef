def log = new File(basedir, 'build.log').text

def started = log =~ /Serving (\S+) at http:\/\/127\.0\.0\.1:(\d+)\/python\.html \(until wasm:serve-stop\)/
assert started.find() : 'serve-start did not log its URL'
assert started.group(1) == new File(basedir, 'site').canonicalPath
def port = started.group(2) as int
assert port > 0 && port != 8000 : "port 0 should have picked a free port, got ${port}"
assert log.contains("xterm.js and xterm.css from ${new File(basedir, 'xterm').canonicalPath} at http://127.0.0.1:${port}/_xterm/")

// serve-start, the tests, then serve-stop, in that order.
int start = log.indexOf(':serve-start (serve) @ serve-basic')
int tests = log.indexOf('Running it.serve.ServeIT')
int stop = log.indexOf("Stopped serving http://127.0.0.1:${port}/")
assert start >= 0 && tests > start && stop > tests : "order: start=${start} tests=${tests} stop=${stop}"

def report = new File(basedir, 'target/failsafe-reports/TEST-it.serve.ServeIT.xml')
assert report.isFile()
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
def count = { name -> (suite =~ /\b${name}="(\d+)"/)[0][1] as int }
assert count('tests') >= 8 : "too few tests ran: ${suite}"
assert count('failures') == 0 && count('errors') == 0 && count('skipped') == 0 : suite
return true
