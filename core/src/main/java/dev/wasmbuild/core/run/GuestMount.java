package dev.wasmbuild.core.run;

import java.nio.file.Path;

/** A host directory made visible to a WASI program at a guest path. */
public record GuestMount(String guestPath, Path hostPath) {
}
