package org.smg.policies.settings;

import java.util.HashMap;
import java.util.Map;

/** The value of each setting: what was set, else the declared default. */
final class SettingValues {

    private final Map<Setting<?>, Object> values;

    SettingValues() {
        this(new HashMap<>());
    }

    private SettingValues(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    <T> T get(Setting<T> setting) {
        return values.containsKey(setting) ? setting.cast(values.get(setting)) : setting.defaultValue();
    }

    /** Sets a value; null restores the default. */
    <T> void set(Setting<T> setting, T value) {
        if (value == null) {
            values.remove(setting);
        } else {
            values.put(setting, value);
        }
    }

    /** A snapshot that later changes to this one do not affect. */
    SettingValues copy() {
        return new SettingValues(new HashMap<>(values));
    }

    /** Records every value outside what its declaration allows. */
    void check(Problems problems) {
        for (Setting<?> setting : SettingCatalog.ALL) {
            setting.check(get(setting), problems);
        }
    }
}
