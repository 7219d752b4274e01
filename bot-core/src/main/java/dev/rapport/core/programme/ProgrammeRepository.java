package dev.rapport.core.programme;

import dev.rapport.core.chat.Platform;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeRepository extends JpaRepository<Programme, Long> {

    List<Programme> findByPlatformAndWorkspaceIdOrderByName(Platform platform, String workspaceId);

    Optional<Programme> findByPlatformAndWorkspaceIdAndNameIgnoreCase(
            Platform platform, String workspaceId, String name);
}
