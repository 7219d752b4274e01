package dev.rapport.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboundWorkTest {

    @Test
    void an_unexpected_failure_reaches_the_person_as_one_reference_never_a_stack_trace() throws Exception {
        InboundWork work = new InboundWork("Test");
        List<String> told = new CopyOnWriteArrayList<>();

        work.submit(
                "a command",
                () -> {
                    throw new IllegalStateException("secret detail");
                },
                text -> told.add(Catalogue.standard().text(Languages.ENGLISH, text)));
        work.close();

        assertThat(told).singleElement().satisfies(text -> {
            assertThat(text).matches("Sorry, something went wrong on our side .* reference: [0-9a-f]{8}\\.");
            assertThat(text).doesNotContain("secret detail").doesNotContain("Exception");
        });
    }

    @Test
    void close_waits_for_work_in_flight_and_then_refuses_new_work() throws Exception {
        InboundWork work = new InboundWork("Test", 4, Duration.ofSeconds(5));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        work.submit(
                "slow",
                () -> {
                    release.await(5, TimeUnit.SECONDS);
                    finished.incrementAndGet();
                },
                text -> {});

        Thread closer = Thread.ofVirtual().start(work::close);
        await().atMost(Duration.ofSeconds(5)).until(work::closing);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(closer::isAlive);
        release.countDown();
        closer.join();

        assertThat(finished).hasValue(1);
        assertThat(work.closing()).isTrue();
        assertThat(work.begin()).isEmpty();
        assertThat(work.submit("late", finished::incrementAndGet, text -> {})).isFalse();
    }

    @Test
    void an_acknowledgement_counts_from_before_it_is_sent_until_its_work_is_done() throws Exception {
        InboundWork work = new InboundWork("Test", 4, Duration.ofSeconds(5));
        InboundWork.Ticket ticket = work.begin().orElseThrow();
        AtomicInteger ran = new AtomicInteger();

        Thread closer = Thread.ofVirtual().start(work::close);
        await().atMost(Duration.ofSeconds(5)).until(work::closing);
        // The platform accepted the acknowledgement while Rapport was already closing: the work still runs.
        ticket.run("deferred", ran::incrementAndGet, text -> {});
        closer.join();

        assertThat(ran).hasValue(1);
    }

    @Test
    void a_refused_acknowledgement_does_not_hold_up_the_close() {
        InboundWork work = new InboundWork("Test", 4, Duration.ofSeconds(30));
        work.begin().orElseThrow().cancel();
        long began = System.nanoTime();

        work.close();

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void it_opens_again_after_a_close() throws Exception {
        InboundWork work = new InboundWork("Test");
        work.close();
        work.open();
        CountDownLatch ran = new CountDownLatch(1);

        assertThat(work.closing()).isFalse();
        assertThat(work.submit("again", ran::countDown, text -> {})).isTrue();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        work.close();
    }

    @Test
    void no_more_than_the_bound_run_at_once() throws Exception {
        InboundWork work = new InboundWork("Test", 2, Duration.ofSeconds(10));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < 10; i++) {
            work.submit(
                    "busy",
                    () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        gate.await(10, TimeUnit.SECONDS);
                        running.decrementAndGet();
                    },
                    text -> {});
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 2);
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> running.get() == 2);
        gate.countDown();

        work.close();

        assertThat(most.get()).isBetween(1, 2);
    }
}
