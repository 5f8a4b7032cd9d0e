package org.smg.policies.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The attachment policy in force for one program (attachments.yaml: the default, overridden per program). Sizes
 * are in bytes. Parsed and validated by the attachments.yaml policy file; tests build it with {@link #builder()}.
 */
public final class AttachmentRules {
    private final long maxFileSize;
    private final long maxMessageSize;
    private final int maxAttachments;
    private final Set<FileType> allowedTypes;
    private final boolean refusePdfJavaScript;
    private final boolean refusePdfLaunchActions;
    private final boolean refusePdfEmbeddedFiles;
    private final int archiveMaxDepth;
    private final int archiveMaxEntries;
    private final long archiveMaxExpandedSize;
    private final int archiveMaxExpansionRatio;

    private AttachmentRules(Builder builder) {
        this.maxFileSize = builder.maxFileSize;
        this.maxMessageSize = builder.maxMessageSize;
        this.maxAttachments = builder.maxAttachments;
        this.allowedTypes = Set.copyOf(builder.allowedTypes);
        this.refusePdfJavaScript = builder.refusePdfJavaScript;
        this.refusePdfLaunchActions = builder.refusePdfLaunchActions;
        this.refusePdfEmbeddedFiles = builder.refusePdfEmbeddedFiles;
        this.archiveMaxDepth = builder.archiveMaxDepth;
        this.archiveMaxEntries = builder.archiveMaxEntries;
        this.archiveMaxExpandedSize = builder.archiveMaxExpandedSize;
        this.archiveMaxExpansionRatio = builder.archiveMaxExpansionRatio;
    }

    /** The defaults of the issue: 1 GB per file, 13 allowed types, PDF active content refused, archives 3/1000/2 GB/100. */
    public static Builder builder() {
        return new Builder();
    }

    /** Largest decoded size of one attached file. */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** Largest total decoded size of all parts of one message. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** Most attached files in one message (the message's own text bodies are not attachments). */
    public int maxAttachments() {
        return maxAttachments;
    }

    public Set<FileType> allowedTypes() {
        return allowedTypes;
    }

    public boolean refusePdfJavaScript() {
        return refusePdfJavaScript;
    }

    public boolean refusePdfLaunchActions() {
        return refusePdfLaunchActions;
    }

    public boolean refusePdfEmbeddedFiles() {
        return refusePdfEmbeddedFiles;
    }

    /** Most levels of archives inside archives; the outermost archive is level 1. */
    public int archiveMaxDepth() {
        return archiveMaxDepth;
    }

    /** Most entries in one archive, nested archives' entries included. */
    public int archiveMaxEntries() {
        return archiveMaxEntries;
    }

    /** Most bytes an archive may expand to, nested archives included. */
    public long archiveMaxExpandedSize() {
        return archiveMaxExpandedSize;
    }

    /** Largest ratio of expanded to compressed size of an archive or of one of its entries. */
    public int archiveMaxExpansionRatio() {
        return archiveMaxExpansionRatio;
    }

    /** Builds {@link AttachmentRules}; starts from the defaults. */
    public static final class Builder {
        private long maxFileSize = 1L << 30;
        private long maxMessageSize = 1L << 30;
        private int maxAttachments = 20;
        private Set<FileType> allowedTypes = EnumSet.allOf(FileType.class);
        private boolean refusePdfJavaScript = true;
        private boolean refusePdfLaunchActions = true;
        private boolean refusePdfEmbeddedFiles = true;
        private int archiveMaxDepth = 3;
        private int archiveMaxEntries = 1000;
        private long archiveMaxExpandedSize = 2L << 30;
        private int archiveMaxExpansionRatio = 100;

        private Builder() {
        }

        public Builder maxFileSize(long bytes) {
            this.maxFileSize = bytes;
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder maxAttachments(int count) {
            this.maxAttachments = count;
            return this;
        }

        public Builder allowedTypes(Set<FileType> types) {
            this.allowedTypes = EnumSet.copyOf(Objects.requireNonNull(types, "types").isEmpty() ? EnumSet.noneOf(FileType.class) : types);
            return this;
        }

        public Builder refusePdfJavaScript(boolean refuse) {
            this.refusePdfJavaScript = refuse;
            return this;
        }

        public Builder refusePdfLaunchActions(boolean refuse) {
            this.refusePdfLaunchActions = refuse;
            return this;
        }

        public Builder refusePdfEmbeddedFiles(boolean refuse) {
            this.refusePdfEmbeddedFiles = refuse;
            return this;
        }

        public Builder archiveMaxDepth(int depth) {
            this.archiveMaxDepth = depth;
            return this;
        }

        public Builder archiveMaxEntries(int entries) {
            this.archiveMaxEntries = entries;
            return this;
        }

        public Builder archiveMaxExpandedSize(long bytes) {
            this.archiveMaxExpandedSize = bytes;
            return this;
        }

        public Builder archiveMaxExpansionRatio(int ratio) {
            this.archiveMaxExpansionRatio = ratio;
            return this;
        }

        public AttachmentRules build() {
            return new AttachmentRules(this);
        }
    }
}
