package org.smg.gateway.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.smg.policies.model.PolicyHolder;
import org.smg.policies.settings.SettingsException;

/** The shipped policies in a test directory, with a maintenance.yaml of the test's own. */
final class MaintenancePolicies {
    static final String SATURDAY_EVENINGS_NEW_YORK = """
        weekly:
          - days: [SAT]
            start: "18:00"
            end: "22:00"
            zone: America/New_York
        """;

    private MaintenancePolicies() {
    }

    static PolicyHolder load(Path directory, String maintenanceYaml) throws IOException, SettingsException {
        Path shipped = Path.of("..", "conf", "policies").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path copy = directory.resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        write(directory, maintenanceYaml);
        return PolicyHolder.load(directory);
    }

    static void write(Path directory, String maintenanceYaml) throws IOException {
        Files.writeString(directory.resolve("maintenance.yaml"), maintenanceYaml);
    }
}
