package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person enrolled as a citizen is: invited through WebAdmin, registered from the invitation link in a web session, terms accepted. */
final class Enrolment {
    /** The secure address, the external address the invitation went to, and the web session that registered (signed in). */
    record Enrolled(String address, String email, Browser browser) {
    }

    private Enrolment() {
    }

    static Enrolled register(GatewayProcess gateway, String email, String name, String password) throws Exception {
        HttpResponse<String> invited = WebAdmin.call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String path = Browser.pathOf(field(invited.body(), "link"));
        Browser browser = new Browser(gateway);
        browser.get(path);
        assertThat(browser.submit(path, "password", password, "confirm", password).statusCode()).isEqualTo(303);
        browser.get("/terms");
        assertThat(browser.submit("/terms", "decision", "accept").statusCode()).isEqualTo(303);
        return new Enrolled(field(invited.body(), "address"), email, browser);
    }

    /** A string field of a flat JSON answer, asserted present. */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as("field " + name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
