package org.smg.gateway.records;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.gateway.routing.GatewayHeaders;
import org.smg.gateway.routing.ReplyRouteReturnPath;
import org.smg.gateway.routing.RouteCitizenMail;
import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;

/**
 * Keeps the record of a message where its delivery is decided: {@link #delivered} after every
 * local INBOX holds it (one record per citizen), {@link #relayed} after the smart host accepted a
 * citizen's mail to staff. A record that cannot be kept is a {@link MessagingException}, so the
 * mail goes to the error processor instead of counting as delivered without its record. A record is
 * kept once per mail name (the delivery id {@code SkipAlreadyDelivered} stamps) and account, so a
 * released mail whose record was kept before its delivery failed does not get a second one.
 *
 * <p>The program of a record (whose retention applies): for citizen mail, the first program the
 * routing named ({@code X-SMG-Program}); otherwise the citizen's program whose staff address is the
 * other party; else the citizen's first program; else none (the default retention).
 */
public final class RecordKeeper {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordKeeper.class);

    private final RecordStore store;
    private final AccountStore accounts;
    private final Supplier<Programs> programs;

    public RecordKeeper(RecordStore store, AccountStore accounts, Supplier<Programs> programs) {
        this.store = store;
        this.accounts = accounts;
        this.programs = programs;
    }

    /** Staff (or the gateway) to citizen: one record for each local recipient the mail was delivered to. */
    public void delivered(Mail mail) throws MessagingException {
        // A staff answer's envelope sender is by now its reply address; the record names the staff author.
        String sender = mail.getAttribute(ReplyRouteReturnPath.STAFF_SENDER)
            .map(attribute -> String.valueOf(attribute.getValue().getValue()))
            .orElseGet(() -> mail.getMaybeSender().asString(""));
        for (MailAddress recipient : mail.getRecipients()) {
            String account = recipient.asString();
            keep(mail, account, program(account, List.of(sender)), RecordDirection.IN, sender, account);
        }
    }

    /** Citizen to staff, after the smart host accepted it; mail that is not a citizen's (DSNs, notices) has no record. */
    public void relayed(Mail mail) throws MessagingException {
        if (mail.getAttribute(RouteCitizenMail.ROUTED).isEmpty() || mail.getMaybeSender().isNullSender()) {
            return;
        }
        String citizen = mail.getMaybeSender().asString();
        List<String> staff = mail.getRecipients().stream().map(MailAddress::asString).toList();
        // The routing set X-SMG-Program (the citizen's programs of the route); a client's copy was stripped.
        String routed = Optional.ofNullable(mail.getMessage().getHeader(GatewayHeaders.PROGRAM, ","))
            .map(value -> value.split(",")[0].strip()).orElse("");
        String program = routed.isEmpty() ? program(citizen, staff) : routed;
        keep(mail, citizen, program, RecordDirection.OUT, citizen, String.join(", ", staff));
    }

    private void keep(Mail mail, String account, String program, RecordDirection direction, String sender, String recipient)
            throws MessagingException {
        try {
            MessageRecord record = store.keep(account, program, direction, sender, recipient, mail.getMessage(), mail.getName());
            LOGGER.debug("mail {} kept as record {} ({}, {} bytes)", mail.getName(), record.id(), direction.word(), record.size());
        } catch (RecordException e) {
            throw new MessagingException("mail " + mail.getName() + ": " + e.getMessage(), e);
        }
    }

    private String program(String account, Collection<String> staffAddresses) throws MessagingException {
        Optional<Account> citizen;
        try {
            citizen = accounts.find(account);
        } catch (SQLException e) {
            throw new MessagingException("cannot read account " + account + " to keep a record", e);
        }
        if (citizen.isEmpty() || citizen.get().programs().isEmpty()) {
            return "";
        }
        Collection<String> staff = staffAddresses.stream().map(address -> address.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Programs current = programs.get();
        return citizen.get().programs().stream()
            .filter(id -> current.find(id).map(Program::staffAddress).map(address -> staff.contains(address.toLowerCase(Locale.ROOT)))
                .orElse(false))
            .findFirst()
            .orElse(citizen.get().programs().get(0));
    }
}
