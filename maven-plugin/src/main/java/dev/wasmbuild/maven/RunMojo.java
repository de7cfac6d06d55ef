package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.run.ArgumentLine;
import dev.wasmbuild.core.run.ChicoryRunner;
import dev.wasmbuild.core.process.ForegroundProcess;
import dev.wasmbuild.core.process.RunCommand;
import dev.wasmbuild.core.launch.RunnerKind;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Runs the built interpreter with arguments; its output and exit status pass through. */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractTargetMojo {

    /** Interpreter arguments, one per element. */
    @Parameter
    private List<String> args;

    /** Interpreter arguments as one command line, split like a shell would (no shell runs); wins over args. */
    @Parameter(property = "wasm.args")
    private String argumentLine;

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        List<String> arguments = argumentLine != null ? ArgumentLine.split(argumentLine, "args")
                : args == null ? List.of() : args;
        RunnerKind kind = runnerKind();
        if (kind == RunnerKind.CHICORY) {
            getLog().info("Running " + target() + " CPython in this JVM with Chicory: python "
                    + String.join(" ", arguments));
            check(ChicoryRunner.run(layout(), project.getBasedir().toPath(), arguments, System.in, System.out,
                    System.err), "runner chicory, in Maven's JVM");
            return;
        }
        RunCommand command = hostRunners().command(kind, layout(), project.getBasedir().toPath(), arguments);
        getLog().info("Running " + target() + " CPython with " + kind.name().toLowerCase() + ": "
                + String.join(" ", command.command()));
        check(ForegroundProcess.run(command, processEnvironment()), "command: " + String.join(" ", command.command())
                + ", directory: " + command.directory());
    }

    private static void check(int status, String what) throws WasmBuildException {
        if (status != 0) {
            throw new WasmBuildException("python exited with status " + status + " (" + what + ")");
        }
    }
}
