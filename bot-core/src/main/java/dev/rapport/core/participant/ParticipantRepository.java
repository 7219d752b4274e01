package dev.rapport.core.participant;

import dev.rapport.core.chat.Platform;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByPlatformAndWorkspaceIdAndPlatformUserId(
            Platform platform, String workspaceId, String platformUserId);

    List<Participant> findByPlatformAndPlatformUserIdOrderById(Platform platform, String platformUserId);

    List<Participant> findByProfileCheckedAtIsNullAndLeftAtIsNullAndPlatformInOrderById(
            Collection<Platform> platforms, Limit limit);
}
