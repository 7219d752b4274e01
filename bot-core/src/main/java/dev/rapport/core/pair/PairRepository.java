package dev.rapport.core.pair;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PairRepository extends JpaRepository<Pair, Long> {

    @Query("select p from Pair p where p.status <> 'ENDED' and (p.mentorId = ?1 or p.menteeId = ?1) order by p.id")
    List<Pair> findOpenFor(long participantId);

    @Query("select p from Pair p where p.status <> 'ENDED' and p.programmeId = ?1 order by p.id")
    List<Pair> findOpenIn(long programmeId);

    @Query(
            "select count(p) > 0 from Pair p where p.status <> 'ENDED' and p.programmeId = ?1 and p.mentorId = ?2 and p.menteeId = ?3")
    boolean existsOpen(long programmeId, long mentorId, long menteeId);
}
