package org.smg.policies.yaml;

/**
 * One entry of a mapping whose keys the file chooses, such as a program id under attachments.yaml's
 * {@code programs}: the key, the line it is written on (where errors about the key itself go) and its mapping.
 */
public record YamlEntry(String key, int line, YamlMap value) {
}
