package org.smg.policies.settings;

import static org.smg.policies.settings.SettingKeys.IMAPS_PORT;
import static org.smg.policies.settings.SettingKeys.IMAP_PORT;
import static org.smg.policies.settings.SettingKeys.RELAY_PORT;
import static org.smg.policies.settings.SettingKeys.SMTPS_PORT;
import static org.smg.policies.settings.SettingKeys.SUBMISSION_PORT;
import static org.smg.policies.settings.SettingKeys.WEBADMIN_PORT;
import static org.smg.policies.settings.SettingKeys.WEB_PORT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven listening ports, each valid and different from the others. */
record Ports(int relay, int submission, int smtps, int imap, int imaps, int web, int webAdmin) {

    /** The documented defaults, keyed by settings key in file order. */
    static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(RELAY_PORT, 2525);
        ports.put(SUBMISSION_PORT, 1587);
        ports.put(SMTPS_PORT, 1465);
        ports.put(IMAP_PORT, 1143);
        ports.put(IMAPS_PORT, 1993);
        ports.put(WEB_PORT, 8443);
        ports.put(WEBADMIN_PORT, 8000);
        return ports;
    }

    /** Records every invalid or shared port and returns the ports as given. */
    static Ports check(Map<String, Integer> ports, Problems problems) {
        List<String> keys = new ArrayList<>(ports.keySet());
        for (String key : keys) {
            problems.expect(PortParser.isValid(ports.get(key)), key, PortParser.EXPECTED, ports.get(key).toString());
        }
        for (int later = 1; later < keys.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (clash(ports, problems, keys.get(earlier), keys.get(later))) {
                    break;
                }
            }
        }
        return new Ports(ports.get(RELAY_PORT), ports.get(SUBMISSION_PORT), ports.get(SMTPS_PORT),
                ports.get(IMAP_PORT), ports.get(IMAPS_PORT), ports.get(WEB_PORT), ports.get(WEBADMIN_PORT));
    }

    private static boolean clash(Map<String, Integer> ports, Problems problems, String first, String second) {
        int port = ports.get(first);
        if (port != ports.get(second) || !PortParser.isValid(port)
                || !problems.usable(first) || !problems.usable(second)) {
            return false;
        }
        // Blame the key the administrator wrote: a default is not the mistake.
        boolean blameFirst = problems.fromFile(first) && !problems.fromFile(second);
        String blamed = blameFirst ? first : second;
        String other = blameFirst ? second : first;
        problems.add(blamed, "port " + port + " is also used by " + other + "; give each service its own port");
        return true;
    }
}
