package dev.wasmbuild.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.Catalogue;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.Target;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference table (UPSTREAM-SITE-FILES.md): what upstream's config.site-wasm32-* set in each
 * release, written out here independently of the catalogue, against the default file rendered
 * for {@code <pythonVersion>} naming that release.
 */
class UpstreamReleasesTest {
    /** Upstream's Tools/wasm/config.site-wasm32-wasi of 3.11.2, as sourced by /bin/sh. */
    private static final Set<String> WASI_3_11_2 = Set.of(
            "ac_cv_buggy_getaddrinfo=no", "ac_cv_file__dev_ptc=no", "ac_cv_file__dev_ptmx=no",
            "ac_cv_func_eventfd=no", "ac_cv_func_fdopendir=no", "ac_cv_func_makedev=no", "ac_cv_func_mkfifo=no",
            "ac_cv_func_mkfifoat=no", "ac_cv_func_mknod=no", "ac_cv_func_mknodat=no", "ac_cv_func_pipe=no",
            "ac_cv_header_netpacket_packet_h=no", "ac_cv_header_sys_resource_h=no", "ac_cv_header_sys_un_h=no",
            "ac_cv_prog_ac_ct_READELF=true");

    /** Upstream's Tools/wasm/config.site-wasm32-emscripten of 3.11.2, as sourced by /bin/sh. */
    private static final Set<String> EMSCRIPTEN_3_11_2 = Set.of(
            "ac_cv_buggy_getaddrinfo=no", "ac_cv_file__dev_ptc=no", "ac_cv_file__dev_ptmx=no", "ac_cv_func_alarm=no",
            "ac_cv_func_epoll_create1=no", "ac_cv_func_epoll_create=no", "ac_cv_func_eventfd=no",
            "ac_cv_func_faccessat=no", "ac_cv_func_forkpty=no", "ac_cv_func_getegid=no", "ac_cv_func_geteuid=no",
            "ac_cv_func_getgroups=no", "ac_cv_func_getresgid=no", "ac_cv_func_getresuid=no",
            "ac_cv_func_getrusage=no", "ac_cv_func_lchmod=no", "ac_cv_func_lchown=no", "ac_cv_func_link=no",
            "ac_cv_func_linkat=no", "ac_cv_func_memfd_create=no", "ac_cv_func_mkfifo=no", "ac_cv_func_mkfifoat=no",
            "ac_cv_func_mknod=no", "ac_cv_func_mknodat=no", "ac_cv_func_nice=no", "ac_cv_func_openpty=no",
            "ac_cv_func_pipe2=no", "ac_cv_func_posix_fallocate=no", "ac_cv_func_posix_spawn=no",
            "ac_cv_func_posix_spawnp=no", "ac_cv_func_preadv2=no", "ac_cv_func_preadv=no", "ac_cv_func_prlimit=no",
            "ac_cv_func_pwritev2=no", "ac_cv_func_pwritev=no", "ac_cv_func_setegid=no", "ac_cv_func_seteuid=no",
            "ac_cv_func_setgroups=no", "ac_cv_func_setitimer=no", "ac_cv_func_setpriority=no",
            "ac_cv_func_setresgid=no", "ac_cv_func_setresuid=no", "ac_cv_func_shutdown=no",
            "ac_cv_func_sigaction=no", "ac_cv_func_socketpair=no", "ac_cv_func_symlinkat=no",
            "ac_cv_func_utimensat=no", "ac_cv_header_linux_vm_sockets_h=no", "ac_cv_header_netpacket_packet_h=no",
            "ac_cv_header_sys_ioctl_h=no", "ac_cv_header_sys_un_h=no", "ac_cv_prog_ac_ct_READELF=true");

    // The changes between releases, each from the first release that has it.
    private static final Set<String> INT_CONVERSION = Set.of("ac_cv_disable_int_conversion=yes"); // 3.11.8
    private static final Set<String> VECTORED_IO = Set.of("ac_cv_func_preadv=no", "ac_cv_func_readv=no",
            "ac_cv_func_pwritev=no", "ac_cv_func_writev=no"); // 3.11.9, 3.12.3 (gh-115978)
    private static final Set<String> READELF = Set.of("ac_cv_prog_ac_ct_READELF=true"); // gone in 3.12.0
    private static final Set<String> CHMOD_STATVFS = Set.of("ac_cv_func_chmod=no", "ac_cv_func_fchmod=no",
            "ac_cv_func_fchmodat=no", "ac_cv_func_statvfs=no", "ac_cv_func_fstatvfs=no"); // 3.13.0b4 (gh-120371)
    private static final Set<String> IOCTL = Set.of("ac_cv_header_sys_ioctl_h=no"); // gone in 3.14.0

    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)='([^']*)'$");

    private final Catalogue catalogue = CatalogueLoader.loadBundled();
    private final ConfigSiteGenerator generator = new ConfigSiteGenerator(catalogue, "test");

    static SortedSet<String> wasi(String release) {
        SortedSet<String> s = new TreeSet<>(WASI_3_11_2);
        switch (release) {
            case "3.11.2" -> { }
            case "3.11.8" -> s.addAll(INT_CONVERSION);
            case "3.11.9" -> { s.addAll(INT_CONVERSION); s.addAll(VECTORED_IO); }
            case "3.12.0" -> { s.addAll(INT_CONVERSION); s.removeAll(READELF); }
            case "3.12.3" -> { s.addAll(INT_CONVERSION); s.addAll(VECTORED_IO); s.removeAll(READELF); }
            case "3.13.5", "3.13.15", "3.14.0" -> {
                s.addAll(INT_CONVERSION); s.addAll(VECTORED_IO); s.addAll(CHMOD_STATVFS); s.removeAll(READELF);
            }
            default -> throw new IllegalArgumentException(release + " is not in the reference");
        }
        return s;
    }

    static SortedSet<String> emscripten(String release) {
        SortedSet<String> s = new TreeSet<>(EMSCRIPTEN_3_11_2);
        if (!release.startsWith("3.11.")) {
            s.removeAll(READELF);
        }
        if (release.startsWith("3.14.")) {
            s.removeAll(IOCTL);
        }
        return s;
    }

    /** The assignments the rendered file makes (comments and blank lines aside). */
    private SortedSet<String> rendered(String target, String pythonVersion) throws Exception {
        SiteRequest request = new SiteRequest(Target.parse(target, Setting.TARGET), null, pythonVersion, null, null, null, null, null);
        String text = generator.render(generator.plan(request));
        SortedSet<String> out = new TreeSet<>();
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            out.add(m.group(1) + "=" + m.group(2));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.11.2", "3.11.8", "3.11.9", "3.12.0", "3.12.3", "3.13.5", "3.13.15", "3.14.0"})
    void defaultsEqualUpstreamsFilesOfThatRelease(String release) throws Exception {
        assertEquals(wasi(release), rendered("wasi", release), "wasi " + release);
        assertEquals(emscripten(release), rendered("emscripten-node", release), "emscripten " + release);
        assertEquals(emscripten(release), rendered("emscripten-browser", release), "emscripten " + release);
    }

    @Test
    void theCatalogueKnowsExactlyTheReferencesReleases() {
        assertEquals(List.of("3.11.2", "3.11.8", "3.11.9", "3.12.0", "3.12.3", "3.13.5", "3.13.15", "3.14.0"),
                catalogue.releases().stream().map(PythonRelease::toString).toList());
    }

    @Test
    void aMinorVersionMeansItsNewestKnownRelease() throws Exception {
        assertEquals(rendered("wasi", "3.13.15"), rendered("wasi", "3.13"));
        assertEquals(rendered("wasi", "3.11.9"), rendered("wasi", "3.11"));
        SitePlan plan = generator.plan(new SiteRequest(Target.WASI, null, "3.13", null, null, null, null, null));
        assertEquals("3.13.15", plan.release().toString());
        assertEquals("{pythonVersion} 3.13, its newest known release", plan.versionSource());
        String text = generator.render(plan);
        assertEquals(1, Stream.of(text.split("\n")).filter(l -> l.endsWith(" for CPython 3.13.15, target wasi."))
                .count(), text);
    }

    @Test
    void releasesBetweenKnownOnesFollowTheRanges() throws Exception {
        // 3.11.5 comes before int-conversion (3.11.8); 3.12.7 after 3.12.3's vectored I/O.
        assertEquals(wasi("3.11.2"), rendered("wasi", "3.11.5"));
        assertEquals(wasi("3.12.3"), rendered("wasi", "3.12.7"));
        assertEquals(wasi("3.14.0"), rendered("wasi", "3.14.2"));
        assertEquals(Set.of(), rendered("wasi", "3.12.1").stream().filter(VECTORED_IO::contains)
                .collect(Collectors.toSet()));
    }
}
