package org.smg.gateway.attachments;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.smg.policies.model.AttachmentRules;
import org.smg.policies.model.FileType;

/**
 * Applies the attachment policy to one file, attached or inside an archive, in this order: size, type from the bytes,
 * the name compared with that type, the type allowed or refused, then the content checks registered for the type
 * (archives opened, PDFs parsed, Office files looked into). The first refusal is the file's answer.
 *
 * <p>An archive check needs this inspector for its entries, so the checks are made from it:
 * {@code new PolicyFileInspector(detector, self -> Map.of(FileType.ZIP, List.of(new ZipCheck(self))))}.
 */
public final class PolicyFileInspector implements FileInspector {
    private final TypeDetector detector;
    private final Map<FileType, List<ContentCheck>> checks;

    /** @param checks makes the checks per detected type, given this inspector for archives to recurse into */
    public PolicyFileInspector(TypeDetector detector, Function<FileInspector, Map<FileType, List<ContentCheck>>> checks) {
        this.detector = Objects.requireNonNull(detector, "detector");
        Map<FileType, List<ContentCheck>> made = new EnumMap<>(FileType.class);
        checks.apply(this).forEach((type, list) -> made.put(type, List.copyOf(list)));
        this.checks = Map.copyOf(made);
    }

    @Override
    public Optional<Refusal> inspect(String fileName, SpooledContent content, AttachmentRules rules, ArchiveBudget budget) throws IOException {
        if (content.size() > rules.maxFileSize()) {
            return Optional.of(new Refusal(fileName, RefusalReason.FILE_TOO_LARGE,
                "larger than the " + Sizes.human(rules.maxFileSize()) + " allowed per file"));
        }
        String mediaType = detector.detect(content);
        Optional<FileType> type = FileNames.fileType(mediaType, fileName);
        Optional<Refusal> refusal = NameCheck.check(fileName, mediaType, type)
            .or(() -> TypePolicy.check(fileName, mediaType, type, rules));
        if (refusal.isPresent() || type.isEmpty()) {
            return refusal;
        }
        for (ContentCheck check : checks.getOrDefault(type.get(), List.of())) {
            Optional<Refusal> found = check.check(fileName, mediaType, content, rules, budget);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
