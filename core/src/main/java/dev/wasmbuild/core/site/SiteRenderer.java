package dev.wasmbuild.core.site;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.CacheVariable;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.catalogue.Feature;
import dev.wasmbuild.core.shell.ShellSyntax;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link SitePlan} through FreeMarker. The model holds only strings, lists and maps,
 * with values already quoted, so a template (the user's own included) can arrange the file but
 * can neither reach Java classes nor write an unquoted value by accident.
 */
public final class SiteRenderer {
    public static final String DEFAULT_TEMPLATE = "config-site.ftl";
    private static final Configuration FREEMARKER = configure();

    private final String generatorName;
    private final String generatorVersion;

    public SiteRenderer(String generatorName, String generatorVersion) {
        this.generatorName = generatorName;
        this.generatorVersion = generatorVersion;
    }

    private static Configuration configure() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setClassForTemplateLoading(SiteRenderer.class, CatalogueLoader.RESOURCE_ROOT);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // No ?new (instantiating arbitrary classes) and no ?api (calling Java methods).
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    /** Renders the plan; nothing is written. Template errors name the {@code <template>} element. */
    public String render(SitePlan plan) throws ConfigurationException {
        Template template = load(plan);
        StringWriter out = new StringWriter();
        try {
            template.process(model(plan), out);
        } catch (TemplateException e) {
            throw new ConfigurationException(Setting.TEMPLATE, "rendering " + template.getName() + " failed"
                    + where(e) + ": " + explain(reason(e.getMessageWithoutStackTop())));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(Setting.TEMPLATE, "rendering " + template.getName() + " failed: "
                    + firstLine(e.getMessage()));
        }
        // Values are written byte for byte, so line endings are normalised in the template (on load), never here.
        String text = out.toString();
        return text.endsWith("\n") ? text : text + "\n";
    }

    private Template load(SitePlan plan) throws ConfigurationException {
        try {
            if (plan.template() == null) {
                try (InputStream in = SiteRenderer.class.getResourceAsStream(CatalogueLoader.RESOURCE_ROOT
                        + DEFAULT_TEMPLATE)) {
                    if (in == null) {
                        throw new IOException("the plugin jar has no " + DEFAULT_TEMPLATE);
                    }
                    return parse(DEFAULT_TEMPLATE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parse(plan.template().getFileName().toString(),
                    Files.readString(plan.template(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new ConfigurationException(Setting.TEMPLATE, "syntax error in " + plan.template() + " at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + reason(e.getEditorMessage()));
        } catch (IOException e) {
            throw new ConfigurationException(Setting.TEMPLATE, "cannot load " + (plan.template() == null
                    ? "the bundled template" : plan.template().toString()) + ": " + FileErrors.describe(e));
        }
    }

    /**
     * A template edited on Windows has CRLF line ends; the site file is sourced by /bin/sh, which
     * would keep each CR in the value before it. The template's own line ends are made LF here,
     * so a CR that a value carries (a cache variable set to "a\r\nb") still reaches the file.
     */
    private static Template parse(String name, String text) throws IOException {
        return new Template(name, new StringReader(text.replace("\r\n", "\n")), FREEMARKER);
    }

    private Map<String, Object> model(SitePlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fileName", plan.fileName());
        m.put("platform", plan.platform().id());
        m.put("target", plan.target().id());
        m.put("generator", Map.of("name", generatorName, "version", generatorVersion));
        // version stays the minor version (3.11) that templates written before patch releases
        // counted expect; release is the exact one (3.11.2) the file was made for.
        m.put("python", Map.of("version", plan.release().minorVersion().toString(), "release",
                plan.release().toString()));
        Map<String, Object> switches = new LinkedHashMap<>();
        switches.put("disabled", List.copyOf(plan.requestedDisable()));
        switches.put("enabled", List.copyOf(plan.requestedEnable()));
        switches.put("modules", List.copyOf(plan.disabledModules()));
        switches.put("overrides", List.copyOf(plan.cacheVariables().keySet()));
        m.put("switches", switches);

        List<Object> features = new ArrayList<>();
        for (Feature f : plan.disabledFeatures()) {
            Map<String, Object> fm = featureModel(f);
            List<Object> vars = new ArrayList<>();
            for (CacheVariable v : f.variablesFor(plan.platform(), plan.release())) {
                vars.add(variable(v.name(), v.value()));
            }
            fm.put("variables", vars);
            fm.put("configureArgs", f.configureArgumentsFor(plan.platform(), plan.release()));
            features.add(fm);
        }
        m.put("features", features);
        List<Object> enabled = new ArrayList<>();
        for (Feature f : plan.enabledFeatures()) {
            Map<String, Object> fm = featureModel(f);
            // The answers to probes a cross build cannot run: without them configure stops.
            fm.put("variables", f.answersWhenEnabled(plan.platform(), plan.release()).stream()
                    .map(e -> variable(e.getKey(), e.getValue())).toList());
            enabled.add(fm);
        }
        m.put("enabledFeatures", enabled);
        m.put("modules", plan.disabledModules().stream()
                .map(name -> variable("py_cv_module_" + name, "n/a")).toList());
        m.put("overrides", plan.cacheVariables().entrySet().stream()
                .map(e -> variable(e.getKey(), e.getValue())).toList());
        return m;
    }

    private Map<String, Object> featureModel(Feature f) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("id", f.id());
        fm.put("summary", f.summary());
        fm.put("reasonLines", wrap(f.reason(), 76));
        return fm;
    }

    private static Map<String, Object> variable(String name, String value) {
        String quoted = ShellSyntax.quote(value);
        return Map.of("name", name, "quotedValue", quoted, "line", ShellSyntax.assignment(name, value));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String where(TemplateException e) {
        Integer line = e.getLineNumber();
        Integer column = e.getColumnNumber();
        return line == null ? "" : " at line " + line + (column == null ? "" : ", column " + column);
    }

    /**
     * FreeMarker's own words for ?new and ?api suggest changing a setting that a pom cannot
     * reach; say instead that the plugin keeps Java out of templates on purpose.
     */
    static String explain(String message) {
        boolean api = message.contains("?api");
        boolean instantiate = message.startsWith("Instantiating ") && message.contains(" is not allowed");
        if (!api && !instantiate) {
            return message;
        }
        String what = api ? "?api is switched off" : "?new is switched off";
        String original = api ? "Can't use ?api" : message.substring(0, message.indexOf(" is not allowed"))
                + " is not allowed";
        return what + ": site templates cannot reach Java classes or methods, only the strings, lists and maps"
                + " of the model (" + original + ")";
    }

    /**
     * FreeMarker's message without its tips: its first line is often only a heading ("The
     * following has evaluated to null or missing:") and the expression at fault is on the next
     * one, so every line up to the "----" that starts the tips is kept, joined into one.
     */
    static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (line.startsWith("----")) {
                break;
            }
            if (!line.isBlank()) {
                out.append(out.length() == 0 ? "" : " ").append(line.trim().replaceAll("\\s+", " "));
            }
        }
        return out.length() == 0 ? firstLine(message) : out.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
