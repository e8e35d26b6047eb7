package com.disputeassistant.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disputeassistant.app.StartupProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void findsTheNameOfAKeyFromItsHashOnly() {
        ApiKeys keys = ApiKeys.of(List.of(ApiTestKeys.setting().split(",")));

        assertThat(keys.nameOf(ApiTestKeys.SHOP_KEY)).hasValue("shop");
        assertThat(keys.nameOf(ApiTestKeys.OPS_KEY)).hasValue("ops");
        assertThat(keys.nameOf(ApiTestKeys.SHOP_KEY + " ")).isEmpty();
        assertThat(keys.nameOf("")).isEmpty();
        assertThat(keys.nameOf(ApiTestKeys.sha256Hex(ApiTestKeys.SHOP_KEY))).as("the hash is no key").isEmpty();
    }

    @Test
    void aMalformedEntryStopsTheStartSayingHowToMakeOne() {
        assertThatThrownBy(() -> ApiKeys.of(List.of("shop:" + ApiTestKeys.SHOP_KEY)))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("name:sha256")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("openssl rand -hex 32"));
        assertThat(ApiKeys.of(List.of("", " ")).isEmpty()).as("an empty DISPUTE_API_KEYS").isTrue();
        assertThatThrownBy(() -> ApiKeys.of(List.of("a:" + "0".repeat(64), "a:" + "1".repeat(64))))
                .hasMessageContaining("used twice");
    }
}
