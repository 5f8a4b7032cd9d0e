package org.smg.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class TablesTest {
    private static final List<Tables.Column> COLUMNS = List.of(new Tables.Column("ADDRESS", "address"),
        new Tables.Column("STATE", "state"), new Tables.Column("PROGRAMS", "programs"));

    @Test
    void tableShouldAlignColumnsAndJoinListsWhenRowsDifferInWidth() throws Exception {
        JsonNode list = WebAdminClient.JSON.readTree("[{\"address\":\"jane.doe@gw\",\"state\":\"active\",\"programs\":[\"ECO\",\"TEGE\"]},"
            + "{\"address\":\"al@gw\",\"state\":\"invited\",\"programs\":[]}]");

        String table = Tables.table(list, COLUMNS);

        assertThat(table).isEqualTo("""
            ADDRESS      STATE    PROGRAMS
            jane.doe@gw  active   ECO,TEGE
            al@gw        invited  -
            """);
    }

    @Test
    void tableShouldSayNoneWhenTheListIsEmpty() throws Exception {
        assertThat(Tables.table(WebAdminClient.JSON.readTree("[]"), COLUMNS)).isEqualTo("(none)\n");
    }

    @Test
    void tableShouldShowControlCharactersAsQuestionMarksWhenAValueCarriesATerminalEscape() throws Exception {
        JsonNode list = WebAdminClient.JSON.readTree("[{\"address\":\"x\\u001b[2Jy@gw\",\"state\":null}]");

        String table = Tables.table(list, COLUMNS);

        assertThat(table).doesNotContain("\u001b").contains("x?[2Jy@gw").contains("  -");
    }

    @Test
    void fieldsShouldListPresentFieldsAlignedWhenSomeAreAbsent() throws Exception {
        JsonNode object = WebAdminClient.JSON.readTree("{\"id\":\"abc\",\"link\":\"https://h:8443/register/t\",\"expires\":\"2026-01-01T00:00:00Z\"}");

        String fields = Tables.fields(object, List.of("id", "address", "link", "expires"));

        assertThat(fields).isEqualTo("""
            id:      abc
            link:    https://h:8443/register/t
            expires: 2026-01-01T00:00:00Z
            """);
    }
}
