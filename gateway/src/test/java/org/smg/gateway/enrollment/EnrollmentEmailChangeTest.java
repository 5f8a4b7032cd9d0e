package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notification address changes only when the link mailed to the new address is used, once. */
class EnrollmentEmailChangeTest {
    private static final String PASSWORD = "correct horse battery staple";

    private EnrollmentWorld world;
    private Enrollment enrollment;
    private Account jane;

    @BeforeEach
    void setUp() throws Exception {
        world = EnrollmentWorld.fresh();
        enrollment = world.enrollment;
        jane = world.active("jane@example.net", "Jane Doe", PASSWORD);
    }

    @Test
    void requestEmailChangeShouldMailTheLinkToTheNewAddressAndChangeNothingWhenNotYetConfirmed() throws Exception {
        enrollment.requestEmailChange(jane.address(), "jane.new@example.org", "192.0.2.10");

        assertThat(world.notices.of("email-change")).singleElement().satisfies(sent -> {
            assertThat(sent.email()).isEqualTo("jane.new@example.org");
            assertThat(sent.link()).startsWith("https://secure.gateway.test:8443/email/");
        });
        assertThat(enrollment.account(jane.address()).email()).isEqualTo("jane@example.net");
        assertThat(world.auditLines("NOTIFICATION_ADDRESS_CHANGED")).singleElement().asString()
            .contains("\"outcome\":\"requested\"").doesNotContain("jane.new@example.org");
    }

    @Test
    void confirmEmailChangeShouldChangeTheAddressOnceWhenTheLinkIsUsed() throws Exception {
        enrollment.requestEmailChange(jane.address(), "jane.new@example.org", "192.0.2.10");
        String token = tokenOf(world.notices.of("email-change").get(0).link());

        enrollment.confirmEmailChange(token, "192.0.2.11");

        assertThat(enrollment.account(jane.address()).email()).isEqualTo("jane.new@example.org");
        assertThatThrownBy(() -> enrollment.confirmEmailChange(token, "192.0.2.11")).isInstanceOf(LinkRefused.class);
        assertThat(world.auditLines("NOTIFICATION_ADDRESS_CHANGED")).hasSize(2).last().asString().contains("\"outcome\":\"confirmed\"");
    }

    @Test
    void confirmEmailChangeShouldRefuseTheEarlierLinkWhenASecondChangeWasRequested() throws Exception {
        enrollment.requestEmailChange(jane.address(), "first@example.org", "192.0.2.10");
        enrollment.requestEmailChange(jane.address(), "second@example.org", "192.0.2.10");
        String first = tokenOf(world.notices.of("email-change").get(0).link());

        assertThatThrownBy(() -> enrollment.confirmEmailChange(first, "192.0.2.11")).isInstanceOf(LinkRefused.class);
        assertThat(enrollment.account(jane.address()).email()).isEqualTo("jane@example.net");
    }

    @Test
    void confirmEmailChangeShouldRefuseTheLinkWhenItExpired() throws Exception {
        enrollment.requestEmailChange(jane.address(), "jane.new@example.org", "192.0.2.10");
        String token = tokenOf(world.notices.of("email-change").get(0).link());
        world.clock.advance(Enrollment.EMAIL_CHANGE_LIFETIME.plus(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> enrollment.confirmEmailChange(token, "192.0.2.11")).isInstanceOf(LinkRefused.class);
        assertThat(enrollment.account(jane.address()).email()).isEqualTo("jane@example.net");
    }

    @Test
    void requestEmailChangeShouldRefuseAddressesWhenTheyCouldInjectHeadersOrReachAnotherInbox() throws Exception {
        world.active("john@example.net", "John Roe", PASSWORD);

        for (String bad : new String[] {"jane@example.org\r\nBcc: spy@evil.example", "a@example.org, b@example.org",
                "Jane <jane@example.org>", "john@example.net", "someone@" + EnrollmentWorld.DOMAIN, "jane@example.net"}) {
            assertThatThrownBy(() -> enrollment.requestEmailChange(jane.address(), bad, "192.0.2.10"))
                .as(bad).isInstanceOf(EnrollmentException.class);
        }
        assertThat(world.notices.of("email-change")).isEmpty();
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
