package org.smg.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * The files accepted for the message a session is writing: each kept on disk encrypted, with the name the citizen gave
 * and the type its bytes show. Bounded by the attachment policy when added ({@link ComposePages}); deleted when the
 * message is sent, when the session ends, or when another draft is opened.
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

    synchronized List<File> list() {
        return List.copyOf(files);
    }

    synchronized long totalSize() {
        return files.stream().mapToLong(File::size).sum();
    }

    synchronized File add(String name, long size, String detectedType, EncryptedTemporaryFile content) {
        File file = new File("f" + (++next), name, size, detectedType, content);
        files.add(file);
        return file;
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

    /** Hands the files over (to a sent message's page) without deleting them; the list is empty afterwards. */
    synchronized List<File> takeAll() {
        List<File> taken = List.copyOf(files);
        files.clear();
        return taken;
    }
}
