package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smg.gateway.web.Pages.params;

import org.junit.jupiter.api.Test;

class PagesTest {
    private final Pages pages = new Pages();

    @Test
    void renderShouldEscapeTextWhenItContainsMarkup() {

        String html = pages.render("message", params("title", "<b>t</b>", "text", "<script>alert(1)</script>", "linkHref", "\"><x",
            "linkText", "go"));

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>t</b>").doesNotContain("\"><x")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void renderShouldLinkOnlyTheSitesOwnStyleSheetWhenAnyPageIsShown() {

        String html = pages.render("signin", params("csrf", "token", "address", "", "error", null));

        assertThat(html).contains("href=\"/static/site.css\"").contains("name=\"csrf\" value=\"token\"")
            .doesNotContain("<script").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void renderShouldShowTheMainNavigationWithAPostedSignOutWhenSignedIn() {

        String html = pages.render("signout", params("csrf", "token"));

        assertThat(html).contains("<a class=\"skip\" href=\"#main\">").contains("<main id=\"main\"")
            .contains("<nav aria-label=\"Main\">").contains("href=\"/mail\"").contains("href=\"/compose\"").contains("href=\"/account\"")
            .contains("<form method=\"post\" action=\"/signout\"><input type=\"hidden\" name=\"csrf\" value=\"token\">")
            .doesNotContain("aria-current").doesNotContain("href=\"/signout\"");
    }

    @Test
    void renderShouldLeaveOutTheNavigationWhenNobodyIsSignedIn() {

        String html = pages.render("signin", params("csrf", "token", "address", "", "error", "wrong"));

        assertThat(html).doesNotContain("<nav").contains("<a class=\"skip\" href=\"#main\">")
            .contains("id=\"form-error\"").contains("aria-describedby=\"form-error\"");
    }
}
