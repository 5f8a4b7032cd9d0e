package org.smg.gateway.dkim;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.jdkim.mailets.DKIMSign;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.smg.gateway.delivery.HeaderChangedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DKIM-signs every mail whose {@code From:} is one address in one of the gateway's domains, with
 * {@code d=} that domain, the gateway's key and selector ({@link DkimSigning}); other mail passes
 * unsigned (it is not ours to vouch for). James's {@link DKIMSign} does the signing; it is given
 * the key as its {@code privateKey} parameter, because its {@code privateKeyFilepath} reads a
 * class-path resource, not a file. A mail is signed once: released from a held repository and sent
 * again, it keeps its first signature.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.dkim.SignOwnDomains"/>
 * }</pre>
 */
public final class SignOwnDomains extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignOwnDomains.class);
    static final AttributeName SIGNED = AttributeName.of("org.smg.dkim.signed");
    // The headers a reader sees and a forger would change; Message-ID is left out because a
    // resend by JavaMail may renew it.
    private static final String SIGNED_HEADERS = "from:sender:reply-to:to:cc:subject:date:mime-version:content-type:content-transfer-encoding";

    private final DkimSigning signing;
    private final Map<String, DKIMSign> signers = new LinkedHashMap<>();

    @Inject
    public SignOwnDomains(DkimSigning signing) {
        this.signing = signing;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
        for (String domain : signing.domains()) {
            DKIMSign signer = new DKIMSign();
            signer.init(new SignerConfig(getMailetContext(), Map.of(
                "signatureTemplate", "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + signing.selector()
                    + "; h=" + SIGNED_HEADERS + "; bh=; b=;",
                "privateKey", signing.key().privateKeyPem())));
            signers.put(domain, signer);
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (mail.getAttribute(SIGNED).isPresent()) {
            return;
        }
        Optional<String> domain = fromDomain(mail.getMessage().getHeader("From"));
        if (domain.isEmpty() || !signers.containsKey(domain.get())) {
            LOGGER.debug("mail {} not signed: its From is not one address in the gateway's domains", mail.getName());
            return;
        }
        sign(signers.get(domain.get()), mail);
        mail.setAttribute(new Attribute(SIGNED, AttributeValue.of(domain.get())));
        LOGGER.debug("mail {} DKIM-signed for {}", mail.getName(), domain.get());
    }

    /**
     * Signs through a {@link HeaderChangedMessage}: James's signer hashes the body with {@code writeTo}, which on
     * a message whose header was changed on the way (routing does) would parse the whole body into the heap.
     * The signature, added to the view's header, is then copied to the mail's own.
     */
    private static void sign(DKIMSign signer, Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        MimeMessage view = HeaderChangedMessage.of(message);
        if (view == message) {
            signer.service(mail);
            return;
        }
        signer.service(withMessage(mail, view));
        ((HeaderChangedMessage) view).copyHeaderTo(message);
    }

    /** {@code mail} answering {@code getMessage()} with {@code message}; James's signer asks nothing else of it. */
    private static Mail withMessage(Mail mail, MimeMessage message) {
        return (Mail) Proxy.newProxyInstance(Mail.class.getClassLoader(), new Class<?>[] {Mail.class}, (proxy, method, args) -> {
            if (method.getName().equals("getMessage") && method.getParameterCount() == 0) {
                return message;
            }
            try {
                return method.invoke(mail, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** The domain of the one address of the one From header, lower-cased; empty for anything else. */
    static Optional<String> fromDomain(String[] fromHeaders) {
        if (fromHeaders == null || fromHeaders.length != 1) {
            return Optional.empty();
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(fromHeaders[0], true);
            if (addresses.length != 1) {
                return Optional.empty();
            }
            String address = addresses[0].getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 1 ? Optional.empty() : Optional.of(address.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getMailetInfo() {
        return "DKIM signature for mail from the gateway's domains";
    }

    private record SignerConfig(MailetContext context, Map<String, String> parameters) implements MailetConfig {
        @Override
        public String getInitParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public Iterator<String> getInitParameterNames() {
            return Collections.unmodifiableSet(parameters.keySet()).iterator();
        }

        @Override
        public MailetContext getMailetContext() {
            return context;
        }

        @Override
        public String getMailetName() {
            return "DKIMSign";
        }
    }
}
