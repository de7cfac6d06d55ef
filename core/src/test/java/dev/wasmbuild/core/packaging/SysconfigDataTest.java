package dev.wasmbuild.core.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysconfigDataTest {

    /** pprint's wrapping of one value, as CPython 3.11 writes it, for a build in {@code dir}. */
    private static String wrapped(String dir) {
        return "# system configuration generated and used by the sysconfig module\n"
                + "build_time_vars = {'ABIFLAGS': '',\n"
                + " 'CONFIG_ARGS': \"'-C' '--host=wasm32-unknown-wasi' \"\n"
                + "                \"'CFLAGS=-ffile-prefix-map=" + dir + "=/cpython/build' \"\n"
                + "                \"'PKG_CONFIG_PATH='\",\n"
                + " 'HOSTRUNNER': 'node --no-warnings " + dir + "/wasi-run.mjs '\n"
                + "               '--map /::" + dir + " --env '\n"
                + "               'PYTHONPATH=/$(shell cat pybuilddir.txt) --',\n"
                + " 'SIZEOF_INT': 4}\n";
    }

    /** The same values with the wrap points elsewhere, as a longer or shorter path would give. */
    private static String wrappedElsewhere(String dir) {
        return "# system configuration generated and used by the sysconfig module\n"
                + "build_time_vars = {'ABIFLAGS': '',\n"
                + " 'CONFIG_ARGS': \"'-C' \"\n"
                + "                \"'--host=wasm32-unknown-wasi' 'CFLAGS=-ffile-prefix-map=" + dir
                + "=/cpython/build' 'PKG_CONFIG_PATH='\",\n"
                + " 'HOSTRUNNER': 'node --no-warnings '\n"
                + "               '" + dir + "/wasi-run.mjs --map /::" + dir + " --env PYTHONPATH=/$(shell cat '\n"
                + "               'pybuilddir.txt) --',\n"
                + " 'SIZEOF_INT': 4}\n";
    }

    @Test
    void wrapPointsLeaveNoTrace() {
        String one = SysconfigData.normalize(wrapped("/p/one/target/wasm/wasi"), "/p/one/target/wasm/wasi", "/src")
                .orElseThrow();
        String two = SysconfigData.normalize(wrappedElsewhere("/p/two/deeper/target/wasm/wasi"),
                "/p/two/deeper/target/wasm/wasi", "/src").orElseThrow();
        assertEquals(one, two);
        assertTrue(one.contains("'HOSTRUNNER': 'node --no-warnings /cpython/build/wasi-run.mjs --map /::/cpython/build"
                + " --env PYTHONPATH=/$(shell cat pybuilddir.txt) --',"), one);
        // Quotes inside choose the other quote, as repr() does.
        assertTrue(one.contains("'CONFIG_ARGS': \"'-C' '--host=wasm32-unknown-wasi'"), one);
        assertTrue(one.startsWith("# system configuration generated and used by the sysconfig module\n"), one);
        assertTrue(one.contains(" 'SIZEOF_INT': 4}"), one);
        assertNotEquals(wrapped("/x"), one);
    }

    @Test
    void escapesRoundTrip() {
        String text = "x = {'A': 'tab\\there \\\\ back\\nline \\'q\\' \\x07 \\u00e9'}\n";
        String out = SysconfigData.normalize(text, "/b", "/s").orElseThrow();
        // It holds ' and no ": double quotes, as repr() chooses.
        assertEquals("x = {'A': \"tab\\there \\\\ back\\nline 'q' \\x07 \u00e9\"}\n", out);
    }

    @Test
    void whatItCannotReadIsLeftToThePlainReplacement() {
        assertEquals(Optional.empty(), SysconfigData.normalize("x = 'unterminated\n", "/b", "/s"));
        assertEquals(Optional.empty(), SysconfigData.normalize("x = '\\N{DASH}'", "/b", "/s"));
    }

    @Test
    void realPprintOutputFromTwoDirectoriesPackagesTheSame(@TempDir Path tmp) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs python3 for pprint");
        String program = String.join("\n",
                "import pprint, sys",
                "d = sys.argv[1]",
                "v = {'ABIFLAGS': '', 'CONFIG_ARGS': \"'--host=wasm32-unknown-wasi' 'CFLAGS=-ffile-prefix-map=\" + d",
                "     + \"=/cpython/build -O2' 'CC=clang --sysroot=/opt/sysroot'\",",
                "     'HOSTRUNNER': 'node --stack-size=2000 ' + d + '/wasi-run.mjs --map /::' + d + ' --map /usr/local/lib::'",
                "     + d + '/Lib --env PYTHONPATH=/$(shell cat pybuilddir.txt) --', 'SIZEOF_INT': 4, 'X': 'caf\\u00e9 \\t'}",
                "with open(sys.argv[2], 'w') as f:",
                "    f.write('build_time_vars = ')",
                "    pprint.pprint(v, stream=f)",
                "");
        Path script = tmp.resolve("write.py");
        Files.writeString(script, program);
        String shortDir = "/p/a/target/wasm/wasi";
        String longDir = "/p/bb/cccccccccccc/dddddddddddddddd/eeeeeeeeeeeeeeeeeeeeeeeee/target/wasm/wasi";
        Path one = tmp.resolve("one.py");
        Path two = tmp.resolve("two.py");
        run(List.of(python.toString(), script.toString(), shortDir, one.toString()), tmp);
        run(List.of(python.toString(), script.toString(), longDir, two.toString()), tmp);
        String a = SysconfigData.normalize(Files.readString(one), shortDir, "/src").orElseThrow();
        String b = SysconfigData.normalize(Files.readString(two), longDir, "/src").orElseThrow();
        assertEquals(a, b);
        // Python reads the packaged file back to the same values, with the directory replaced.
        Path packaged = tmp.resolve("packaged.py");
        Files.writeString(packaged, a);
        Path check = tmp.resolve("check.py");
        Files.writeString(check, String.join("\n",
                "import sys",
                "ns = {}",
                "exec(open(sys.argv[1]).read(), ns)",
                "v = ns['build_time_vars']",
                "assert v['HOSTRUNNER'].startswith('node --stack-size=2000 /cpython/build/wasi-run.mjs --map /::/cpython/build '), v",
                "assert v['X'] == 'caf\\u00e9 \\t', v",
                "assert v['SIZEOF_INT'] == 4",
                "print('ok')",
                ""));
        assertEquals("ok", run(List.of(python.toString(), check.toString(), packaged.toString()), tmp).strip());
    }

    private static String run(List<String> command, Path dir) throws Exception {
        ProcessExecutor.Captured result = ProcessExecutor.capture(
                new Command(command, dir, Map.of("PATH", "/usr/bin:/bin")), Duration.ofMinutes(1));
        assertEquals(0, result.exitCode(), command + ": " + result.output());
        return result.output();
    }
}
