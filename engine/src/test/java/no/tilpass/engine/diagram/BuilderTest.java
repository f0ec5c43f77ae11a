package no.tilpass.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuilderTest {
    /** Builds {@code count} distinct nodes: chains of one node per level, each ending in a different node. */
    private static void buildNodes(Builder builder, int count) {
        int previous = Builder.TRUE;
        for (int i = 0; i < count; i++) {
            previous = builder.mk(i % 20, previous, Builder.FALSE) == previous
                    ? previous
                    : builder.mk(i % 20, previous == Builder.TRUE ? Builder.FALSE : Builder.TRUE, previous);
        }
    }

    @Test
    void a_builder_past_its_deadline_gives_up_at_its_next_look_at_the_clock() {
        Builder late = new Builder(20, 1_000_000, System.nanoTime() - 1);
        assertThatThrownBy(() -> buildNodes(late, 10_000)).isInstanceOf(Builder.TooLarge.class);
        assertThat(late.count()).isLessThanOrEqualTo(4096);
    }

    @Test
    void a_builder_within_its_deadline_or_without_one_builds_on() {
        Builder early = new Builder(20, 1_000_000, System.nanoTime() + 3_600_000_000_000L);
        buildNodes(early, 10_000);
        Builder unlimited = new Builder(20, 1_000_000);
        buildNodes(unlimited, 10_000);
        assertThat(early.count()).isEqualTo(unlimited.count()).isGreaterThan(4096);
    }

    @Test
    void a_builder_gives_up_at_its_node_limit() {
        Builder small = new Builder(20, 100);
        assertThatThrownBy(() -> buildNodes(small, 10_000)).isInstanceOf(Builder.TooLarge.class);
        assertThat(small.count()).isEqualTo(100);
    }
}
