package org.smg.gateway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of one {@code bin/smg} call: global options ({@code --json}, {@code --conf DIR},
 * {@code --token-file FILE}, {@code --help}), the command ({@code invitations create}), its
 * arguments and its options ({@code --name value} or {@code --name=value}), in any order.
 */
record CommandLine(List<String> words, Map<String, String> options, boolean json, boolean help,
                   Optional<String> conf, Optional<String> tokenFile) {
    private static final Set<String> FLAGS = Set.of("json", "help");

    static CommandLine parse(List<String> args) throws UsageException {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean json = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--")) {
                words.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (arg.startsWith("--") && arg.length() > 2) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                if (FLAGS.contains(name)) {
                    throw new UsageException("--" + name + " takes no value", Commands.overview());
                }
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value", Commands.overview());
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice", Commands.overview());
                }
            } else {
                words.add(arg);
            }
        }
        Optional<String> conf = Optional.ofNullable(options.remove("conf"));
        Optional<String> tokenFile = Optional.ofNullable(options.remove("token-file"));
        return new CommandLine(List.copyOf(words), Map.copyOf(options), json, help, conf, tokenFile);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
