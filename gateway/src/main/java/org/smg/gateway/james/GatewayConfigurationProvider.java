package org.smg.gateway.james;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.apache.james.util.LoggingLevel;
import org.smg.gateway.tls.ServerIdentity;
import org.smg.policies.settings.GatewaySettings;

import com.google.common.collect.ImmutableMap;

/**
 * Answers James's configuration requests. Protocol and data documents are generated in memory
 * from the validated gateway settings (so a secret such as a keystore password never lands in a
 * file); the mailet pipeline is read from {@code conf/mailetcontainer.xml}; anything else gets
 * James's defaults.
 */
public final class GatewayConfigurationProvider implements ConfigurationProvider {
    private static final String MAILET_CONTAINER = "mailetcontainer";

    private final Path configurationDirectory;
    private final Map<String, String> generated;

    public GatewayConfigurationProvider(Path configurationDirectory, GatewaySettings settings, ServerIdentity identity) {
        this.configurationDirectory = configurationDirectory;
        ProtocolsXml protocols = new ProtocolsXml(settings, identity);
        this.generated = ImmutableMap.<String, String>builder()
            .put("smtpserver", protocols.smtp())
            .put("imapserver", protocols.imap())
            .put("domainlist", DataXml.domainList(settings))
            .put("usersrepository", DataXml.usersRepository())
            .put("recipientrewritetable", DataXml.recipientRewriteTable())
            .put("dnsservice", DataXml.dnsService())
            .build();
    }

    @Override
    public HierarchicalConfiguration<ImmutableNode> getConfiguration(String component, LoggingLevel loggingLevelOnError)
            throws ConfigurationException {
        String document = generated.get(component);
        if (document != null) {
            return parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        }
        if (MAILET_CONTAINER.equals(component)) {
            return mailetContainer();
        }
        return FileConfigurationProvider.EMPTY_CONFIGURATION;
    }

    private HierarchicalConfiguration<ImmutableNode> mailetContainer() throws ConfigurationException {
        Path file = configurationDirectory.resolve(MAILET_CONTAINER + ".xml");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read the mailet pipeline (" + e.getMessage() + ")", e);
        }
    }

    private static HierarchicalConfiguration<ImmutableNode> parse(InputStream document) throws ConfigurationException {
        return FileConfigurationProvider.getConfig(document);
    }
}
