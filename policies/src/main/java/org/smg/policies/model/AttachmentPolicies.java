package org.smg.policies.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The attachment rules and mailbox quotas of attachments.yaml: a default, and for some programs their own values.
 * A program without overrides gets the default.
 */
public final class AttachmentPolicies {

    /** The default quota of one account's mailboxes: 2 GiB. */
    public static final long DEFAULT_MAILBOX_QUOTA = 2L << 30;

    private final AttachmentRules defaults;
    private final long defaultQuota;
    private final Map<String, AttachmentRules> rules;
    private final Map<String, Long> quotas;

    /**
     * @param rules the rules of the programs that have overrides, by program id
     * @param quotas the mailbox quota of the programs that have overrides, by program id
     */
    public AttachmentPolicies(AttachmentRules defaults, long defaultQuota, Map<String, AttachmentRules> rules,
            Map<String, Long> quotas) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.defaultQuota = defaultQuota;
        this.rules = Map.copyOf(rules);
        this.quotas = Map.copyOf(quotas);
    }

    /** Every value at its documented default: what a policy directory without attachments.yaml gets. */
    public static AttachmentPolicies allDefaults() {
        return new AttachmentPolicies(AttachmentRules.builder().build(), DEFAULT_MAILBOX_QUOTA, Map.of(), Map.of());
    }

    /** The rules of the file's {@code default} section. */
    public AttachmentRules defaults() {
        return defaults;
    }

    /** The rules of one program: its overrides over the default, or the default when it has none. */
    public AttachmentRules forProgram(String id) {
        return rules.getOrDefault(id, defaults);
    }

    /**
     * The rules for a mail that concerns several programs: the smallest of each limit, only the types every
     * program allows, and each refusal switch on when any program has it on. No program: the default.
     */
    public AttachmentRules strictest(Collection<String> programIds) {
        List<AttachmentRules> each = programIds.stream().map(this::forProgram).toList();
        if (each.isEmpty()) {
            return defaults;
        }
        Set<FileType> allowed = EnumSet.allOf(FileType.class);
        each.forEach(rule -> allowed.retainAll(rule.allowedTypes()));
        return AttachmentRules.builder()
                .maxFileSize(each.stream().mapToLong(AttachmentRules::maxFileSize).min().getAsLong())
                .maxMessageSize(each.stream().mapToLong(AttachmentRules::maxMessageSize).min().getAsLong())
                .maxAttachments(each.stream().mapToInt(AttachmentRules::maxAttachments).min().getAsInt())
                .allowedTypes(allowed)
                .refusePdfJavaScript(each.stream().anyMatch(AttachmentRules::refusePdfJavaScript))
                .refusePdfLaunchActions(each.stream().anyMatch(AttachmentRules::refusePdfLaunchActions))
                .refusePdfEmbeddedFiles(each.stream().anyMatch(AttachmentRules::refusePdfEmbeddedFiles))
                .archiveMaxDepth(each.stream().mapToInt(AttachmentRules::archiveMaxDepth).min().getAsInt())
                .archiveMaxEntries(each.stream().mapToInt(AttachmentRules::archiveMaxEntries).min().getAsInt())
                .archiveMaxExpandedSize(each.stream().mapToLong(AttachmentRules::archiveMaxExpandedSize).min()
                        .getAsLong())
                .archiveMaxExpansionRatio(each.stream().mapToInt(AttachmentRules::archiveMaxExpansionRatio).min()
                        .getAsInt())
                .build();
    }

    /**
     * The storage quota of an account enrolled in these programs: the largest of theirs, since the quota is an
     * allowance for the account as a whole (unlike attachment rules, which protect each program). No program (a
     * staff or unenrolled account): the default.
     */
    public long mailboxQuota(Collection<String> programIds) {
        return programIds.stream().mapToLong(id -> quotas.getOrDefault(id, defaultQuota)).max().orElse(defaultQuota);
    }
}
