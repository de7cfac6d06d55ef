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
     * Feature ids to disable on top of the defaults (which reproduce upstream's site file of the
     * CPython release). {@code mvn wasm:features} lists the ids of a target and release; an id that
     * does not exist there is refused, naming the valid ones and where it does exist. An id may
     * not be in both disable and enable. Comma-separated as a property
     * ({@code -Dwasm.disable=hardlinks,accept}). Default: none.
     * <pre>{@code
     * <disable>
     *   <feature>hardlinks</feature>
     * </disable>
     * }</pre>
     */
    @Parameter(property = "wasm.disable")
    private List<String> disable;

    /**
     * Feature ids to enable although they are off by default. Where a cross build cannot run the
     * probe, enabling writes the positive answer (for {@code pty}, {@code ac_cv_file__dev_ptmx=yes});
     * a feature no answer can enable ({@code readelf}; {@code eventfd} on wasi) is refused with the
     * reason. Comma-separated as a property. Default: none.
     * <pre>{@code
     * <enable>
     *   <feature>pty</feature>
     * </enable>
     * }</pre>
     */
    @Parameter(property = "wasm.enable")
    private List<String> enable;

    /**
     * Extension modules to switch off ({@code py_cv_module_<name>=n/a}), by the names the
     * release's configure knows (e.g. {@code zlib}, {@code _bz2}, {@code _lzma}, {@code _sqlite3});
     * an unknown name is refused with the valid ones. In 3.11, setup.py rather than configure builds
     * {@code _curses}, {@code _curses_panel}, {@code _dbm} and {@code readline}, so switching them
     * off there is refused. emscripten-browser refuses {@code zlib}: its stdlib zip needs it.
     * Comma-separated as a property. Default: none.
     * <pre>{@code
     * <disableModules>
     *   <module>_sqlite3</module>
     * </disableModules>
     * }</pre>
     */
    @Parameter(property = "wasm.disableModules")
    private List<String> disableModules;

    /**
     * Raw autoconf cache variables, written last so they win over the features and over answers
     * the plugin supplies for a toolchain. Names must match {@code [A-Za-z_][A-Za-z0-9_]*}; values
     * are single-quoted in the file, byte for byte, never interpreted by a shell. Default: none.
     * <pre>{@code
     * <cacheVariables>
     *   <ac_cv_func_dup3>no</ac_cv_func_dup3>
     * </cacheVariables>
     * }</pre>
     */
    @Parameter
    private Map<String, String> cacheVariables;

    /**
     * A FreeMarker template of your own to render the site file with, instead of the bundled
     * {@code config-site.ftl}. Templates get a model of plain strings, values already quoted, and
     * cannot reach Java classes ({@code ?new} and {@code ?api} are off). Default: the bundled
     * template.
     */
    @Parameter(property = "wasm.template")
    private File template;

    /**
     * The CPython release when no source is given: a release the catalogue knows (such as
     * {@code 3.11.2}, {@code 3.13.5}), or a minor version ({@code 3.11}, {@code 3.12}, {@code 3.13},
     * {@code 3.14}) meaning the newest release of it the catalogue knows ({@code 3.11} is 3.11.9,
     * {@code 3.13} is 3.13.15). The site file's header names the release. Ignored when
     * sourceDirectory or sourceArchive is set: the source's {@code Include/patchlevel.h} decides.
     * Default: 3.13, that is 3.13.15: the newest minor version the demo builds, so that a new
     * user's first site file is for a current CPython.
     */
    @Parameter(property = "wasm.pythonVersion", defaultValue = "3.13")
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
