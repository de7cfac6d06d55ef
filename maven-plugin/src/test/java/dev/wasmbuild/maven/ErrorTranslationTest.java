package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.CatalogueException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the core's exceptions reach the user: configuration errors as MojoExecutionException
 * naming the pom element, build failures as MojoFailureException, each text said once.
 */
class ErrorTranslationTest {

    /** A goal that fails with whatever it is given. */
    static final class FailingMojo extends AbstractWasmMojo {
        private final Exception failure;

        FailingMojo(Exception failure) {
            this.failure = failure;
        }

        @Override
        protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
            if (failure instanceof ConfigurationException e) {
                throw e;
            }
            if (failure instanceof WasmBuildException e) {
                throw e;
            }
            if (failure instanceof InterruptedException e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }
    }

    private static AbstractWasmMojo failingWith(Exception e) {
        return Mojos.prepared(new FailingMojo(e), "build", new RecordingLog());
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aConfigurationErrorNamesTheElementFirstAndRendersOtherSettings() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> failingWith(
                new ConfigurationException(Setting.DISABLE, "'pty' is also in " + Setting.ENABLE + "; remove it from one of them"))
                .execute());
        assertEquals("<disable>: 'pty' is also in <enable>; remove it from one of them", e.getMessage());
        // Not chained: Maven prints a cause's message too, which would repeat the core's wording.
        assertNull(e.getCause());
        assertEquals(1, occurrences(e.getMessage(), "is also in"));
    }

    @Test
    void aBuildFailureBecomesMojoFailureExceptionKeepingItsCause() {
        IOException io = new IOException("disk full");
        WasmBuildException core = new WasmBuildException("cannot write python.zip: disk full", io);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> failingWith(core).execute());
        assertEquals("cannot write python.zip: disk full", e.getMessage());
        assertSame(core, e.getCause());
    }

    @Test
    void aBuildFailureMentioningASettingIsRenderedAndNotChainedToItsOwnWording() {
        IOException io = new IOException("no such file");
        WasmBuildException core = new WasmBuildException("set {sourceDirectory} to a CPython checkout", io);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> failingWith(core).execute());
        assertEquals("set <sourceDirectory> to a CPython checkout", e.getMessage());
        // The core exception (with the {name} wording) is skipped; its own cause is kept.
        assertSame(io, e.getCause());
    }

    @Test
    void aBrokenCatalogueIsThePluginsFaultNotTheBuilds() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> failingWith(new CatalogueException("feature 'x' has no probe")).execute());
        assertEquals("The plugin's feature catalogue is broken: feature 'x' has no probe", e.getMessage());
    }

    @Test
    void anInterruptNamesTheGoalAndKeepsTheThreadInterrupted() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> failingWith(new InterruptedException()).execute());
        assertEquals("wasm:build was interrupted", e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void otherRuntimeExceptionsPassThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> failingWith(bug).execute()));
    }
}
