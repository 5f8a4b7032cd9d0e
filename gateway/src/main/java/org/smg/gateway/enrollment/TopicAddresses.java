package org.smg.gateway.enrollment;

import java.util.Collection;
import java.util.List;

import org.smg.policies.model.Policies;

/**
 * The topic addresses a citizen may write to (routing.yaml, the topics of their programs), as the welcome message
 * and the account page list them: a citizen writes to a topic or replies, nothing else.
 */
public final class TopicAddresses {

    /** One topic's address and the label citizens see. */
    public record TopicAddress(String address, String label) {
    }

    private TopicAddresses() {
    }

    public static List<TopicAddress> of(Policies policies, Collection<String> programIds, String domain) {
        return programIds.stream()
            .flatMap(program -> policies.routing().topicsOf(program).stream())
            .map(topic -> new TopicAddress(topic.id() + "@" + domain, topic.label()))
            .toList();
    }

    /** The paragraph that ends a welcome message; empty when the programs have no topics (replies only). */
    public static String paragraph(List<TopicAddress> topics) {
        if (topics.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n\nTo write to us about something new, send your message to the address of its topic:\n\n");
        topics.forEach(topic -> text.append("  ").append(topic.address()).append("  (").append(topic.label()).append(")\n"));
        return text.append("\nYou can also reply to any message we send you.\n").toString();
    }
}
