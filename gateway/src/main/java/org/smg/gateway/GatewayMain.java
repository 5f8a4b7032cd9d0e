package org.smg.gateway;

import java.nio.file.Path;
import java.util.List;

import org.smg.policies.model.PolicyLoader;
import org.smg.gateway.tls.TlsRenegotiation;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.GatewaySettingsLoader;
import org.smg.policies.settings.SettingsException;

/**
 * Command line entry point: {@code GatewayMain [--conf DIR] [--demo]}.
 * Exit codes: 2 for a configuration error, 1 for any other start-up failure.
 */
public final class GatewayMain {
    static final int CONFIGURATION_ERROR = 2;
    static final int STARTUP_FAILURE = 1;

    private GatewayMain() {
    }

    public static void main(String[] args) {
        // Before anything loads TLS: the JDK reads this once (see TlsRenegotiation).
        TlsRenegotiation.refuseClientInitiated();
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("gateway: " + e.getMessage());
            System.err.println("usage: gateway [--conf DIR] [--demo]");
            System.exit(CONFIGURATION_ERROR);
            return;
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        GatewaySettings settings;
        try {
            settings = GatewaySettingsLoader.load(arguments.configurationDirectory().resolve("gateway.properties"), workingDirectory);
            // Policy files are checked now so that a bad one stops start-up; enrollment will hold them.
            PolicyLoader.forGateway(settings.domains()).read(arguments.configurationDirectory().resolve("policies"));
        } catch (SettingsException e) {
            System.err.println(e.getMessage());
            System.exit(CONFIGURATION_ERROR);
            return;
        }
        try {
            Gateway gateway = Gateway.start(settings, arguments.configurationDirectory(), arguments.demo());
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop, "smg-shutdown"));
            gateway.endpoints().forEach(System.out::println);
            System.out.flush();
        } catch (StartupException e) {
            System.err.println("gateway: start-up failed: " + e.getMessage());
            System.exit(e.isConfigurationError() ? CONFIGURATION_ERROR : STARTUP_FAILURE);
        }
    }
}
