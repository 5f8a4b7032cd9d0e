package org.smg.gateway.storage;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MimePath;
import org.apache.james.mailbox.model.PartContentDescriptor;

import com.google.common.collect.ImmutableSet;

/**
 * A fetched message whose sections ({@code BODY[2]}, {@code BODY[2.TEXT]}) stream from the stored message
 * ({@link MimeSection}) instead of James 3.8.1's {@code byte[]} copies. The fetch group given to James must
 * ask for no section content ({@link #withoutSectionContent}), or James would still make those copies while
 * loading the message.
 */
final class StreamedSectionsMessageResult extends ForwardingMessageResult {
    private static final EnumSet<FetchGroup.Profile> SECTION_CONTENT =
        EnumSet.of(FetchGroup.Profile.BODY_CONTENT, FetchGroup.Profile.MIME_CONTENT);

    private final Set<MimePath> mimeContent;
    private final Set<MimePath> bodyContent;

    private StreamedSectionsMessageResult(MessageResult delegate, Set<MimePath> mimeContent, Set<MimePath> bodyContent) {
        super(delegate);
        this.mimeContent = mimeContent;
        this.bodyContent = bodyContent;
    }

    /**
     * {@code result} serving the section contents {@code requested} asked for, and no others: like James's own
     * result, a section whose content was not asked for has none ({@code null}), which is how James's FETCH
     * tells that {@code BODY[3.HEADER]} of a part without a message header is empty.
     */
    static MessageResult of(MessageResult result, FetchGroup requested) {
        ImmutableSet.Builder<MimePath> mime = ImmutableSet.builder();
        ImmutableSet.Builder<MimePath> body = ImmutableSet.builder();
        Set<PartContentDescriptor> sections = requested.getPartContentDescriptors();
        if (sections != null) {
            for (PartContentDescriptor section : sections) {
                if (section.profiles().contains(FetchGroup.Profile.MIME_CONTENT)) {
                    mime.add(section.path());
                }
                if (section.profiles().contains(FetchGroup.Profile.BODY_CONTENT)) {
                    body.add(section.path());
                }
            }
        }
        return new StreamedSectionsMessageResult(result, mime.build(), body.build());
    }

    /** {@code fetchGroup} without the section contents IMAP asks for; the headers of sections are still James's to load. */
    static FetchGroup withoutSectionContent(FetchGroup fetchGroup) {
        Set<PartContentDescriptor> sections = fetchGroup.getPartContentDescriptors();
        if (sections == null || sections.isEmpty()) {
            return fetchGroup;
        }
        ImmutableSet.Builder<PartContentDescriptor> headersOnly = ImmutableSet.builder();
        for (PartContentDescriptor section : sections) {
            EnumSet<FetchGroup.Profile> profiles = EnumSet.copyOf(section.profiles());
            profiles.removeAll(SECTION_CONTENT);
            if (!profiles.isEmpty()) {
                headersOnly.add(new PartContentDescriptor(profiles, section.path()));
            }
        }
        return new FetchGroup(fetchGroup.profiles(), headersOnly.build());
    }

    @Override
    public Content getMimeBody(MimePath path) throws MailboxException {
        if (!mimeContent.contains(path)) {
            return null;
        }
        return new StreamedSectionContent(message(), path.getPositions(), MimeSection::partContent);
    }

    @Override
    public Content getBody(MimePath path) throws MailboxException {
        if (!bodyContent.contains(path)) {
            return null;
        }
        return new StreamedSectionContent(message(), path.getPositions(), MimeSection::messageText);
    }

    private Content message() throws MailboxException {
        try {
            return delegate().getFullContent();
        } catch (IOException e) {
            throw new MailboxException("cannot read message " + getUid(), e);
        }
    }
}
