package dev.wasmbuild.core.site;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.Feature;
import dev.wasmbuild.core.shell.ShellSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The catalogue as a table for a console: what {@code wasm:features} prints. */
public final class FeatureListing {
    private FeatureListing() {
    }

    public static List<String> lines(SitePlan plan) {
        List<String> out = new ArrayList<>();
        out.add("Features for " + plan.platform() + " (target " + plan.target() + "), CPython " + plan.release()
                + " (" + plan.versionSource() + "):");
        out.add(String.format("  %-15s %-14s %s", "id", "state", "summary / what is written while disabled"));
        List<Feature> all = Stream.concat(plan.disabledFeatures().stream(), plan.enabledFeatures().stream())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        for (Feature f : all) {
            boolean off = plan.disabledFeatures().contains(f);
            boolean byPom = plan.requestedDisable().contains(f.id()) || plan.requestedEnable().contains(f.id());
            String state = (off ? "disabled" : "enabled") + (byPom ? " (pom)" : "");
            out.add(String.format("  %-15s %-14s %s", f.id(), state, f.summary()));
            String vars = f.variablesFor(plan.platform(), plan.release()).stream()
                    .map(v -> v.name() + "=" + ShellSyntax.quote(v.value()))
                    .collect(Collectors.joining(" "));
            List<String> args = f.configureArgumentsFor(plan.platform(), plan.release());
            String writes = vars + (args.isEmpty() ? "" : (vars.isEmpty() ? "" : " ") + "configure " + String.join(" ", args));
            out.add(String.format("  %-15s %-14s   %s", "", "", writes));
            String answers = f.answersWhenEnabled(plan.platform(), plan.release()).stream()
                    .map(e -> e.getKey() + "=" + ShellSyntax.quote(e.getValue()))
                    .collect(Collectors.joining(" "));
            if (!answers.isEmpty()) {
                out.add(String.format("  %-15s %-14s   %s", "", "", "enabled: " + answers));
            } else if (f.enableRefusal(plan.platform()).isPresent()) {
                out.add(String.format("  %-15s %-14s   %s", "", "", "cannot be enabled on a cross build"));
            }
        }
        out.add(plan.disabledFeatures().size() + " disabled, " + plan.enabledFeatures().size()
                + " enabled; switch them with " + Setting.DISABLE + "/" + Setting.ENABLE
                + " or " + Setting.DISABLE.assignment("…") + " / " + Setting.ENABLE.assignment("…"));
        return out;
    }

}
