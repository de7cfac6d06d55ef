// wasm:features prints every feature of the target with its state, summary and the variables it
// writes while disabled (then, where there are any, the answers it writes while enabled), and
// writes no file.
def site = new SiteShell()
List<String> log = site.log(basedir)

// First run: wasi, real 3.11.2 source, hardlinks disabled and pty enabled in the pom.
int head = site.assertLogLine(log, 'INFO',
        "Features for wasm32-wasi (target wasi), CPython 3.11.2 (PY_VERSION in ${new File(cpythonSource, 'Include/patchlevel.h')}):")
assert log[head + 1] ==~ /\[INFO\]   id +state +summary \/ what is written while disabled/
// Each feature is two lines: id, state and summary; then what it writes while disabled. A third
// says what enabling writes, for features whose probe a cross build cannot run, or that it is refused.
Map<String, List<String>> rows = [:]
Map<String, String> whenEnabled = [:]
int i = head + 2
while (log[i] ==~ /\[INFO\]   [a-z].*/) {
    def m = (log[i] =~ /^\[INFO\]   (\S+) +(disabled \(pom\)|enabled \(pom\)|disabled|enabled) +(.+)$/)
    assert m.matches(): "not a feature row: ${log[i]}"
    def w = (log[i + 1] =~ /^\[INFO\] {36}(\S.*)$/)
    assert w.matches(): "not a 'writes' row: ${log[i + 1]}"
    rows[m.group(1)] = [m.group(2), m.group(3), w.group(1)]
    i += 2
    def e = (log[i] =~ /^\[INFO\] {36}(enabled: .*|cannot be enabled on a cross build)$/)
    if (e.matches()) {
        whenEnabled[m.group(1)] = e.group(1)
        i++
    }
}
assert log[i] == '[INFO] 10 disabled, 3 enabled; switch them with <disable>/<enable> or -Dwasm.disable=… / -Dwasm.enable=…'
// Exactly the WASI features that have something to write for 3.11, sorted by id.
assert rows.keySet() as List == ['accept', 'eventfd', 'fdopendir', 'getaddrinfo', 'hardlinks', 'largefile', 'mkfifo',
                                 'mknod', 'pipe', 'pty', 'readelf', 'rlimit', 'unix-sockets']
assert rows.hardlinks == ['disabled (pom)', 'os.link (link, linkat)', "ac_cv_func_link='no' ac_cv_func_linkat='no'"]
assert rows.pty == ['enabled (pom)', 'pseudo-terminals (/dev/ptmx, /dev/ptc, os.openpty, pty.fork)',
                    "ac_cv_file__dev_ptmx='no' ac_cv_file__dev_ptc='no'"]
assert rows.accept == ['enabled', 'socket.accept (accept, accept4)', "ac_cv_func_accept='no' ac_cv_func_accept4='no'"]
assert rows.mknod == ['disabled', 'os.mknod, os.mknodat and os.makedev (device and special files)',
                      "ac_cv_func_mknod='no' ac_cv_func_mknodat='no' ac_cv_func_makedev='no'"]
assert rows.readelf[2] == "ac_cv_prog_ac_ct_READELF='true'"
assert whenEnabled == [eventfd: 'cannot be enabled on a cross build',
                       getaddrinfo: "enabled: ac_cv_buggy_getaddrinfo='no'",
                       pty: "enabled: ac_cv_file__dev_ptmx='yes' ac_cv_file__dev_ptc='no'",
                       readelf: 'cannot be enabled on a cross build']
assert rows.largefile == ['enabled', 'large file support (_FILE_OFFSET_BITS probing, HAVE_LARGEFILE_SUPPORT)',
                          'configure --disable-largefile']
// The Emscripten-only features are not offered on WASI.
assert !rows.containsKey('signals') && !rows.containsKey('posix-spawn')

// Second run: command-line properties, Emscripten, CPython 3.14 from <pythonVersion>.
int head2 = site.assertLogLine(log, 'INFO', 'Features for wasm32-emscripten (target emscripten-node), CPython 3.14.0 (<pythonVersion> 3.14, its newest known release):')
assert head2 > head
List<String> second = log.subList(head2, log.size())
assert second.any { it ==~ /\[INFO\]   signals +disabled +signal handling beyond the basics.*/ }
assert second.contains('[INFO]' + ' ' * 36 + "ac_cv_func_sigaction='no' ac_cv_func_setitimer='no' ac_cv_func_alarm='no'")
// eventfd is refused on WASI only: Emscripten links it.
int eventfdRow = second.findIndexOf { it ==~ /\[INFO\]   eventfd .*/ }
assert eventfdRow > 0 && !second[eventfdRow + 2].contains('cannot be enabled')
// readelf and ioctl write nothing for 3.14 on Emscripten, so they are not listed.
assert !second.any { it ==~ /\[INFO\]   (readelf|ioctl) .*/ }
assert second.contains('[INFO] 25 disabled, 1 enabled; switch them with <disable>/<enable> or -Dwasm.disable=… / -Dwasm.enable=…')

// Listing writes nothing.
assert !new File(basedir, 'target').exists()
return true
