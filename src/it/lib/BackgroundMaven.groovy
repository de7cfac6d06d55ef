// Shared by the ITs that need a second Maven run beside the invoker's own (configure-sigterm,
// configure-concurrent): it is started like the invoker starts its builds (same settings and
// local repository) but in the background, so a script can watch it, signal it or race it.

import java.nio.file.Files
import java.nio.file.Path

class BackgroundMaven {

    /** @param localRepository the invoker's localRepositoryPath (a File or a String) */
    static Process start(File basedir, localRepository, File log, List<String> goals) {
        def mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
        // The invoker writes the settings it gives every IT next to the cloned projects.
        def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
        assert settings.isFile() : "no ${settings}"
        def cmd = [mvn.path, '-B', '-s', settings.path, "-Dmaven.repo.local=${new File(localRepository.toString()).path}".toString()] + goals
        return new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).redirectOutput(log).start()
    }

    /** Polls every 100 ms until the condition holds; false if it did not within the limit. */
    static boolean waitUntil(long seconds, Closure<Boolean> condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L
        while (System.nanoTime() < end) {
            if (condition()) {
                return true
            }
            Thread.sleep(100)
        }
        return condition()
    }

    /**
     * The running processes that work in {@code dir}: their working directory is in it, or
     * their command line names it (what pgrep -f would find). Zombies do not count: they run
     * nothing and only wait for a parent to reap them.
     */
    static List<String> processesIn(File dir) {
        String root = dir.canonicalPath
        List<String> found = []
        new File('/proc').listFiles().findAll { it.name ==~ /\d+/ && it.name != "${ProcessHandle.current().pid()}" }.each { p ->
            try {
                String stat = new File(p, 'stat').text
                if (stat.charAt(stat.lastIndexOf(')') + 2) in ['Z' as char, 'X' as char]) {
                    return
                }
                String cwd = ''
                try {
                    cwd = Files.readSymbolicLink(Path.of(p.path, 'cwd')).toString()
                } catch (IOException ignored) {
                    // gone, or not ours to look at
                }
                String cmdline = new File(p, 'cmdline').text.replace('\u0000' as char, ' ' as char).trim()
                if (cwd == root || cwd.startsWith(root + '/') || cmdline.contains(root)) {
                    found << "${p.name} (in ${cwd}): ${cmdline}".toString()
                }
            } catch (IOException ignored) {
                // the process ended while being looked at
            }
        }
        return found
    }

    /** Ends what a failed check left running, so an IT never leaves a build behind. */
    static void killAll(List<String> processes) {
        processes.each { line ->
            ProcessHandle.of(Long.parseLong(line.substring(0, line.indexOf(' ')))).ifPresent { it.destroyForcibly() }
        }
    }
}
