import dev.wasmbuild.python.Python;
import java.io.ByteArrayOutputStream;

/**
 * A Java program that depends on the python jar and calls Python.run several times in one JVM:
 * prints the seconds of each call (a fresh interpreter each time; the parsed module and the
 * loaded classes are kept, and HotSpot warms up across calls). Run by bench/chicory-bench.sh as
 * {@code java -cp <python jar> bench/WarmCalls.java CALLS CODE}.
 */
public final class WarmCalls {
    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        for (int i = 1; i <= calls; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int status = Python.run(out, System.err, "-c", args[1]);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status != 0) {
                throw new IllegalStateException("call " + i + " exited with status " + status);
            }
            System.out.printf("%d %.2f%n", i, seconds);
        }
    }
}
