package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.smg.gateway.dkim.DkimSigning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /dkim}: the DNS TXT records to publish so that receivers can verify the gateway's DKIM
 * signatures: {@code {"selector":"smg","records":[{"domain","name","type":"TXT","value"}]}}, one per
 * gateway domain. Only the public key is shown.
 */
public final class DkimRoutes implements Routes {
    static final String BASE_PATH = "/dkim";

    private final DkimSigning signing;

    @Inject
    public DkimRoutes(DkimSigning signing) {
        this.signing = signing;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::records);
    }

    private Object records(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("selector", signing.selector());
        ArrayNode records = json.putArray("records");
        for (String domain : signing.domains()) {
            records.addObject()
                .put("domain", domain)
                .put("name", signing.recordName(domain))
                .put("type", "TXT")
                .put("value", signing.key().txtRecord());
        }
        response.type("application/json");
        return json.toString();
    }
}
