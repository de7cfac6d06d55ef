package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.run.ArgumentLine;
import dev.wasmbuild.core.run.GuestRun;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Runs the built interpreter with arguments; its output and exit status pass through, a non-zero status fails the goal. */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractToolMojo {

    /**
     * Interpreter arguments, one per element. argumentLine ({@code -Dwasm.args}) wins over them.
     * Default: none, which starts the interactive interpreter.
     * <pre>{@code
     * <args>
     *   <arg>-c</arg>
     *   <arg>print(6*7)</arg>
     * </args>
     * }</pre>
     */
    @Parameter
    private List<String> args;

    /**
     * Interpreter arguments as one command line, e.g. {@code -Dwasm.args="-c 'print(6*7)'"}:
     * split like a shell would (quotes, backslashes), but no shell runs. Wins over args.
     * Default: none.
     */
    @Parameter(property = "wasm.args")
    private String argumentLine;

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        List<String> arguments = argumentLine != null ? ArgumentLine.split(argumentLine, Setting.ARGS)
                : args == null ? List.of() : args;
        GuestRun python = GuestRun.of(builtLayout(), tools().runner(), tools().processEnvironment());
        Path root = project.getBasedir() == null ? Path.of("").toAbsolutePath() : project.getBasedir().toPath();
        String how = python.describe(root, arguments);
        info("Running " + target() + " CPython: " + how);
        int status = python.attach(root, arguments);
        if (status != 0) {
            throw new WasmBuildException("python exited with status " + status + " (" + how + ", directory: "
                    + root + ")");
        }
    }
}
