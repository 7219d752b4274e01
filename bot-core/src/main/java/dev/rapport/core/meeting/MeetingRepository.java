package dev.rapport.core.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    Optional<Meeting> findFirstByPairIdAndHeldOn(long pairId, LocalDate heldOn);

    List<Meeting> findTop10ByPairIdOrderByHeldOnDesc(long pairId);
}
