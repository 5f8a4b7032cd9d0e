package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AddressAllocatorTest {
    @Test
    void localPartShouldFoldAccentsApostrophesAndSpacesWhenTheNameHasThem() {
        assertThat(AddressAllocator.localPart("José María O'Neil")).isEqualTo("jose.maria.oneil");
        assertThat(AddressAllocator.localPart("  Acme Widgets, LLC  ")).isEqualTo("acme.widgets.llc");
        assertThat(AddressAllocator.localPart("Zoë  D’Arcy-Smith")).isEqualTo("zoe.darcy.smith");
    }

    @Test
    void localPartShouldFallBackToCitizenWhenNothingIsLeftOfTheName() {
        assertThat(AddressAllocator.localPart("王小明")).isEqualTo("citizen");
        assertThat(AddressAllocator.localPart("---")).isEqualTo("citizen");
    }

    @Test
    void localPartShouldCutAtFortyCharactersWithoutATrailingDotWhenTheNameIsLong() {
        String local = AddressAllocator.localPart("Bartholomew Alexander Montgomery Fitzwilliam the Third");

        assertThat(local).hasSizeLessThanOrEqualTo(40).doesNotEndWith(".").startsWith("bartholomew.alexander.montgomery");
    }

    @Test
    void allocateShouldNumberFromTwoWhenTheAddressIsTaken() throws Exception {
        Set<String> taken = Set.of("jane.doe@gateway.test", "jane.doe2@gateway.test");

        String address = AddressAllocator.allocate("Jane Doe", "gateway.test", taken::contains);

        assertThat(address).isEqualTo("jane.doe3@gateway.test");
    }

    @Test
    void allocateShouldSkipRoleMailboxesWhenTheNameSpellsOne() throws Exception {
        assertThat(AddressAllocator.allocate("Postmaster", "gateway.test", any -> false)).isEqualTo("postmaster2@gateway.test");
        assertThat(AddressAllocator.allocate("Mailer Daemon", "gateway.test", any -> false)).isEqualTo("mailer.daemon2@gateway.test");
        assertThat(AddressAllocator.allocate("Abuse Prevention", "gateway.test", any -> false)).isEqualTo("abuse.prevention@gateway.test");
    }
}
