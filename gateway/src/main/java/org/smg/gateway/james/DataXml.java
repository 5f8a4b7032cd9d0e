package org.smg.gateway.james;

import org.smg.gateway.auth.PasswordHashing;
import org.smg.policies.settings.GatewaySettings;

/** Generates James's data-layer documents (domains, users, recipient rewrites, DNS) from the gateway settings. */
final class DataXml {
    /** One constant for the repository and the decoy checked for unknown accounts (same cost). */
    static final String PASSWORD_HASH = PasswordHashing.ALGORITHM;

    private DataXml() {
    }

    static String domainList(GatewaySettings settings) {
        Xml xml = new Xml().open("domainlist")
            .element("autodetect", false)
            .element("autodetectIP", false)
            .element("defaultDomain", settings.defaultDomain())
            .open("domainnames");
        settings.domains().forEach(domain -> xml.element("domainname", domain));
        return xml.close("domainnames").close("domainlist").toString();
    }

    static String usersRepository() {
        return new Xml().open("usersrepository", "name", "LocalUsers")
            .element("algorithm", PASSWORD_HASH)
            .element("enableVirtualHosting", true)
            .close("usersrepository").toString();
    }

    static String recipientRewriteTable() {
        return new Xml().open("recipientrewritetable")
            .element("recursiveMapping", true)
            .element("mappingLimit", 10)
            .close("recipientrewritetable").toString();
    }

    static String dnsService() {
        return new Xml().open("dnsservice")
            .element("autodiscover", true)
            .element("authoritative", false)
            .element("maxcachesize", 50000)
            .close("dnsservice").toString();
    }
}
