package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up refuses unusable settings and storage secrets with one clear line, never showing a secret. */
class ConfigurationErrorIntegrationTest {
    private static final int CONFIGURATION_ERROR = 2;
    private static final int STARTUP_FAILURE = 1;
    private static final String WRONG_SECRET = "a-wrong-secret-of-32-characters-";

    @TempDir
    Path root;

    @Test
    void startShouldStopWithOneLineNamingFileKeyAndExpectationWhenAPortIsNotANumber() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).with("smtp.relay.port", "abc");

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).singleElement().satisfies(line -> assertThat(line)
            .contains("gateway.properties", "smtp.relay.port", "expected a port number", "'abc'"));
    }

    @Test
    void startShouldStopWithOneLineNamingFileKeyAndAllowedKeysWhenAKeyIsMisspelt() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).with("smtp.relay.prot", "25");

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).singleElement().satisfies(line -> assertThat(line)
            .contains("gateway.properties", "smtp.relay.prot", "unknown key", "smtp.relay.port"));
    }

    @Test
    void startShouldStopListingEveryErrorWithItsLineWhenAPolicyFileHasThreeErrors() throws Exception {
        Path policies = Files.createDirectories(root.resolve("conf/policies"));
        Files.createDirectories(policies.resolve("terms"));
        Files.writeString(policies.resolve("terms/terms-v1.md"), "Terms of Service\n");
        Files.writeString(policies.resolve("programs.yaml"), String.join("\n",
            "programs:",
            "  - id: eco",
            "    name: Energy Credits Online",
            "    staffAddress: not-an-address",
            "    invitationLifetime: 400d",
            "    terms:",
            "      version: \"1\"",
            "      file: terms/terms-v1.md",
            "    welcome:",
            "      subject: Welcome",
            "      body: Reply to this message.",
            ""));
        GatewayProcess gateway = GatewayProcess.in(root);

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).hasSize(3).allSatisfy(line -> assertThat(line).contains("programs.yaml:"));
        assertThat(String.join("\n", lines(gateway)))
            .contains("programs.yaml:2: programs[0].id", "programs.yaml:4: programs[0].staffAddress",
                "programs.yaml:5: programs[0].invitationLifetime");
    }

    @Test
    void startShouldStopListingEveryErrorWithItsLineWhenRoutingYamlHasThreeErrors() throws Exception {
        Path policies = root.resolve("conf/policies");
        GatewayProcess.copyPolicies(policies);
        Files.writeString(policies.resolve("routing.yaml"), String.join("\n",
            "staffSenderDomains:",
            "  - staff.example",
            "routes:",
            "  - id: eco-team",
            "    address: eco@gateway.localhost",
            "    displayName: Energy Credits Online team",
            "topics:",
            "  - id: eco-credits",
            "    program: NOPE",
            "    label: Clean energy credits",
            "    route: eco-team",
            "  - id: eco-documents",
            "    program: ECO",
            "    label: Documents",
            "    route: missing-route",
            ""));
        GatewayProcess gateway = GatewayProcess.in(root);

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).hasSize(3).allSatisfy(line -> assertThat(line).contains("routing.yaml:"));
        assertThat(String.join("\n", lines(gateway))).contains("routing.yaml:5:", "routing.yaml:9:", "routing.yaml:15:");
    }

    @Test
    void startShouldSayTheSecretDoesNotOpenTheDatabaseWithoutPrintingItWhenTheSecretChanged() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        gateway.stop();
        Path secretFile = gateway.secretsDirectory().resolve("storage.secret");
        String rightSecret = Files.readString(secretFile).strip();

        Files.writeString(secretFile, WRONG_SECRET + "\n");
        int fromFile = gateway.startExpectingFailure();
        String fileOutput = gateway.output();
        Files.writeString(secretFile, rightSecret + "\n");
        int fromEnvironment = gateway.withEnvironment("SMG_STORAGE_SECRET", WRONG_SECRET).startExpectingFailure();
        String environmentOutput = gateway.output();

        assertThat(fromFile).isNotZero();
        assertThat(fromEnvironment).isNotZero();
        assertThat(List.of(fileOutput, environmentOutput)).allSatisfy(output -> assertThat(output)
            .contains("the storage secret does not open the database")
            .doesNotContain(WRONG_SECRET)
            .doesNotContain(rightSecret));
    }

    @Test
    void startShouldRefuseTheSecretWithoutPrintingItWhenTheEnvironmentGivesATooShortOne() throws Exception {
        String shortSecret = "short-secret-15";
        GatewayProcess gateway = GatewayProcess.in(root).withEnvironment("SMG_STORAGE_SECRET", shortSecret);

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isNotZero();
        assertThat(gateway.output())
            .contains("too short", "environment variable SMG_STORAGE_SECRET")
            .doesNotContain(shortSecret);
        assertThat(gateway.dataDirectory().resolve("db")).doesNotExist();
    }

    @Test
    void startShouldRefuseTheStorageSecretFileWhenOthersCanReadIt() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        gateway.stop();
        Path secretFile = gateway.secretsDirectory().resolve("storage.secret");
        String secret = Files.readString(secretFile).strip();
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).singleElement().satisfies(line -> assertThat(line)
            .contains("secret file " + secretFile + " has mode 0644", "chmod 600 " + secretFile)
            .doesNotContain(secret));
    }

    @Test
    void startShouldRefuseTheDemoAccountWhenTheServicesListenBeyondLoopback() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).with("gateway.bindAddress", "0.0.0.0");

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).singleElement().satisfies(line -> assertThat(line)
            .contains("--demo", "gateway.bindAddress is 0.0.0.0", "--no-demo"));
        assertThat(gateway.secretsDirectory().resolve("demo.password")).doesNotExist();
    }

    @Test
    void startShouldNotBlameTheTlsIdentityWhenAnotherFileCannotBeCreated() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root);
        Files.createDirectories(gateway.dataDirectory());
        Files.writeString(gateway.dataDirectory().resolve("james"), "a file where James's working directory belongs");

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(STARTUP_FAILURE);
        assertThat(gateway.output()).contains("start-up failed", gateway.dataDirectory().resolve("james").toString())
            .doesNotContain("TLS identity");
    }

    @Test
    void startShouldStopNamingTheKeyWhenOutboundTrustStoreIsNotPkcs12() throws Exception {
        Path trustStore = Files.writeString(Files.createDirectories(root.resolve("conf/tls")).resolve("trust.p12"),
            "-----BEGIN CERTIFICATE-----\nnot a trust store\n");
        GatewayProcess gateway = GatewayProcess.in(root).with("outbound.smarthost", "smtp.agency.example:587")
            .with("outbound.trustStore", trustStore.toString());

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(CONFIGURATION_ERROR);
        assertThat(lines(gateway)).anySatisfy(line -> assertThat(line)
            .contains("outbound.trustStore", trustStore.toString(), "expected a PKCS#12 trust store of CA certificates"));
    }

    /** The gateway's output lines that are not blank. */
    private static List<String> lines(GatewayProcess gateway) {
        return gateway.output().lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
    }
}
