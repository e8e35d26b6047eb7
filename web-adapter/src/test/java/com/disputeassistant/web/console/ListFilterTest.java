package com.disputeassistant.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.testing.TestDisputes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListFilterTest {

    @Test
    void readsTheValuesTheFormOffersAndLeavesOutOthersSayingSo() {
        ListFilter filter = ListFilter.parse("task-review", "3", "Slack");
        assertThat(filter).isEqualTo(new ListFilter(Optional.of(Step.TASK_REVIEW), 3, Optional.of("slack"), true));
        assertThat(ListFilter.parse(null, "", " ")).isEqualTo(ListFilter.NONE);

        ListFilter odd = ListFilter.parse("closed", "2", "fax");
        assertThat(odd.understood()).isFalse();
        assertThat(odd.isEmpty()).isTrue();
    }

    @Test
    void keepsDisputesAtTheStepOldEnoughAndWithSomeoneOnTheChannel() {
        Dispute dispute = TestDisputes.opened();
        assertThat(ListFilter.parse("intake", "", "").test(dispute, TestDisputes.NOW, Set.of()))
                .isEqualTo(dispute.step() == Step.INTAKE);
        assertThat(ListFilter.parse("", "1", "").test(dispute, TestDisputes.NOW.plus(Duration.ofHours(23)), Set.of())).isFalse();
        assertThat(ListFilter.parse("", "1", "").test(dispute, TestDisputes.NOW.plus(Duration.ofDays(1)), Set.of())).isTrue();
        assertThat(ListFilter.parse("", "", "telegram").test(dispute, TestDisputes.NOW, Set.of("web"))).isFalse();
        assertThat(ListFilter.parse("", "", "telegram").test(dispute, TestDisputes.NOW, Set.of("web", "telegram"))).isTrue();
    }
}
