package org.smg.gateway.web.mail;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.smg.gateway.enrollment.TopicAddresses.TopicAddress;

/**
 * The topic a message belongs to, found from its addresses: the first topic address of the mailbox owner's programs
 * among the sender and the recipients (staff answers and the citizen's own messages show the topic address they were
 * routed through). A message that names none shows no topic.
 */
public final class Topics {
    private final List<TopicAddress> topics;

    public Topics(List<TopicAddress> topics) {
        this.topics = List.copyOf(topics);
    }

    public Optional<String> of(Collection<String> addresses) {
        for (String address : addresses) {
            String key = address.strip().toLowerCase(Locale.ROOT);
            for (TopicAddress topic : topics) {
                if (topic.address().toLowerCase(Locale.ROOT).equals(key)) {
                    return Optional.of(topic.label());
                }
            }
        }
        return Optional.empty();
    }
}
