package org.smg.gateway;

import java.nio.file.Path;
import java.util.List;

/** The gateway's command line: {@code --conf DIR} (default {@code conf}) and {@code --demo}. */
final class Arguments {
    private final Path configurationDirectory;
    private final boolean demo;

    private Arguments(Path configurationDirectory, boolean demo) {
        this.configurationDirectory = configurationDirectory;
        this.demo = demo;
    }

    static Arguments parse(List<String> args) {
        Path conf = Path.of("conf");
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.equals("--conf") && i + 1 < args.size()) {
                conf = Path.of(args.get(++i));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new Arguments(conf.toAbsolutePath().normalize(), demo);
    }

    Path configurationDirectory() {
        return configurationDirectory;
    }

    boolean demo() {
        return demo;
    }
}
