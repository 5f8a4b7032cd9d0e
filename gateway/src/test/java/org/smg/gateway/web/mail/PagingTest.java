package org.smg.gateway.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void ofShouldShowTheNewestItemsWhenOnTheFirstPage() {
        Paging paging = Paging.of(60, 1, 25);

        assertThat(paging).isEqualTo(new Paging(1, 3, 60, 35, 60));
        assertThat(paging.hasPrevious()).isFalse();
        assertThat(paging.hasNext()).isTrue();
    }

    @Test
    void ofShouldShowTheOldestRestWhenOnTheLastPage() {
        Paging paging = Paging.of(60, 3, 25);

        assertThat(paging).isEqualTo(new Paging(3, 3, 60, 0, 10));
        assertThat(paging.hasNext()).isFalse();
    }

    @Test
    void ofShouldShowTheLastPageWhenAskedForOnePastTheEnd() {
        assertThat(Paging.of(30, 9, 25)).isEqualTo(new Paging(2, 2, 30, 0, 5));
    }

    @Test
    void ofShouldShowOneEmptyPageWhenThereAreNoItems() {
        assertThat(Paging.of(0, 1, 25)).isEqualTo(new Paging(1, 1, 0, 0, 0));
    }

    @Test
    void parseShouldGivePageOneWhenTheNumberIsNotDigits() {
        assertThat(Paging.parse("-3")).isEqualTo(1);
        assertThat(Paging.parse("2x")).isEqualTo(1);
        assertThat(Paging.parse(null)).isEqualTo(1);
        assertThat(Paging.parse("4")).isEqualTo(4);
    }
}
