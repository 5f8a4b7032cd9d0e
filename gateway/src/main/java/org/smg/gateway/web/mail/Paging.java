package org.smg.gateway.web.mail;

/**
 * One page of a list shown newest first: which items of the list (oldest first, as UIDs come) it shows. Page numbers
 * start at 1; a number past the last page shows the last page, so an old link after deletions still shows mail.
 */
public record Paging(int page, int pages, int total, int from, int to) {
    public static final int PAGE_SIZE = 25;

    /**
     * @param total the number of items
     * @param requested the page asked for (1 or more; anything else is page 1)
     * @param size items per page
     */
    public static Paging of(int total, int requested, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + size);
        }
        int pages = Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, requested), pages);
        // Newest first: page 1 holds the last `size` items of the oldest-first list.
        int to = total - (page - 1) * size;
        int from = Math.max(0, to - size);
        return new Paging(page, pages, total, from, Math.max(to, 0));
    }

    /** Parses a page number from a query parameter: digits only, else page 1. */
    public static int parse(String text) {
        if (text == null || !text.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Integer.parseInt(text);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
