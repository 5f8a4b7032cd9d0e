package org.smg.policies.model;

import java.util.Objects;

/**
 * The Terms of Service and Rules of Conduct of a program. A citizen accepts one version; a new version makes
 * every citizen accept again.
 *
 * @param version the version citizens accept, e.g. "2026-01"
 * @param file the file as programs.yaml names it, relative to the policy directory
 * @param text the file's text, read when the policies were loaded
 */
public record Terms(String version, String file, String text) {

    public Terms {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "Terms[version=" + version + ", file=" + file + "]";
    }
}
