package org.smg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock Apache James, the in-memory Guice server (org.apache.james.MemoryJamesServerMain) exactly
 * as published, with a configuration written here at run time. That main reads its files from
 * conf/ under the directory named by the system property working.directory; a file that is
 * missing means built-in defaults, and a missing protocol file means that server is not started.
 * We write the few files that matter: SMTP and plain IMAP on free ports, the mail domain, virtual
 * hosting (addresses as user names), WebAdmin on a free loopback port to create the user, JMX and
 * JMAP off, POP3/LMTP/ManageSieve explicitly disabled, and a mail pipeline shaped like the
 * gateway's (root -> transport: strip Bcc, rewrite table, local delivery) with the same 8 spooler
 * threads.
 */
final class StockJames extends ServerProcess {
    private final Path libraries;
    private final String address;
    private final String password;
    private final List<Integer> ports = freePorts(3);
    private final int smtpPort = ports.get(0);
    private final int imapPort = ports.get(1);
    private final int webAdminPort = ports.get(2);

    /**
     * @param libraries folder with james-server-memory-app and its runtime dependencies
     * @param address the mailbox owner to create (the same address as the gateway's demo user)
     */
    StockJames(Path libraries, String address, String password) {
        super("stock James", "smg-bench-stock-james-");
        this.libraries = libraries.toAbsolutePath();
        this.address = address;
        this.password = password;
    }

    @Override
    protected void writeConfiguration() throws IOException {
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException("missing " + libraries + ": resolve stock James first (bench/run.sh does)");
        }
        String domain = address.substring(address.indexOf('@') + 1);
        Path conf = Files.createDirectories(root().resolve("conf"));
        write(conf, "smtpserver.xml", """
            <smtpservers>
                <smtpserver enabled="true">
                    <jmxName>smtpserver</jmxName>
                    <bind>127.0.0.1:%d</bind>
                    <helloName autodetect="false">localhost</helloName>
                    <connectionBacklog>200</connectionBacklog>
                    <connectiontimeout>360</connectiontimeout>
                    <!-- like the gateway's relay port: loopback clients may send without logging in -->
                    <authorizedAddresses>127.0.0.0/8</authorizedAddresses>
                    <auth><announce>never</announce></auth>
                    <maxmessagesize>0</maxmessagesize>
                    <handlerchain/>
                </smtpserver>
            </smtpservers>
            """.formatted(smtpPort));
        write(conf, "imapserver.xml", """
            <imapservers>
                <imapserver enabled="true">
                    <jmxName>imapserver</jmxName>
                    <bind>127.0.0.1:%d</bind>
                    <helloName autodetect="false">localhost</helloName>
                    <connectionBacklog>200</connectionBacklog>
                    <auth><plainAuthEnabled>true</plainAuthEnabled><requireSSL>false</requireSSL></auth>
                </imapserver>
            </imapservers>
            """.formatted(imapPort));
        for (String protocol : List.of("pop3server", "lmtpserver", "managesieveserver")) {
            write(conf, protocol + ".xml", "<%1$ss>\n    <%1$s enabled=\"false\"/>\n</%1$ss>\n".formatted(protocol));
        }
        write(conf, "domainlist.xml", """
            <domainlist>
                <autodetect>false</autodetect>
                <autodetectIP>false</autodetectIP>
                <defaultDomain>%1$s</defaultDomain>
                <domainnames><domainname>%1$s</domainname></domainnames>
            </domainlist>
            """.formatted(domain));
        write(conf, "usersrepository.xml", """
            <usersrepository name="LocalUsers">
                <enableVirtualHosting>true</enableVirtualHosting>
            </usersrepository>
            """);
        // No DNS server is reachable here; the benchmark only delivers locally and never needs one.
        write(conf, "dnsservice.xml", """
            <dnsservice>
                <autodiscover>false</autodiscover>
                <servers><server>127.0.0.1</server></servers>
                <authoritative>false</authoritative>
                <maxcachesize>50000</maxcachesize>
            </dnsservice>
            """);
        write(conf, "mailrepositorystore.xml", """
            <mailrepositorystore>
                <defaultProtocol>memory</defaultProtocol>
                <mailrepositories>
                    <mailrepository class="org.apache.james.mailrepository.memory.MemoryMailRepository">
                        <protocols><protocol>memory</protocol></protocols>
                    </mailrepository>
                </mailrepositories>
            </mailrepositorystore>
            """);
        write(conf, "mailetcontainer.xml", """
            <mailetcontainer enableJmx="false">
                <context><postmaster>postmaster@%s</postmaster></context>
                <spooler>
                    <threads>8</threads>
                    <errorRepository>memory://var/mail/error/</errorRepository>
                </spooler>
                <processors>
                    <processor state="root" enableJmx="false">
                        <mailet match="All" class="ToProcessor"><processor>transport</processor></mailet>
                    </processor>
                    <processor state="error" enableJmx="false">
                        <mailet match="All" class="ToRepository"><repositoryPath>memory://var/mail/error/</repositoryPath></mailet>
                    </processor>
                    <processor state="transport" enableJmx="false">
                        <mailet match="All" class="RemoveMimeHeader"><name>bcc</name></mailet>
                        <mailet match="All" class="RecipientRewriteTable"/>
                        <mailet match="RecipientIsLocal" class="LocalDelivery"/>
                        <mailet match="All" class="ToRepository"><repositoryPath>memory://var/mail/no-route/</repositoryPath></mailet>
                    </processor>
                </processors>
            </mailetcontainer>
            """.formatted(domain));
        write(conf, "jmx.properties", "jmx.enabled=false\n");
        write(conf, "jmap.properties", "enabled=false\n");
        write(conf, "webadmin.properties", "enabled=true\nhost=127.0.0.1\nport=%d\n".formatted(webAdminPort));
        // Same log volume as the gateway: warnings, plus the line that says the server started.
        write(conf, "logback.xml", """
            <configuration>
                <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
                </appender>
                <logger name="org.apache.james.GuiceJamesServer" level="INFO"/>
                <root level="WARN"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """);
    }

    private static void write(Path conf, String file, String content) throws IOException {
        Files.writeString(conf.resolve(file), "<?xml version=\"1.0\"?>\n".repeat(file.endsWith(".xml") ? 1 : 0) + content);
    }

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JVM_OPTIONS);
        command.add("-Dworking.directory=" + root());
        command.add("-Dlogback.configurationFile=" + root().resolve("conf/logback.xml"));
        command.addAll(List.of("-cp", libraries + "/*", "org.apache.james.MemoryJamesServerMain"));
        return command;
    }

    @Override
    protected boolean isReadyLine(String line) {
        return line.contains("JAMES server started");
    }

    /** Creates the mailbox owner through WebAdmin (the domain comes from domainlist.xml). */
    @Override
    protected void afterReady() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + webAdminPort + "/users/" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("stock James refused to create " + address + ": HTTP "
                + response.statusCode() + " " + response.body());
        }
    }

    @Override
    int smtpPort() {
        return smtpPort;
    }

    @Override
    String mailbox() {
        return address;
    }

    @Override
    ImapCounter imapCounter() {
        // Plain IMAP: stock James has no certificate here, and counting needs no secrecy.
        return new ImapCounter("imap", imapPort, address, password);
    }
}
