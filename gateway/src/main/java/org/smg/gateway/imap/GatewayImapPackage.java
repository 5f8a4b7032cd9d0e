package org.smg.gateway.imap;

import java.util.Collection;
import java.util.Map;

import org.apache.james.imap.decode.parser.LoginCommandParser;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.imap.processor.CapabilityProcessor;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.imap.processor.SearchProcessor;
import org.apache.james.imap.processor.fetch.FetchProcessor;
import org.apache.james.modules.protocols.ImapPackage;
import org.apache.james.utils.ClassName;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * James's default IMAP commands, with the processors that would announce or half-answer SAVEDATE
 * replaced, and LOGIN and AUTHENTICATE followed by the account's decision ({@link AccountGate}).
 */
public final class GatewayImapPackage implements ImapPackage {
    private static final Map<ClassName, ClassName> REPLACEMENTS = ImmutableMap.of(
        className(CapabilityProcessor.class), className(NoSaveDateCapabilityProcessor.class),
        className(FetchProcessor.class), className(NoSaveDateFetchProcessor.class),
        className(SearchProcessor.class), className(NoSaveDateSearchProcessor.class),
        className(LoginProcessor.class), className(AccountCheckedLoginProcessor.class),
        className(AuthenticateProcessor.class), className(AccountCheckedAuthenticateProcessor.class));

    @Override
    public Collection<ClassName> processors() {
        return ImapPackage.DEFAULT.processors().stream()
            .map(processor -> REPLACEMENTS.getOrDefault(processor, processor))
            .collect(ImmutableList.toImmutableList());
    }

    @Override
    public Collection<ClassName> decoders() {
        return ImapPackage.DEFAULT.decoders().stream()
            .map(decoder -> decoder.equals(className(LoginCommandParser.class)) ? className(DelegatingLoginCommandParser.class) : decoder)
            .collect(ImmutableList.toImmutableList());
    }

    @Override
    public Collection<ClassName> encoders() {
        return ImapPackage.DEFAULT.encoders();
    }

    private static ClassName className(Class<?> type) {
        return new ClassName(type.getCanonicalName());
    }
}
