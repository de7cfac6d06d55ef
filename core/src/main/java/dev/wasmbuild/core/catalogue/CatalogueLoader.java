package dev.wasmbuild.core.catalogue;

import dev.wasmbuild.core.shell.ShellSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads features.yaml and modules.yaml. The catalogue is data that people edit by hand, so
 * every mistake is reported with the feature it is in rather than surfacing later as a broken
 * site file.
 */
public final class CatalogueLoader {
    public static final String RESOURCE_ROOT = "/dev/wasmbuild/templates/";
    private static final Pattern FEATURE_ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CatalogueLoader() {
    }

    /** The catalogue packaged in the plugin jar. */
    public static Catalogue loadBundled() {
        try (InputStream features = open("features.yaml"); InputStream modules = open("modules.yaml")) {
            return load(features, modules);
        } catch (IOException e) {
            throw new IllegalStateException("the plugin's bundled catalogue cannot be read", e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = CatalogueLoader.class.getResourceAsStream(RESOURCE_ROOT + name);
        if (in == null) {
            throw new IOException(RESOURCE_ROOT + name + " is missing from the plugin jar");
        }
        return in;
    }

    public static Catalogue load(InputStream features, InputStream modules) {
        Map<String, Object> f = parse(features, "features.yaml");
        Map<String, Object> m = parse(modules, "modules.yaml");
        keys(f, "features.yaml", "releases", "features");
        keys(m, "modules.yaml", "modules", "notSwitchable");
        List<PythonRelease> releases = new ArrayList<>();
        for (String v : stringList(f, "releases", "features.yaml")) {
            PythonRelease r = PythonRelease.parseOrNull(v);
            if (r == null || !r.text().equals(r.major() + "." + r.minor() + "." + r.patch())) {
                throw new CatalogueException("features.yaml: releases: '" + v + "' is not a release like 3.11.2");
            }
            if (!releases.isEmpty() && releases.get(releases.size() - 1).compareTo(r) >= 0) {
                throw new CatalogueException("features.yaml: releases: list them oldest first, once each ('" + v
                        + "' comes after " + releases.get(releases.size() - 1) + ")");
            }
            releases.add(r);
        }
        List<Feature> featureList = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> entry : mapList(f, "features", "features.yaml")) {
            Feature feature = feature(entry);
            if (!seen.add(feature.id())) {
                throw new CatalogueException("features.yaml: feature '" + feature.id() + "' is defined twice");
            }
            featureList.add(feature);
        }
        List<Module> moduleList = new ArrayList<>();
        for (Map<String, Object> entry : mapList(m, "modules", "modules.yaml")) {
            keys(entry, "modules.yaml: " + entry.get("name"), "name", "versions");
            moduleList.add(new Module(moduleName(entry), range(entry, "modules.yaml: " + entry.get("name"))));
        }
        List<ModuleNote> notes = new ArrayList<>();
        for (Map<String, Object> entry : optionalMapList(m, "notSwitchable", "modules.yaml")) {
            String where = "modules.yaml: notSwitchable: " + entry.get("name");
            keys(entry, where, "name", "versions", "reason");
            notes.add(new ModuleNote(moduleName(entry), range(entry, where),
                    singleLine(string(entry, "reason", where).trim(), where + ": reason")));
        }
        return new Catalogue(List.copyOf(releases), List.copyOf(featureList), List.copyOf(moduleList),
                List.copyOf(notes));
    }

    private static String moduleName(Map<String, Object> entry) {
        String name = string(entry, "name", "modules.yaml");
        if (!MODULE_NAME.matcher(name).matches()) {
            throw new CatalogueException("modules.yaml: '" + name + "' is not a module name");
        }
        return name;
    }

    private static Feature feature(Map<String, Object> e) {
        String id = string(e, "id", "features.yaml");
        String where = "features.yaml: feature '" + id + "'";
        keys(e, where, "id", "summary", "reason", "platforms", "disabledByDefault", "variables", "configure",
                "cannotEnable", "cannotEnableOn");
        if (!FEATURE_ID.matcher(id).matches()) {
            throw new CatalogueException(where + ": ids are lower case words joined by '-'");
        }
        String summary = singleLine(string(e, "summary", where), where + ": summary");
        String reason = string(e, "reason", where).trim();
        Set<Platform> platforms = platforms(stringList(e, "platforms", where), where + ": platforms");
        Set<Platform> off = platforms(stringList(e, "disabledByDefault", where), where + ": disabledByDefault");
        if (!platforms.containsAll(off)) {
            throw new CatalogueException(where + ": disabledByDefault names a platform not in platforms");
        }
        List<CacheVariable> variables = new ArrayList<>();
        for (Map<String, Object> v : optionalMapList(e, "variables", where)) {
            String name = string(v, "var", where);
            keys(v, where + ": " + name, "var", "value", "enabled", "platforms", "versions");
            if (!ShellSyntax.isValidName(name)) {
                throw new CatalogueException(where + ": '" + name + "' is not a valid shell variable name");
            }
            String value = quotedString(v, "value", "no", where + ": " + name);
            String enabled = quotedString(v, "enabled", null, where + ": " + name);
            variables.add(new CacheVariable(name, value, enabled,
                    subset(v, platforms, where + ": " + name), range(v, where + ": " + name)));
        }
        List<ConfigureArgument> arguments = new ArrayList<>();
        for (Map<String, Object> a : optionalMapList(e, "configure", where)) {
            String arg = string(a, "arg", where);
            keys(a, where + ": " + arg, "arg", "platforms", "versions");
            if (!arg.startsWith("--") || arg.chars().anyMatch(Character::isWhitespace)) {
                throw new CatalogueException(where + ": configure argument '" + arg + "' must be one --option word");
            }
            arguments.add(new ConfigureArgument(arg, subset(a, platforms, where + ": " + arg), range(a, where + ": " + arg)));
        }
        if (variables.isEmpty() && arguments.isEmpty()) {
            throw new CatalogueException(where + ": has neither variables nor configure arguments");
        }
        String cannotEnable = e.containsKey("cannotEnable") ? string(e, "cannotEnable", where).trim() : null;
        if (cannotEnable != null && variables.stream().anyMatch(v -> v.whenEnabled().isPresent())) {
            throw new CatalogueException(where + ": has both cannotEnable and variables with an 'enabled' answer");
        }
        Set<Platform> refusedOn = Set.of();
        if (cannotEnable != null) {
            refusedOn = e.containsKey("cannotEnableOn")
                    ? platforms(stringList(e, "cannotEnableOn", where), where + ": cannotEnableOn") : platforms;
            if (!platforms.containsAll(refusedOn)) {
                throw new CatalogueException(where + ": cannotEnableOn names a platform not in platforms");
            }
        } else if (e.containsKey("cannotEnableOn")) {
            throw new CatalogueException(where + ": cannotEnableOn without cannotEnable (the reason)");
        }
        return new Feature(id, summary, reason, platforms, off, List.copyOf(variables), List.copyOf(arguments),
                cannotEnable, refusedOn);
    }

    /** A value written into the site file; YAML turns unquoted yes/no/on/off into booleans. */
    private static String quotedString(Map<String, Object> v, String key, String absent, String where) {
        if (!v.containsKey(key)) {
            return absent;
        }
        Object value = v.get(key);
        if (!(value instanceof String s)) {
            throw new CatalogueException(where + ": '" + key + "' must be a quoted string"
                    + " (YAML reads unquoted yes/no/on/off as booleans), not " + value);
        }
        return s;
    }

    /** Unknown keys are mistakes (a renamed key left behind would otherwise be ignored silently). */
    private static void keys(Map<String, Object> e, String where, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String key : e.keySet()) {
            if (!ok.contains(key)) {
                throw new CatalogueException(where + ": unknown key '" + key + "'; keys here: "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Set<Platform> subset(Map<String, Object> e, Set<Platform> featurePlatforms, String where) {
        if (!e.containsKey("platforms")) {
            return featurePlatforms;
        }
        Set<Platform> own = platforms(stringList(e, "platforms", where), where + ": platforms");
        if (!featurePlatforms.containsAll(own)) {
            throw new CatalogueException(where + ": platforms must be among the feature's platforms");
        }
        return own;
    }

    private static VersionRange range(Map<String, Object> e, String where) {
        Object v = e.get("versions");
        if (v == null) {
            return VersionRange.ALL;
        }
        try {
            return VersionRange.parse(String.valueOf(v));
        } catch (IllegalArgumentException ex) {
            throw new CatalogueException(where + ": " + ex.getMessage());
        }
    }

    private static Set<Platform> platforms(List<String> ids, String where) {
        Set<Platform> result = EnumSet.noneOf(Platform.class);
        for (String id : ids) {
            result.add(Platform.byId(id).orElseThrow(() -> new CatalogueException(
                    where + ": unknown platform '" + id + "' (wasm32-emscripten or wasm32-wasi)")));
        }
        return Collections.unmodifiableSet(result);
    }

    private static String singleLine(String s, String where) {
        if (s.contains("\n") || s.contains("\r")) {
            throw new CatalogueException(where + " must be one line");
        }
        return s.trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(InputStream in, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(options)).load(r);
            if (!(doc instanceof Map)) {
                throw new CatalogueException(name + ": expected a mapping at the top");
            }
            return (Map<String, Object>) doc;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogueException ce) {
                throw ce;
            }
            throw new CatalogueException(name + ": " + e.getMessage());
        }
    }

    private static String string(Map<String, Object> e, String key, String where) {
        Object v = e.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new CatalogueException(where + ": '" + key + "' must be a non-empty string");
        }
        return s;
    }

    private static List<String> stringList(Map<String, Object> e, String key, String where) {
        Object v = e.get(key);
        if (!(v instanceof List<?> list)) {
            throw new CatalogueException(where + ": '" + key + "' must be a list");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new CatalogueException(where + ": '" + key + "' must list strings");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static List<Map<String, Object>> mapList(Map<String, Object> e, String key, String where) {
        if (!(e.get(key) instanceof List)) {
            throw new CatalogueException(where + ": '" + key + "' must be a list");
        }
        return optionalMapList(e, key, where);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> optionalMapList(Map<String, Object> e, String key, String where) {
        Object v = e.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new CatalogueException(where + ": '" + key + "' must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new CatalogueException(where + ": every entry of '" + key + "' must be a mapping");
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }
}
