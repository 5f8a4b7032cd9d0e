package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.PORTS;

import java.util.List;

/** The seven listening ports, each different from the others. */
record Ports(int relay, int submission, int smtps, int imap, int imaps, int web, int webAdmin) {

    /** Records every port shared by two services (each port's own range is checked by its declaration). */
    static Ports check(SettingValues values, Problems problems) {
        for (int later = 1; later < PORTS.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (clash(values, problems, PORTS.get(earlier), PORTS.get(later))) {
                    break;
                }
            }
        }
        List<Integer> ports = PORTS.stream().map(values::get).toList();
        return new Ports(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5),
                ports.get(6));
    }

    private static boolean clash(SettingValues values, Problems problems, Setting<Integer> first,
            Setting<Integer> second) {
        int port = values.get(first);
        if (port != values.get(second) || !PortParser.isValid(port)
                || !problems.usable(first.key()) || !problems.usable(second.key())) {
            return false;
        }
        // Blame the key the administrator wrote: a default is not the mistake.
        boolean blameFirst = problems.fromFile(first.key()) && !problems.fromFile(second.key());
        Setting<Integer> blamed = blameFirst ? first : second;
        Setting<Integer> other = blameFirst ? second : first;
        problems.add(blamed.key(), "port " + port + " is also used by " + other + "; give each service its own port");
        return true;
    }
}
