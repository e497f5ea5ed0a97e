package dev.storefront.platform.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapStartTest {

    @Test
    void mayCheckpoint_shouldBeFalse_onlyWhenLambdaSaysTheInitCannotBeSnapshotted() {
        assertThat(SnapStart.mayCheckpoint("snap-start")).isTrue();
        assertThat(SnapStart.mayCheckpoint(null)).isTrue();
        assertThat(SnapStart.mayCheckpoint("on-demand")).isFalse();
        assertThat(SnapStart.mayCheckpoint("provisioned-concurrency")).isFalse();
    }

    @Test
    void primingStep_shouldReportTheExpectedException_asExpected_andAnyOtherOutcomeAsNot() {
        PrimingStep absent = PrimingStep.expecting("read", IllegalArgumentException.class, () -> {
            throw new IllegalArgumentException("absent");
        });
        PrimingStep found = PrimingStep.expecting("read", IllegalArgumentException.class, () -> { });
        PrimingStep failed = new PrimingStep("read", () -> {
            throw new IllegalStateException("down");
        });

        assertThat(absent.run().expected()).isTrue();
        assertThat(found.run().expected()).isFalse();
        assertThat(failed.run()).extracting(PrimingResult::outcome, PrimingResult::expected)
                .containsExactly("IllegalStateException", false);
    }
}
