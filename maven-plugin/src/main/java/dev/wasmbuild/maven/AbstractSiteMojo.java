package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.site.ConfigSiteGenerator;
import dev.wasmbuild.core.site.SiteRequest;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The switches that decide a site file's content (see wasm:features for the catalogue). */
public abstract class AbstractSiteMojo extends AbstractTargetMojo {

    /**
     * Feature ids to disable on top of the defaults, e.g. {@code hardlinks}, {@code accept};
     * comma-separated as a property. {@code mvn wasm:features} lists the ids of a target and
     * CPython version; an id that does not exist there is refused with the valid ones. An id
     * may not be in both disable and enable.
     */
    @Parameter(property = "wasm.disable")
    private List<String> disable;

    /**
     * Feature ids to enable although they are off by default (e.g. {@code pty}). Enabling a
     * feature whose probe a cross build cannot run writes the positive answer.
     */
    @Parameter(property = "wasm.enable")
    private List<String> enable;

    /**
     * Extension modules to switch off ({@code py_cv_module_<name>=n/a}), e.g. {@code zlib},
     * {@code _bz2}, {@code _sqlite3}; the names the CPython version's configure knows.
     */
    @Parameter(property = "wasm.disableModules")
    private List<String> disableModules;

    /**
     * Raw autoconf cache variables, e.g. {@code <ac_cv_func_dup3>no</ac_cv_func_dup3>}, written
     * last so they win over the features. Names must match {@code [A-Za-z_][A-Za-z0-9_]*};
     * values are single-quoted in the file, never interpreted by a shell.
     */
    @Parameter
    private Map<String, String> cacheVariables;

    /**
     * A FreeMarker template of your own to render the site file with. Default: the bundled
     * config-site.ftl. Templates get plain strings, already quoted; ?new and ?api are off.
     */
    @Parameter(property = "wasm.template")
    private File template;

    /**
     * The CPython release when no source is given: a release such as {@code 3.13.5}, or a minor
     * version ({@code 3.11} … {@code 3.14}) meaning the newest release of it the catalogue knows
     * (3.11 → 3.11.9, 3.13 → 3.13.15). Default: 3.11. Ignored when sourceDirectory or
     * sourceArchive is set: the source's Include/patchlevel.h decides.
     */
    @Parameter(property = "wasm.pythonVersion", defaultValue = "3.11")
    private String pythonVersion;

    /** The site request for a source already checked (or none, to go by pythonVersion). */
    protected final SiteRequest siteRequest(CPythonSource source) throws ConfigurationException {
        return new SiteRequest(target(), source, pythonVersion, disable, enable, disableModules, cacheVariables,
                template == null ? null : absolute(template));
    }

    protected final ConfigSiteGenerator siteGenerator() {
        return new ConfigSiteGenerator(CatalogueLoader.loadBundled(), pluginVersion());
    }
}
