package org.smg.gateway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.smg.gateway.secrets.SecretLocations;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.GatewaySettingsLoader;
import org.smg.policies.settings.SettingsException;

/**
 * {@code bin/smg}: the administrators' command line. Each command is one call to the gateway's
 * WebAdmin on loopback (see {@link Commands}); people get tables, scripts get {@code --json}.
 * Exit codes: 0 done, 1 refused (by WebAdmin, or no gateway to ask), 2 usage error.
 */
public final class Smg {
    static final String TOKEN_VARIABLE = "SMG_ADMIN_TOKEN";
    /** Set by bin/smg to the project's directory, so that {@code conf} is found from anywhere. */
    static final String HOME_PROPERTY = "smg.home";

    private Smg() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), System.getenv(), out, err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Commands.Spec spec;
        CommandLine line;
        try {
            line = CommandLine.parse(args);
            if (line.help()) {
                out.print(Commands.helpFor(line));
                return Commands.OK;
            }
            spec = Commands.find(line);
            Commands.check(spec, line);
        } catch (UsageException e) {
            err.println("smg: " + e.getMessage());
            err.print(e.usage());
            return Commands.USAGE;
        }
        WebAdminClient webAdmin;
        try {
            webAdmin = connect(line, environment);
        } catch (SettingsException | IOException e) {
            err.println("smg: " + Tables.printable(e.getMessage()));
            return Commands.REFUSED;
        }
        try {
            return spec.action().run(line, new Commands.Context(webAdmin, out, line.json()));
        } catch (WebAdminClient.Refused e) {
            err.println("smg: " + e.getMessage() + " (HTTP " + e.status() + ")");
            return Commands.REFUSED;
        } catch (ConnectException e) {
            err.println("smg: cannot reach WebAdmin at " + webAdmin.base() + ": is the gateway running?");
            return Commands.REFUSED;
        } catch (IOException e) {
            err.println("smg: talking to WebAdmin at " + webAdmin.base() + " failed: " + Tables.printable(String.valueOf(e.getMessage())));
            return Commands.REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Commands.REFUSED;
        }
    }

    /** WebAdmin's port from the gateway's settings, and the token to present. */
    private static WebAdminClient connect(CommandLine line, Map<String, String> environment) throws SettingsException, IOException {
        Path conf = configurationDirectory(line);
        GatewaySettings settings = GatewaySettingsLoader.load(conf.resolve("gateway.properties"), conf.getParent());
        String token;
        if (line.tokenFile().isPresent()) {
            token = readToken(Path.of(line.tokenFile().get()));
        } else if (environment.get(TOKEN_VARIABLE) != null && !environment.get(TOKEN_VARIABLE).isBlank()) {
            token = environment.get(TOKEN_VARIABLE).strip();
        } else {
            token = readToken(SecretLocations.of(settings).webAdminToken());
        }
        return new WebAdminClient(settings.webAdminPort(), token);
    }

    static Path configurationDirectory(CommandLine line) {
        String home = System.getProperty(HOME_PROPERTY);
        Path conf = line.conf().map(Path::of).orElse(home == null ? Path.of("conf") : Path.of(home, "conf"));
        return conf.toAbsolutePath().normalize();
    }

    private static String readToken(Path file) throws IOException {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException("cannot read the admin token from " + file + " (" + e.getClass().getSimpleName()
                + "); run smg on the gateway's host as its user, or give --token-file or " + TOKEN_VARIABLE, e);
        }
        if (token.isEmpty()) {
            throw new IOException("the token file " + file + " is empty");
        }
        return token;
    }
}
