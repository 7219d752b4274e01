package dev.rapport.core.schedule;

import dev.rapport.core.pair.PairEnded;
import dev.rapport.core.pair.PairStarted;
import dev.rapport.core.participant.ParticipantLeft;
import dev.rapport.core.participant.ParticipantTimeChanged;
import dev.rapport.core.programme.CadenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the slots in step with the facts they are computed from. The features that change those facts publish what
 * happened and know nothing of the schedule, which keeps the dependencies pointing one way (schedule → pair,
 * participant, programme). The listeners run in the publisher's transaction, so a slot never disagrees with a
 * committed fact.
 */
@Component
class ScheduleChanges {

    private final SlotPlanner planner;

    ScheduleChanges(SlotPlanner planner) {
        this.planner = planner;
    }

    @EventListener
    void on(PairStarted started) {
        planner.planPair(started.pairId());
    }

    @EventListener
    void on(PairEnded ended) {
        planner.retirePair(ended.pairId());
    }

    @EventListener
    void on(ParticipantTimeChanged changed) {
        planner.replanParticipant(changed.participantId());
    }

    @EventListener
    void on(ParticipantLeft left) {
        left.endedPairIds().forEach(planner::retirePair);
    }

    @EventListener
    void on(CadenceChanged changed) {
        planner.replanProgramme(changed.programmeId());
    }
}
