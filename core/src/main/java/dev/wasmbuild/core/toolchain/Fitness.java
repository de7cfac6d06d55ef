package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.catalogue.PythonRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one CPython release says about the toolchain found: it fits, it fits with warnings, or it
 * is refused before anything runs. {@code siteAnswers} are autoconf answers the toolchain needs
 * in the site file for that release (the pom's cacheVariables still win over them);
 * {@code compilerFlags} go into CFLAGS for configure and make, before the pom's own CFLAGS.
 */
public record Fitness(PythonRelease python, Verdict verdict, List<Reason> reasons,
        SortedMap<String, String> siteAnswers, List<String> compilerFlags) {

    public enum Verdict { FITS, WARNS, REFUSED }

    /** One finding; {@code refusal} when it alone stops the build. */
    public record Reason(boolean refusal, String text) {
    }

    public List<String> warnings() {
        return reasons.stream().filter(r -> !r.refusal()).map(Reason::text).toList();
    }

    public List<String> refusals() {
        return reasons.stream().filter(Reason::refusal).map(Reason::text).toList();
    }

    public Fitness {
        reasons = List.copyOf(reasons);
        siteAnswers = new TreeMap<>(siteAnswers);
        compilerFlags = List.copyOf(compilerFlags);
    }

    /** Collects reasons; the worst one decides the verdict. */
    static final class Builder {
        private final PythonRelease python;
        private Verdict verdict = Verdict.FITS;
        private final List<Reason> reasons = new ArrayList<>();
        private final SortedMap<String, String> answers = new TreeMap<>();
        private final List<String> flags = new ArrayList<>();

        Builder(PythonRelease python) {
            this.python = python;
        }

        Builder warn(String reason) {
            reasons.add(new Reason(false, reason));
            if (verdict == Verdict.FITS) {
                verdict = Verdict.WARNS;
            }
            return this;
        }

        Builder refuse(String reason) {
            reasons.add(new Reason(true, reason));
            verdict = Verdict.REFUSED;
            return this;
        }

        Builder answer(String variable, String value) {
            answers.put(variable, value);
            return this;
        }

        Builder compilerFlag(String flag) {
            flags.add(flag);
            return this;
        }

        Fitness build() {
            return new Fitness(python, verdict, reasons, answers, flags);
        }
    }

    /** One line per reason for wasm:toolchain, e.g. "CPython 3.13.5: refused: …". */
    public List<String> describe() {
        if (reasons.isEmpty()) {
            return List.of("CPython " + python + ": fits");
        }
        List<String> lines = new ArrayList<>();
        reasons.forEach(r -> lines.add("CPython " + python + ": " + (r.refusal() ? "refused" : "warning") + ": "
                + r.text()));
        return lines;
    }
}
