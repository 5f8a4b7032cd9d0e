package org.smg.gateway.provisioning;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAccountTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.10", "::"})
    void requireLoopbackShouldRefuseWhenTheServicesListenBeyondLoopback(String address) throws Exception {
        InetAddress bindAddress = InetAddress.getByName(address);

        assertThatThrownBy(() -> DemoAccount.requireLoopback(bindAddress))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gateway.bindAddress is " + bindAddress.getHostAddress())
            .hasMessageContaining("--no-demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1"})
    void requireLoopbackShouldAcceptWhenTheServicesListenOnLoopback(String address) throws Exception {
        InetAddress bindAddress = InetAddress.getByName(address);

        assertThatCode(() -> DemoAccount.requireLoopback(bindAddress)).doesNotThrowAnyException();
    }
}
