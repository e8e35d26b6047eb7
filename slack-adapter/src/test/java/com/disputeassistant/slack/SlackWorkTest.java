package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class SlackWorkTest {

    @Test
    void everyKindReadsBackAsWritten() {
        List<SlackWork> all = List.of(
                new SlackWork.Text("T1", "U1", "Chapters \"3\" & <4>\nare missing", "slack:ts:DU1:1.000100"),
                new SlackWork.Press("T1", "U1", "abcdefghijklmnop.2", "DU1", "1.000200", "1.000300", "trigger-1"),
                new SlackWork.Submission("T1", "U1", "V1", Form.CALLBACK_PREFIX + "TASKS", "one\ntwo"),
                new SlackWork.Submission("T1", "U1", "V2", Form.CALLBACK_PREFIX + "FEE", null),
                new SlackWork.HomeOpened("T1", "U1"));

        assertThat(all).allSatisfy(work -> assertThat(SlackWork.read(work.json())).isEqualTo(work));
        assertThat(all.get(1).json()).contains("\"kind\":\"press\"").doesNotContain("deliveryId");
    }

    @Test
    void aPressIsOneDeliveryPerPress() {
        SlackWork.Press press = new SlackWork.Press("T1", "U1", "tok.0", "DU1", "1.000200", "1.000300", "trigger-1");

        assertThat(press.deliveryId()).isEqualTo("slack:action:DU1:1.000200:1.000300");
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> SlackWork.read("{\"kind\":\"reaction\",\"team\":\"T1\",\"user\":\"U1\"}"))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> SlackWork.read("not json")).isInstanceOf(JacksonException.class);
    }
}
