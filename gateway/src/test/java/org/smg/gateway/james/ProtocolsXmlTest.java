package org.smg.gateway.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.smtp.AuthAfterStartTls;
import org.smg.gateway.smtp.GatewayCoreHandlers;
import org.smg.gateway.smtp.SubmissionCoreHandlers;
import org.smg.gateway.smtp.AuthenticationRequired;
import org.smg.gateway.smtp.AuthorIsLoggedInUser;
import org.smg.gateway.smtp.RelayAuthGate;
import org.smg.gateway.smtp.RelayTlsRequired;
import org.smg.gateway.smtp.StaffRelayAllowList;
import org.smg.gateway.smtp.TooManyRecipients;
import org.smg.gateway.tls.ServerIdentity;
import org.smg.policies.settings.GatewaySettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class ProtocolsXmlTest {
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @TempDir
    static Path base;

    private static Document smtp;
    private static Document imap;

    @BeforeAll
    static void generate() throws Exception {
        GatewaySettings settings = GatewaySettings.builder().baseDirectory(base).build();
        ProtocolsXml protocols = new ProtocolsXml(settings, ServerIdentity.resolve(settings));
        smtp = parse(protocols.smtp());
        imap = parse(protocols.imap());
    }

    @Test
    void everyServerShouldEnableOnlyTls12And13() throws Exception {
        List<Element> servers = allServers();

        assertThat(servers).hasSize(5);
        for (Element server : servers) {
            assertThat(texts(server, "tls/supportedProtocols/protocol")).as(name(server))
                .containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
        }
    }

    @Test
    void everyServerShouldEnableOnlyAeadCipherSuites() throws Exception {
        List<Element> servers = allServers();

        for (Element server : servers) {
            assertThat(texts(server, "tls/supportedCipherSuites/cipherSuite")).as(name(server))
                .isNotEmpty()
                .allMatch(suite -> suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_"));
        }
    }

    @Test
    void everyServerShouldRequireTlsBeforeAuthentication() throws Exception {
        List<Element> servers = allServers();

        for (Element server : servers) {
            assertThat(texts(server, "auth/requireSSL")).as(name(server)).containsExactly("true");
        }
        assertThat(texts(imap.getDocumentElement(), "imapserver/plainAuthDisallowed")).containsExactly("true", "true");
    }

    @Test
    void smtpServersShouldTrustNoNetworkWithoutAuthentication() throws Exception {
        NodeList authorized = (NodeList) XPATH.evaluate("//authorizedAddresses", smtp, XPathConstants.NODESET);

        assertThat(authorized.getLength()).isZero();
    }

    @Test
    void relayOnlyHandlersShouldGuardOnlyTheRelayServer() throws Exception {
        List<String> guarded = serversWith(StaffRelayAllowList.class);
        List<String> authGated = serversWith(RelayAuthGate.class);
        List<String> tlsRequired = serversWith(RelayTlsRequired.class);

        assertThat(guarded).containsExactly("smtp-relay");
        assertThat(authGated).containsExactly("smtp-relay");
        assertThat(tlsRequired).containsExactly("smtp-relay");
    }

    @Test
    void allowListShouldReachItsHandlerThroughGuiceNotThroughTheXml() throws Exception {
        Node handler = (Node) XPATH.evaluate("//handler[@class='" + StaffRelayAllowList.class.getName() + "']", smtp,
            XPathConstants.NODE);

        assertThat(handler.getChildNodes().getLength()).isZero();
        assertThat(smtp.getDocumentElement().getTextContent()).doesNotContain("127.0.0.1/32");
    }

    @Test
    void submissionServersShouldGateAuthAndCheckAuthorHeaders() throws Exception {
        List<String> authGated = serversWith(AuthAfterStartTls.class);
        List<String> authorChecked = serversWith(AuthorIsLoggedInUser.class);

        assertThat(authGated).containsExactly("smtp-submission", "smtps");
        assertThat(authorChecked).containsExactly("smtp-submission", "smtps");
    }

    @Test
    void everySmtpServerShouldLimitRecipients() throws Exception {
        List<String> limited = serversWith(TooManyRecipients.class);

        assertThat(limited).containsExactly("smtp-relay", "smtp-submission", "smtps");
    }

    @Test
    void everySmtpServerShouldGuardFreeSpaceAndFullMailboxes() throws Exception {
        List<String> guarded = serversWith(org.smg.gateway.smtp.EnoughDiskSpace.class);
        List<String> quotaChecked = serversWith(org.smg.gateway.smtp.MailboxNotFull.class);

        assertThat(guarded).containsExactly("smtp-relay", "smtp-submission", "smtps");
        assertThat(quotaChecked).containsExactly("smtp-relay", "smtp-submission", "smtps");
    }

    @Test
    void authGatesShouldComeBeforeJamesCoreHandlersSoTheyAnswerAuthFirst() throws Exception {
        List<String> orders = new ArrayList<>();

        for (Element server : smtpServers()) {
            List<String> classes = texts(server, "handlerchain/handler/@class");
            int gate = Math.max(classes.indexOf(AuthAfterStartTls.class.getName()), classes.indexOf(RelayAuthGate.class.getName()));
            int core = Math.max(classes.indexOf(GatewayCoreHandlers.class.getName()), classes.indexOf(SubmissionCoreHandlers.class.getName()));
            orders.add(name(server) + ":" + (gate >= 0 && gate < core));
        }

        assertThat(orders).containsExactly("smtp-relay:true", "smtp-submission:true", "smtps:true");
    }

    @Test
    void delegatedAuthShouldBeReadOnSubmissionPortsOnly() throws Exception {
        List<String> cores = new ArrayList<>();

        for (Element server : smtpServers()) {
            cores.add(name(server) + ":" + XPATH.evaluate("handlerchain/@coreHandlersPackage", server));
        }

        assertThat(cores).containsExactly("smtp-relay:" + GatewayCoreHandlers.class.getName(),
            "smtp-submission:" + SubmissionCoreHandlers.class.getName(), "smtps:" + SubmissionCoreHandlers.class.getName());
    }

    @Test
    void relayShouldAnnounceAuthAfterTlsOnlyWhenRelayAuthIsEnabled() throws Exception {
        GatewaySettings settings = GatewaySettings.builder().baseDirectory(base).relayAuth(true).build();
        Document enabled = parse(new ProtocolsXml(settings, ServerIdentity.resolve(settings)).smtp());

        Element relay = elements(enabled, "/smtpservers/smtpserver[jmxName='smtp-relay']").get(0);

        assertThat(XPATH.evaluate("auth/announce", relay)).isEqualTo("always");
        assertThat(XPATH.evaluate("auth/requireSSL", relay)).isEqualTo("true");
        assertThat(XPATH.evaluate("verifyIdentity", relay)).isEqualTo("false");
    }

    @Test
    void submissionServersShouldRequireAuthenticationAndRelayShouldNotOfferIt() throws Exception {
        List<String> requiringAuth = new ArrayList<>();
        List<String> announcements = new ArrayList<>();

        for (Element server : smtpServers()) {
            if (XPATH.evaluate("handlerchain/handler[@class='" + AuthenticationRequired.class.getName() + "']", server,
                    XPathConstants.NODE) != null) {
                requiringAuth.add(name(server));
            }
            announcements.add(name(server) + "=" + XPATH.evaluate("auth/announce", server));
        }

        assertThat(requiringAuth).containsExactly("smtp-submission", "smtps");
        assertThat(announcements).containsExactly("smtp-relay=never", "smtp-submission=always", "smtps=always");
    }

    @Test
    void smtpHandlerChainsShouldHaveNoJmxMonitorsBecauseTheyBreakOnAllowedConnections() throws Exception {
        List<Element> servers = smtpServers();

        for (Element server : servers) {
            assertThat(XPATH.evaluate("handlerchain/@enableJmx", server)).as(name(server)).isEqualTo("false");
        }
    }

    private static List<String> serversWith(Class<?> handler) throws Exception {
        List<String> servers = new ArrayList<>();
        for (Element server : smtpServers()) {
            if (XPATH.evaluate("handlerchain/handler[@class='" + handler.getName() + "']", server, XPathConstants.NODE) != null) {
                servers.add(name(server));
            }
        }
        return servers;
    }

    private static List<Element> allServers() throws Exception {
        List<Element> servers = smtpServers();
        servers.addAll(elements(imap, "/imapservers/imapserver"));
        return servers;
    }

    private static List<Element> smtpServers() throws Exception {
        return elements(smtp, "/smtpservers/smtpserver");
    }

    private static List<Element> elements(Object context, String path) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(path, context, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> texts(Node context, String path) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(path, context, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String name(Element server) throws Exception {
        return XPATH.evaluate("jmxName", server);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
