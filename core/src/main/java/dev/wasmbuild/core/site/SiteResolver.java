package dev.wasmbuild.core.site;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.CacheVariable;
import dev.wasmbuild.core.catalogue.Catalogue;
import dev.wasmbuild.core.catalogue.ConfigureArgument;
import dev.wasmbuild.core.catalogue.Feature;
import dev.wasmbuild.core.catalogue.ModuleNote;
import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Suggestions;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.catalogue.VersionRange;
import dev.wasmbuild.core.shell.ShellSyntax;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks a {@link SiteRequest} against the catalogue and turns it into a {@link SitePlan}. */
public final class SiteResolver {
    private final Catalogue catalogue;

    public SiteResolver(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every switch checked, in the order a user fixes them: the version, the features, the modules, the rest. */
    public SitePlan resolve(SiteRequest request) throws ConfigurationException {
        Target target = request.target();
        Platform platform = target.platform();
        CPythonSource source = request.source();
        VersionChoice version = source != null ? versionOf(source) : versionOf(request.pythonVersion());
        PythonRelease release = version.release();
        List<Feature> applicable = catalogue.featuresFor(platform, release);
        SortedSet<String> disable = featureIds(request.disable(), Setting.DISABLE, platform, release, applicable);
        SortedSet<String> enable = featureIds(request.enable(), Setting.ENABLE, platform, release, applicable);
        requireEnablable(enable, disable, platform, release);

        List<Feature> disabled = new ArrayList<>();
        List<Feature> enabled = new ArrayList<>();
        for (Feature f : applicable) {
            boolean off = disable.contains(f.id()) || (f.disabledByDefaultOn(platform) && !enable.contains(f.id()));
            (off ? disabled : enabled).add(f);
        }
        SortedSet<String> modules = modules(request.disableModules(),
                source != null ? source.moduleSwitches() : catalogue.moduleNamesFor(release), release);
        SortedMap<String, String> variables = cacheVariables(request.cacheVariables());
        requireReadableTemplate(request.template());
        return new SitePlan(target, release, version.from(), List.copyOf(disabled), List.copyOf(enabled),
                disable, enable, modules, variables, request.template());
    }

    /** The release to build, and where it was read from (for the log). */
    private record VersionChoice(PythonRelease release, String from) {
    }

    /** A source's own version: its Include/patchlevel.h decides. */
    private VersionChoice versionOf(CPythonSource source) throws ConfigurationException {
        requireSupported(source.version(), source.element());
        return new VersionChoice(source.release(source.element()), "PY_VERSION in " + source.patchLevelHeader());
    }

    /** Without a source: pythonVersion, a release, or a minor version meaning its newest known release. */
    private VersionChoice versionOf(String pythonVersion) throws ConfigurationException {
        PythonRelease release = PythonRelease.parseOrNull(pythonVersion);
        if (release != null) {
            requireSupported(release.minorVersion(), Setting.PYTHON_VERSION);
            return new VersionChoice(release, "" + Setting.PYTHON_VERSION);
        }
        PythonVersion minor = PythonVersion.parseOrNull(pythonVersion);
        if (minor == null || pythonVersion.trim().split("\\.").length != 2) {
            throw new ConfigurationException(Setting.PYTHON_VERSION, "'" + pythonVersion
                    + "' is not a CPython version; write a minor version (3.13: its newest release the"
                    + " catalogue knows) or a release (3.13.5); supported versions: " + supportedVersions());
        }
        requireSupported(minor, Setting.PYTHON_VERSION);
        return new VersionChoice(catalogue.newestKnown(minor).orElseThrow(),
                Setting.PYTHON_VERSION + " " + minor + ", its newest known release");
    }

    /** Enabled features must be enablable on a cross build, and in only one of the two lists. */
    private void requireEnablable(SortedSet<String> enable, SortedSet<String> disable, Platform platform,
            PythonRelease release) throws ConfigurationException {
        for (String id : enable) {
            Feature f = catalogue.feature(id).orElseThrow();
            if (f.enableRefusal(platform).isPresent()) {
                throw new ConfigurationException(Setting.ENABLE, "feature '" + id + "' cannot be enabled for " + platform
                        + " (CPython " + release + "): " + f.enableRefusal(platform).get()
                        + " Leave it disabled, or set its variables yourself in " + Setting.CACHE_VARIABLES + ".");
            }
        }
        for (String id : disable) {
            if (enable.contains(id)) {
                throw new ConfigurationException(Setting.ENABLE, "feature '" + id + "' is listed in both "
                        + Setting.ENABLE + " and " + Setting.DISABLE + "; keep it in one of them");
            }
        }
    }

    /** disableModules, each one a module configure can switch off in this release. */
    private SortedSet<String> modules(List<String> requested, SortedSet<String> knownModules, PythonRelease release)
            throws ConfigurationException {
        SortedSet<String> modules = new TreeSet<>();
        for (String m : clean(requested)) {
            if (!knownModules.contains(m)) {
                Optional<ModuleNote> note = catalogue.moduleNote(m, release);
                if (note.isPresent()) {
                    throw new ConfigurationException(Setting.DISABLE_MODULES, "'" + m + "' cannot be switched off in the"
                            + " site file for CPython " + release + ": " + note.get().reason() + "; py_cv_module_" + m
                            + " would change nothing.");
                }
                throw new ConfigurationException(Setting.DISABLE_MODULES, "unknown extension module '" + m + "' for CPython "
                        + release + "." + hint(m, knownModules) + " Modules configure can switch off: "
                        + String.join(", ", knownModules));
            }
            modules.add(m);
        }
        return modules;
    }

    /** cacheVariables, with names a shell accepts and values without NUL. */
    private static SortedMap<String, String> cacheVariables(Map<String, String> given) throws ConfigurationException {
        SortedMap<String, String> variables = new TreeMap<>();
        if (given == null) {
            return variables;
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey();
            if (!ShellSyntax.isValidName(name)) {
                throw new ConfigurationException(Setting.CACHE_VARIABLES, "'" + name
                        + "' is not a valid variable name; names match [A-Za-z_][A-Za-z0-9_]*, e.g. ac_cv_func_dup3");
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.indexOf('\0') >= 0) {
                throw new ConfigurationException(Setting.CACHE_VARIABLES, "the value of " + name + " contains a NUL character");
            }
            variables.put(name, value);
        }
        return variables;
    }

    private static void requireReadableTemplate(Path template) throws ConfigurationException {
        if (template != null && !(Files.isRegularFile(template) && Files.isReadable(template))) {
            throw new ConfigurationException(Setting.TEMPLATE, "cannot read " + template
                    + "; give the path of a readable FreeMarker (.ftl) file, or leave " + Setting.TEMPLATE + " out for the default");
        }
    }

    private SortedSet<String> featureIds(List<String> ids, Setting element, Platform platform, PythonRelease release,
            List<Feature> applicable) throws ConfigurationException {
        List<String> valid = applicable.stream().map(Feature::id).toList();
        String validList = " Features for " + platform + " (CPython " + release + "): " + String.join(", ", valid);
        SortedSet<String> result = new TreeSet<>();
        for (String id : clean(ids)) {
            Feature f = catalogue.feature(id).orElse(null);
            if (f == null) {
                throw new ConfigurationException(element, "unknown feature '" + id + "'." + hint(id, valid) + validList);
            }
            if (!valid.contains(id)) {
                if (!f.platforms().contains(platform)) {
                    String where = f.platforms().stream().map(Platform::id).collect(Collectors.joining(", "));
                    throw new ConfigurationException(element, "feature '" + id + "' does not exist on " + platform
                            + " (it belongs to " + where + ")." + validList);
                }
                throw new ConfigurationException(element, "feature '" + id + "' is not in CPython " + release
                        + "'s site files for " + platform + "; " + whenItExists(f, platform, release) + "." + validList);
            }
            result.add(id);
        }
        return result;
    }

    /**
     * Where a feature of the platform is to be found instead: the next release the catalogue
     * knows that has it, or else the last version its entries cover.
     */
    private String whenItExists(Feature f, Platform platform, PythonRelease release) {
        Optional<PythonRelease> later = catalogue.releases().stream()
                .filter(r -> r.compareTo(release) > 0 && f.appliesTo(platform, r))
                .findFirst();
        if (later.isPresent()) {
            return "it appears in " + later.get();
        }
        Stream<VersionRange> ranges = Stream.concat(
                f.variables().stream().filter(v -> v.platforms().contains(platform)).map(CacheVariable::versions),
                f.configureArguments().stream().filter(a -> a.platforms().contains(platform))
                        .map(ConfigureArgument::versions));
        return ranges.map(VersionRange::to).filter(Objects::nonNull).max(PythonRelease::compareTo)
                .map(to -> "the site files have it up to CPython " + to)
                .orElse("the catalogue has it for other releases");
    }

    private void requireSupported(PythonVersion version, Setting element) throws ConfigurationException {
        if (!catalogue.supports(version)) {
            throw new ConfigurationException(element, "CPython " + version
                    + " is not in the feature catalogue; supported versions: " + supportedVersions());
        }
    }

    private String supportedVersions() {
        return catalogue.versions().stream().map(PythonVersion::toString).collect(Collectors.joining(", "));
    }

    private static String hint(String typed, Collection<String> valid) {
        return Suggestions.nearest(typed, valid).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    /** Pom lists and comma-separated properties both arrive here; blanks are not ids. */
    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
