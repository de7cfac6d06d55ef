package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.configure.BuildOptions;
import dev.wasmbuild.core.site.SiteRequest;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Path;

/**
 * Everything a cross build of one target is made from, parsed once by the front end (the
 * target a {@link Target}, the source opened or read from its archive, paths absolute) and only
 * read by the core. {@link CrossBuild#prepare} checks what the catalogue and the toolchain
 * decide before any process starts.
 *
 * @param site the site file's switches, with the target and the source
 * @param buildDirectory the out-of-tree build directory of this target
 * @param options how CPython is built (linking, threads, debug, configure arguments, make jobs)
 * @param host the machine's side: the tool cache, the environment, the runner
 * @param pluginVersion part of the configure fingerprint
 */
public record BuildRequest(SiteRequest site, Path buildDirectory, BuildOptions options, HostSettings host,
        String pluginVersion) {

    public Target target() {
        return site.target();
    }

    /** The source, possibly still in its archive: {@link CrossBuild#configure} unpacks it. */
    public CPythonSource source() {
        return site.source();
    }
}
