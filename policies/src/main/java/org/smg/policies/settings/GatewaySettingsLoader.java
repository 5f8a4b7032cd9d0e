package org.smg.policies.settings;

import java.nio.file.Path;

/** Reads conf/gateway.properties into validated GatewaySettings, reporting every problem with its line. */
public final class GatewaySettingsLoader {

    private static final String ALLOWED_KEYS = SettingCatalog.keys();

    private GatewaySettingsLoader() {
    }

    /**
     * Loads and validates the settings file.
     *
     * @param settingsFile the file; errors name it exactly as given here
     * @param baseDirectory the directory relative paths in the file resolve against
     * @throws SettingsException listing every problem found, in file order
     */
    public static GatewaySettings load(Path settingsFile, Path baseDirectory) throws SettingsException {
        String shownName = settingsFile.toString();
        PropertiesFileReader.Result file = PropertiesFileReader.read(settingsFile, shownName);
        Path configurationDirectory = settingsFile.toAbsolutePath().normalize().getParent();
        GatewaySettings.Builder builder = GatewaySettings.builder()
                .source(shownName)
                .baseDirectory(baseDirectory)
                .configurationDirectory(configurationDirectory);
        file.errors().forEach(builder::report);
        for (PropertiesFileReader.Entry entry : file.entries()) {
            apply(entry, shownName, builder);
        }
        return builder.build();
    }

    private static <T> void set(GatewaySettings.Builder builder, Setting<T> setting, String text) {
        builder.set(setting, setting.parse(text));
    }

    private static void apply(PropertiesFileReader.Entry entry, String shownName, GatewaySettings.Builder builder) {
        Setting<?> setting = SettingCatalog.find(entry.key());
        if (setting == null) {
            // Refusing unknown keys turns a typo into a start-up error instead of a silently ignored setting.
            builder.report(new SettingsError(shownName, entry.line(), entry.key(),
                    "unknown key; allowed keys are: " + ALLOWED_KEYS));
            return;
        }
        builder.origin(entry.key(), entry.line(), entry.value());
        try {
            set(builder, setting, entry.value());
        } catch (CommaList.BadEntries bad) {
            bad.problems().forEach(problem ->
                    builder.reject(new SettingsError(shownName, entry.line(), entry.key(), problem)));
        } catch (IllegalArgumentException bad) {
            builder.reject(new SettingsError(shownName, entry.line(), entry.key(), bad.getMessage()));
        }
    }
}
