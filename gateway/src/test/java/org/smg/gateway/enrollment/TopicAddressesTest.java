package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smg.policies.model.Policies;
import org.smg.policies.model.PolicyLoader;

class TopicAddressesTest {
    private static final Path SHIPPED = Path.of("..", "conf", "policies").toAbsolutePath().normalize();

    @Test
    void ofShouldListTheTopicsOfTheCitizensProgramsOnly() throws Exception {
        Policies policies = PolicyLoader.load(SHIPPED);

        List<TopicAddresses.TopicAddress> topics = TopicAddresses.of(policies, List.of("ECO"), "gateway.test");

        assertThat(topics).extracting(TopicAddresses.TopicAddress::address)
            .contains("eco-credits@gateway.test", "eco-registration@gateway.test")
            .allMatch(address -> address.startsWith("eco-"));
    }

    @Test
    void paragraphShouldBeEmptyWhenProgramsHaveNoTopics() {
        assertThat(TopicAddresses.paragraph(List.of())).isEmpty();
    }

    @Test
    void paragraphShouldNameEachAddressWithItsLabel() {
        String text = TopicAddresses.paragraph(List.of(new TopicAddresses.TopicAddress("eco-credits@gateway.test", "Clean energy credits")));

        assertThat(text).contains("  eco-credits@gateway.test  (Clean energy credits)").contains("reply");
    }
}
