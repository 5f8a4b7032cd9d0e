package org.smg.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * The files accepted for the message a session is writing: each kept on disk encrypted, with the name the citizen gave
 * and the type its bytes show. Bounded by the attachment policy when added ({@link ComposeAttachments}), the check and
 * the addition in one step, so uploads running at once cannot pass the limits together; deleted when the message is
 * sent, when one is removed, when another draft is opened, or when the session ends, after which nothing is added
 * (a file still arriving then is deleted at once).
 */
final class ComposeFiles {
    /** One accepted file. {@code id} is its position-independent handle in forms. */
    record File(String id, String name, long size, String detectedType, EncryptedTemporaryFile content) {
        AttachedFile view() {
            return new AttachedFile(id, name, HumanSize.of(size), detectedType);
        }
    }

    /** What the "Success!" page of a sent message shows. */
    record Receipt(String id, String to, List<AttachedFile> files) {
    }

    private static final int RECEIPTS_KEPT = 10;

    private final List<File> files = new ArrayList<>();
    private final java.util.Deque<Receipt> receipts = new java.util.ArrayDeque<>();
    private int next;
    private boolean closed;

    synchronized List<File> list() {
        return List.copyOf(files);
    }

    synchronized long totalSize() {
        return files.stream().mapToLong(File::size).sum();
    }

    synchronized File add(String name, long size, String detectedType, EncryptedTemporaryFile content) {
        return addWithin(name, size, detectedType, content, Integer.MAX_VALUE, Long.MAX_VALUE).orElseThrow(
            () -> new IllegalStateException("the session has ended"));
    }

    /**
     * Adds the file when the message stays within {@code maxFiles} and {@code maxTotal} bytes and the session is still
     * open; otherwise deletes it and returns empty.
     */
    synchronized Optional<File> addWithin(String name, long size, String detectedType, EncryptedTemporaryFile content, int maxFiles,
                                          long maxTotal) {
        if (closed || files.size() >= maxFiles || totalSize() + size > maxTotal) {
            content.close();
            return Optional.empty();
        }
        File file = new File("f" + (++next), name, size, detectedType, content);
        files.add(file);
        return Optional.of(file);
    }

    synchronized Optional<File> remove(String id) {
        Optional<File> found = files.stream().filter(file -> file.id().equals(id)).findFirst();
        found.ifPresent(file -> {
            files.remove(file);
            file.content().close();
        });
        return found;
    }

    synchronized void sent(Receipt receipt) {
        receipts.addFirst(receipt);
        while (receipts.size() > RECEIPTS_KEPT) {
            receipts.removeLast();
        }
    }

    synchronized Optional<Receipt> receipt(String id) {
        return receipts.stream().filter(receipt -> receipt.id().equals(id)).findFirst();
    }

    /** Deletes every file. */
    synchronized void clear() {
        files.forEach(file -> file.content().close());
        files.clear();
    }

    /** Deletes these files (those a sent message carried); files added meanwhile stay for the next message. */
    synchronized void clear(List<File> sent) {
        for (File file : sent) {
            if (files.remove(file)) {
                file.content().close();
            }
        }
    }

    /** The session ended: every file is deleted, and none is added any more. */
    synchronized void close() {
        closed = true;
        clear();
    }
}
