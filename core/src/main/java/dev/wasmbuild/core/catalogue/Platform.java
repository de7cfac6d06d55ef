package dev.wasmbuild.core.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** A wasm host family: what CPython's site files and the catalogue are written for. */
public enum Platform {
    WASM32_EMSCRIPTEN("wasm32-emscripten", "wasm32-unknown-emscripten"),
    WASM32_WASI("wasm32-wasi", "wasm32-unknown-wasi");

    private final String id;
    private final String hostTriple;

    Platform(String id, String hostTriple) {
        this.id = id;
        this.hostTriple = hostTriple;
    }

    /** The name used in the catalogue and in the site file's name, e.g. {@code wasm32-wasi}. */
    public String id() {
        return id;
    }

    /** The value of configure's {@code --host}. */
    public String hostTriple() {
        return hostTriple;
    }

    /** {@code config.site-wasm32-wasi} and so on, as CPython names them. */
    public String siteFileName() {
        return "config.site-" + id;
    }

    public static Optional<Platform> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
