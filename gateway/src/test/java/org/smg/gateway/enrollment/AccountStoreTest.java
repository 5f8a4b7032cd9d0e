package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountStoreTest {
    private static final Instant CREATED = Instant.parse("2024-06-01T10:00:00.123Z");

    private AccountStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = EnrollmentWorld.fresh().accounts;
    }

    @Test
    void findShouldReturnEveryFieldWhenTheAccountWasInserted() throws Exception {
        Account business = new Account("acme.llc@gateway.test", "Pat Smith", "cfo@acme.example", List.of("LB&I", "ECO"),
            AccountState.ACTIVE, Optional.of("ECO=1;LB&I=1"), Optional.of(CREATED.plusSeconds(60)),
            Optional.of(new BusinessIdentity("12-3456789", "Acme LLC")), CREATED);
        Account person = new Account("jane.doe@gateway.test", "Jane Doe", "jane@example.net", List.of(), AccountState.INVITED,
            Optional.empty(), Optional.empty(), Optional.empty(), CREATED);

        store.insert(business);
        store.insert(person);

        assertThat(store.find("acme.llc@gateway.test")).contains(business);
        assertThat(store.find("jane.doe@gateway.test")).contains(person);
    }

    @Test
    void findShouldIgnoreCaseOfTheAddressAndTheEmail() throws Exception {
        store.insert(jane(AccountState.INVITED));

        assertThat(store.find(" Jane.Doe@GATEWAY.test ")).isPresent();
        assertThat(store.findByEmail("JANE@Example.NET")).isPresent();
        assertThat(store.addressTaken("JANE.DOE@gateway.test")).isTrue();
        assertThat(store.addressTaken("jane.doe2@gateway.test")).isFalse();
    }

    @Test
    void insertShouldRefuseASecondAccountWhenTheEmailOrAddressIsTaken() throws Exception {
        store.insert(jane(AccountState.INVITED));

        assertThatThrownBy(() -> store.insert(new Account("other@gateway.test", "Other", "Jane@example.net", List.of(),
            AccountState.INVITED, Optional.empty(), Optional.empty(), Optional.empty(), CREATED))).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store.insert(new Account("jane.doe@gateway.test", "Other", "other@example.net", List.of(),
            AccountState.INVITED, Optional.empty(), Optional.empty(), Optional.empty(), CREATED))).isInstanceOf(SQLException.class);
    }

    @Test
    void updateShouldReplaceTheStoredFieldsWhenTheAccountExists() throws Exception {
        store.insert(jane(AccountState.INVITED));
        Account changed = jane(AccountState.ACTIVE).withProgram("ECO").withTerms("ECO=1", CREATED.plusSeconds(5));

        store.update(changed);

        assertThat(store.find("jane.doe@gateway.test")).contains(changed);
    }

    @Test
    void updateShouldFailWhenTheAccountDoesNotExist() {
        assertThatThrownBy(() -> store.update(jane(AccountState.ACTIVE))).isInstanceOf(SQLException.class).hasMessageContaining("no account");
    }

    @Test
    void listShouldOrderByAddressAndFilterByStateWhenAsked() throws Exception {
        store.insert(account("zed@gateway.test", "zed@example.net", AccountState.ACTIVE));
        store.insert(account("amy@gateway.test", "amy@example.net", AccountState.SUSPENDED));
        store.insert(account("bob@gateway.test", "bob@example.net", AccountState.ACTIVE));

        assertThat(store.list(Optional.empty())).extracting(Account::address)
            .containsExactly("amy@gateway.test", "bob@gateway.test", "zed@gateway.test");
        assertThat(store.list(Optional.of(AccountState.ACTIVE))).extracting(Account::address)
            .containsExactly("bob@gateway.test", "zed@gateway.test");
        assertThat(store.list(Optional.of(AccountState.OPTED_OUT))).isEmpty();
    }

    private static Account jane(AccountState state) {
        return account("jane.doe@gateway.test", "jane@example.net", state);
    }

    private static Account account(String address, String email, AccountState state) {
        return new Account(address, "Someone", email, List.of(), state, Optional.empty(), Optional.empty(), Optional.empty(), CREATED);
    }
}
